using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Tests.Binding;
using Xunit;

namespace SessionGen.Generators.Tests.MalformedAbis;

/// <summary>
/// Each file here is wrong in one way; binding it reports that one problem at the right place in the file
/// (listed in expectations.txt), never crashes the generator, and never produces code that fails to compile.
/// </summary>
public class MalformedAbiTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Directory(), "expectations.txt")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split(" | ");
            data.Add(parts[0], parts[1], parts[2]);
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_twenty_files_and_each_has_an_expectation()
    {
        var files = System.IO.Directory.EnumerateFiles(Directory(), "*.json").Select(Path.GetFileName).Order().ToList();
        Assert.True(files.Count >= 20, $"only {files.Count} malformed ABIs");
        Assert.Equal(files, Cases().Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_file_gives_its_located_diagnostic(string file, string id, string where)
    {
        var text = File.ReadAllText(Path.Combine(Directory(), file));
        var path = "/project/abis/" + file;

        var run = BindingHarness.Run("Broken", file, text).AssertNoGeneratorCrash().AssertCompiles();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(id == "SESSGEN008" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        if (id == "SESSGEN002")
        {
            Assert.Equal(where, $"{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}");
            Assert.EndsWith($"(line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1})", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            var located = text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
            Assert.Equal(where, located.Length > where.Length && where == "{" ? located[..1] : located);
        }
    }

    private static string Directory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
