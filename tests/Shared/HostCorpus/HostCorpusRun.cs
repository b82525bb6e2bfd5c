using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Shared;

/// <summary>
/// Runs one <see cref="HostCorpus"/> case the way a compiler host does — both generators, then the compilation with the
/// generated sources, then the analyzers over it — with whatever Roslyn the calling test project runs on (the current one
/// in SessionGen.Generators.Tests, 4.3.1 in SessionGen.Roslyn43.Tests), and asserts the case's expectation: exactly the
/// diagnostics its markup marks (id and span), and nothing at all in generated code.
/// </summary>
/// <remarks>Written against the Roslyn 4.3 API only, since both hosts compile it.</remarks>
public static class HostCorpusRun
{
    /// <summary>The project directory the sources and ABI files live under (<c>build_property.projectdir</c>).</summary>
    public const string ProjectDirectory = "/project/";

    /// <summary>Runs <paramref name="corpusCase"/> at <paramref name="version"/> and asserts its expected diagnostics; returns the generated files.</summary>
    /// <param name="corpusCase">The case.</param>
    /// <param name="version">The project's C# version.</param>
    /// <param name="references">What the project compiles against.</param>
    /// <param name="generators">The binding and session generators, as the host loaded them.</param>
    /// <param name="analyzers">The analyzers, as the host loaded them.</param>
    /// <param name="abiDirectory">Where the repository's <c>abis/*.json</c> are.</param>
    public static async Task<ImmutableArray<SyntaxTree>> AssertExpectedDiagnosticsAsync(
        HostCorpus.Case corpusCase,
        LanguageVersion version,
        IEnumerable<MetadataReference> references,
        IEnumerable<ISourceGenerator> generators,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        string abiDirectory)
    {
        var (text, expected) = Parse(corpusCase.Source);
        var parseOptions = new CSharpParseOptions(version);
        var tree = CSharpSyntaxTree.ParseText(text, parseOptions, path: ProjectDirectory + corpusCase.Name + ".cs", encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            corpusCase.Name,
            new[] { tree },
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // As the .NET SDK compiles (NoWarn 1701;1702): netstandard2.0 packages in a netstandard2.1 project would
                // otherwise warn that netstandard 2.0.0.0 is assumed to match 2.1.0.0.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var additionalFiles = corpusCase.Abis
            .Select(file => (AdditionalText)new InMemoryAdditionalText(ProjectDirectory + "abis/" + file, File.ReadAllText(Path.Combine(abiDirectory, file))))
            .ToImmutableArray();
        var options = new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["build_property.projectdir"] = ProjectDirectory });

        var driver = CSharpGeneratorDriver.Create(generators, additionalFiles, parseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerDiagnostics = await output.WithAnalyzers(analyzers, new AnalyzerOptions(additionalFiles, options)).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);

        var reported = generatorDiagnostics.Concat(output.GetDiagnostics()).Concat(analyzerDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .ToList();
        var generated = output.SyntaxTrees.Where(t => t != tree).ToImmutableArray();
        var inGenerated = reported.Where(d => d.Location.SourceTree is { } source && source != tree).ToList();
        Assert.True(inGenerated.Count == 0, $"{corpusCase.Name}, C# {version.ToDisplayString()}: diagnostics in generated code:\n" + string.Join("\n", inGenerated.Take(20)));

        var actual = reported.Select(d => Describe(d.Id, d.Location.SourceTree == tree ? d.Location.SourceSpan : (TextSpan?)null, text)).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        var wanted = expected.Select(e => Describe(e.Id, e.Span, text)).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        Assert.True(
            wanted.SequenceEqual(actual),
            $"{corpusCase.Name}, C# {version.ToDisplayString()}:\nexpected\n  {string.Join("\n  ", wanted)}\nactual\n  {string.Join("\n  ", actual)}\nall:\n{string.Join("\n", reported)}");
        Assert.True(corpusCase.GeneratedFiles == generated.Length, $"{corpusCase.Name}: {generated.Length} generated files, expected {corpusCase.GeneratedFiles}: {string.Join(", ", generated.Select(t => Path.GetFileName(t.FilePath)))}");
        return generated;
    }

    /// <summary>Removes the markup <c>{|ID:text|}</c> from <paramref name="markup"/>, returning the source and the marked spans.</summary>
    public static (string Text, IReadOnlyList<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var text = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var i = 0;
        while (i < markup.Length)
        {
            var open = markup.IndexOf("{|", i, System.StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(markup, i, markup.Length - i);
                break;
            }

            text.Append(markup, i, open - i);
            var colon = markup.IndexOf(':', open);
            var close = markup.IndexOf("|}", colon, System.StringComparison.Ordinal);
            var id = markup.Substring(open + 2, colon - open - 2);
            var start = text.Length;
            text.Append(markup, colon + 1, close - colon - 1);
            expected.Add((id, TextSpan.FromBounds(start, text.Length)));
            i = close + 2;
        }

        return (text.ToString(), expected);
    }

    private static string Describe(string id, TextSpan? span, string text)
    {
        if (span is not { } s)
        {
            return id + " (no location in the source)";
        }

        var line = SourceText.From(text).Lines.GetLinePosition(s.Start);
        return string.Format(CultureInfo.InvariantCulture, "{0} at {1}:{2} '{3}'", id, line.Line + 1, line.Character + 1, text.Substring(s.Start, s.Length));
    }
}
