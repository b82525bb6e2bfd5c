using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace SessionGen.Tests.Infrastructure;

/// <summary>
/// Runs a reference-vector script from <c>tests/vectors</c> under node and returns its JSON output.
/// The npm packages are installed by <c>eng/install-node-tools.sh</c>, which the test command runs first;
/// a missing install is a test failure with the command to fix it, never a skip.
/// </summary>
internal static class NodeVectors
{
    public static string VectorsDirectory { get; } = FindVectorsDirectory();

    /// <summary>Runs <c>node {script} {args}</c> in tests/vectors and parses its standard output as JSON.</summary>
    public static JsonDocument Run(string script, params string[] args)
    {
        if (!Directory.Exists(Path.Combine(VectorsDirectory, "node_modules")))
        {
            throw new InvalidOperationException($"The reference SDKs are not installed in {VectorsDirectory}: run 'bash eng/install-node-tools.sh'.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = VectorsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {stderr.Result}");
        }

        return JsonDocument.Parse(stdout);
    }

    private static string FindVectorsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "vectors");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/vectors was not found above " + AppContext.BaseDirectory);
    }
}
