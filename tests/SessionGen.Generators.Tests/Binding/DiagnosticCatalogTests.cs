using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Diagnostics;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>Every binding diagnostic (SESSGEN0xx, SESSGEN100–109) has a docs page and a release-tracking row, and its help link points at the page.</summary>
public class DiagnosticCatalogTests
{
    public static TheoryData<string> BindingDiagnosticIds => new(
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>()
            .Select(d => d.Id)
            .Where(id => id.StartsWith("SESSGEN0", System.StringComparison.Ordinal) || string.CompareOrdinal(id, "SESSGEN100") >= 0 && string.CompareOrdinal(id, "SESSGEN109") <= 0)
            .Order());

    [Theory]
    [MemberData(nameof(BindingDiagnosticIds))]
    public void Each_binding_diagnostic_is_documented_and_tracked(string id)
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text);
        Assert.Contains("## Cause", text);
        Assert.Contains("## How to fix", text);
        Assert.Contains("## Example", text);

        var releases = File.ReadAllLines(Path.Combine(RepositoryRoot(), "src", "SessionGen.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.Single(releases, line => line.StartsWith(id + " ", System.StringComparison.Ordinal));

        var descriptor = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Single(d => d.Id == id);
        Assert.EndsWith($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
    }

    [Fact]
    public void The_class_not_partial_id_is_stable() => Assert.Equal("SESSGEN100", DiagnosticIds.ClassNotPartial);

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
