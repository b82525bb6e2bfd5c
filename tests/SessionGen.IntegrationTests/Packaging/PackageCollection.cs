using Xunit;

namespace SessionGen.IntegrationTests.Packaging;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackageFixture>
{
    public const string Name = "Packed SessionGen package";
}
