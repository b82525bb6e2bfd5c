using System;
using System.IO;
using System.Linq;

namespace SessionGen.IntegrationTests.Packaging;

/// <summary>
/// Packs the SessionGen package once per test run into a private feed with a version no other run has used,
/// so that the global packages cache can never hand back an older build.
/// </summary>
public sealed class PackedPackageFixture : IDisposable
{
    public PackedPackageFixture()
    {
        WorkDirectory = Directory.CreateTempSubdirectory("sessiongen-pkg-").FullName;
        FeedDirectory = Path.Combine(WorkDirectory, "feed");
        PackagesDirectory = Path.Combine(WorkDirectory, "packages");
        Version = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N")[..8];

        // --no-build: the test command has just built the solution in this configuration.
        DotnetCli.Run(
            RepositoryPaths.Root,
            null,
            "pack", Path.Combine("src", "SessionGen", "SessionGen.csproj"),
            "-c", RepositoryPaths.Configuration, "--no-build", "-o", FeedDirectory, "-p:Version=" + Version)
            .EnsureSuccess("dotnet pack");

        PackagePath = Directory.GetFiles(FeedDirectory, "SessionGen.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
    }

    public string WorkDirectory { get; }

    public string FeedDirectory { get; }

    /// <summary>A restore folder private to this run (RestorePackagesPath), so nothing comes from the global cache.</summary>
    public string PackagesDirectory { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a run over cleanup.
        }
    }
}
