using System.IO;
using SessionGen.IntegrationTests.Packaging;
using Xunit;

namespace SessionGen.IntegrationTests.Benchmarks;

/// <summary>The benchmark program as the solution build leaves it (the tests run it; they do not build it).</summary>
internal static class BenchmarkAssembly
{
    public static string Path { get; } = System.IO.Path.Combine(
        RepositoryPaths.Root, "benchmarks", "SessionGen.Benchmarks", "bin", RepositoryPaths.Configuration, "net10.0", "SessionGen.Benchmarks.dll");

    public static string EnsureBuilt()
    {
        Assert.True(File.Exists(Path), $"The benchmark project was not built: {Path}");
        return Path;
    }
}
