using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace SessionGen.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions: <c>{TestFile}.{name}.verified.txt</c> lives next to the test file. A mismatch or a
/// missing snapshot writes <c>…received.txt</c> and fails with a +/- diff. Setting the environment variable
/// <c>SESSIONGEN_ACCEPT_SNAPSHOTS=1</c> accepts the received text instead (a deliberate act, never the default).
/// </summary>
public static partial class Snapshot
{
    /// <summary>The environment variable that accepts received snapshots.</summary>
    public const string AcceptVariable = "SESSIONGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> (line endings normalized, generator version scrubbed) with its verified snapshot.</summary>
    /// <param name="actual">The text to check.</param>
    /// <param name="name">Distinguishes several snapshots of one test file (becomes part of the file name).</param>
    /// <param name="testFile">Filled in by the compiler: the calling test's source file.</param>
    public static void Verify(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var directory = Path.GetDirectoryName(testFile) ?? throw new InvalidOperationException("The test file has no directory.");
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(testFile) + "." + name);
        var verifiedPath = stem + ".verified.txt";
        var receivedPath = stem + ".received.txt";
        var received = Scrub(actual);

        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        var message = verified is null
            ? $"No verified snapshot '{verifiedPath}'. Wrote '{receivedPath}'; review it and rename it to .verified.txt (or rerun with {AcceptVariable}=1)."
            : $"Snapshot '{verifiedPath}' differs. Wrote '{receivedPath}'; review the diff (- verified, + received) and accept with {AcceptVariable}=1.\n{Diff(verified, received)}";
        throw new XunitException(message);
    }

    /// <summary>Normalizes line endings and replaces the generator version so snapshots survive version bumps.</summary>
    public static string Scrub(string text) =>
        GeneratedCodeVersion().Replace(text.Replace("\r\n", "\n"), "GeneratedCode(\"SessionGen\", \"VERSION\")");

    /// <summary>A unified-style +/- diff of two texts, with line numbers, showing only changed lines and a little context.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        var lines = model.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var near = false;
            for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2) && !near; j++)
            {
                near = lines[j].Type != ChangeType.Unchanged;
            }

            if (!near)
            {
                continue;
            }

            var prefix = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            builder.Append(lines[i].Position?.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5) ?? "     ").Append(' ').Append(prefix).AppendLine(lines[i].Text);
        }

        return builder.ToString();
    }

    [GeneratedRegex("GeneratedCode\\(\"SessionGen\", \"[^\"]*\"\\)")]
    private static partial Regex GeneratedCodeVersion();
}
