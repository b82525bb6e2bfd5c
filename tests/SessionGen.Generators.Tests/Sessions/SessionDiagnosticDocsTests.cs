using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using SessionGen.Generators.Analyzers;
using Xunit;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>Every session diagnostic has its docs page (the help link's target) and a release-tracking row.</summary>
public sealed class SessionDiagnosticDocsTests
{
    public static TheoryData<string> Ids => new(new SessionAnalyzer().SupportedDiagnostics.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Has_a_docs_page_with_title_fix_and_severity_snippet(string id)
    {
        var descriptor = new SessionAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        var page = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}", page);
        Assert.Contains("## How to fix it", page);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page);
        Assert.EndsWith($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Is_tracked_in_the_unshipped_release(string id)
    {
        var descriptor = new SessionAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        var row = File.ReadLines(Path.Combine(RepoRoot(), "src", "SessionGen.Generators", "AnalyzerReleases.Unshipped.md"))
            .Single(line => line.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Contains($"| {descriptor.Category} | {descriptor.DefaultSeverity} |", row);
    }

    private static string RepoRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
