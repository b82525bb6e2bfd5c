using System.Collections.Generic;
using System.IO;

namespace SessionGen.IntegrationTests.Packaging;

/// <summary>
/// A brand-new project on disk that references SessionGen from the test feed only, the way a user's project would:
/// a PackageReference, ABI files under abis/, and nothing else in the csproj.
/// </summary>
internal sealed class ConsumerProject
{
    private readonly PackedPackageFixture _package;

    public ConsumerProject(PackedPackageFixture package, string name, string targetFramework = "net10.0")
    {
        _package = package;
        Directory = Path.Combine(package.WorkDirectory, name);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{package.PackagesDirectory}</RestorePackagesPath>
                <NuGetAudit>false</NuGetAudit>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SessionGen" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        // The test feed is added beside the machine's own sources (which serve SessionGen's dependencies);
        // the unique version exists only in the test feed.
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="sessiongen-test-feed" value="{package.FeedDirectory}" />
              </packageSources>
            </configuration>
            """);
        // Keep the repository's build props and editorconfig out of the consumer, as on a user's machine.
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(Directory, ".editorconfig"), "root = true\n");
    }

    public string Directory { get; }

    public ConsumerProject WithFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public ConsumerProject WithRepositoryAbi(string fileName) =>
        WithFile(Path.Combine("abis", fileName), File.ReadAllText(Path.Combine(RepositoryPaths.Root, "abis", fileName)));

    public DotnetCli.Result Build() => DotnetCli.Run(Directory, Environment, "build", "-c", "Release", "-nodeReuse:false");

    public DotnetCli.Result Run() => DotnetCli.Run(Directory, Environment, "run", "-c", "Release", "--no-build");

    /// <summary>Runs MSBuild on the project (e.g. <c>-t:Restore</c>, or <c>-getItem:X</c> to evaluate without building).</summary>
    public DotnetCli.Result MSBuild(params string[] args) => DotnetCli.Run(Directory, Environment, ["msbuild", "-nodeReuse:false", .. args]);

    /// <summary>Where the restore took SessionGen from: the feed recorded in the restored package's metadata.</summary>
    public string RestoredPackageSource() =>
        File.ReadAllText(Path.Combine(_package.PackagesDirectory, "sessiongen", _package.Version.ToLowerInvariant(), ".nupkg.metadata"));

    private static Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = string.Empty };
}
