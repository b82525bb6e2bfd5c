using System;
using System.IO;

namespace SessionGen.IntegrationTests.Packaging;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds SessionGen.sln.</summary>
    public static string Root { get; } = Find();

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SessionGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SessionGen.sln was not found above " + AppContext.BaseDirectory);
    }
}
