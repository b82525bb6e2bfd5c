using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SessionGen.Generators.Tests.Hardening;

/// <summary>
/// Fuzzing of the ABI path (issue 7): the reader over 100,000 hostile documents, the whole generator driver over a
/// sample of them, batched into few compilations. Cases come from a fixed seed; <c>SESSIONGEN_FUZZ_ITERATIONS</c>
/// (and <c>SESSIONGEN_FUZZ_SEED</c>) run more, or other, cases locally.
/// </summary>
public sealed class AbiFuzzTests(ITestOutputHelper output)
{
    private const int ReaderDocuments = 100_000;
    private const int GeneratorDocuments = 2_000;
    private const int DocumentsPerCompilation = 100;

    [Fact]
    public void The_reader_never_throws_and_locates_every_diagnostic_inside_the_file()
    {
        var count = FuzzAbiDocuments.Iterations(ReaderDocuments);
        var stopwatch = Stopwatch.StartNew();
        var reading = new Stopwatch();
        int models = 0, functions = 0, diagnostics = 0;
        long characters = 0;
        foreach (var (index, text) in FuzzAbiDocuments.Draw(FuzzAbiDocuments.Any, count))
        {
            AbiReadResult result;
            characters += text.Length;
            reading.Start();
            try
            {
                result = AbiReader.Read("/project/abis/fuzz.json", text);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {index}: the reader threw {e.GetType().Name}: {e.Message}\ndocument: {Show(text)}");
            }

            finally
            {
                reading.Stop();
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                var location = diagnostic.Location;
                Assert.True(location is not null, $"case {index}: {diagnostic.Descriptor.Id} has no location\ndocument: {Show(text)}");
                Assert.True(location!.TextSpan.Start >= 0 && location.TextSpan.End <= text.Length && location.LineSpan.Start <= location.LineSpan.End,
                    $"case {index}: {diagnostic.Descriptor.Id} located at {location.TextSpan} outside the {text.Length}-character file\ndocument: {Show(text)}");
                Assert.Equal(diagnostic.MessageArgs.Count, diagnostic.MessageArgs.Count(a => a is not null));
            }

            // The result is what incremental generation caches on: reading the same text again must give an equal value.
            Assert.Equal(result, AbiReader.Read("/project/abis/fuzz.json", text));
            diagnostics += result.Diagnostics.Count;
            if (result.Abi is not null)
            {
                models++;
                functions += result.Abi.Functions.Count;
            }
        }

        output.WriteLine($"{count} documents ({characters / 1_000_000} M characters) generated and checked in {stopwatch.Elapsed.TotalSeconds:F1} s, of which reading {reading.Elapsed.TotalSeconds:F1} s: {models} gave a model ({functions} functions), {diagnostics} diagnostics");
        // The generator must be reaching the reader's deeper checks, not stopping at JSON syntax.
        Assert.True(models > count / 3, $"only {models} of {count} documents were JSON ABIs; the generator is too noisy to test the reader's ABI checks");
        Assert.True(functions > count / 4, $"only {functions} functions read from {count} documents");
    }

    [Fact]
    public void The_generator_never_crashes_and_its_output_always_compiles()
    {
        var count = FuzzAbiDocuments.Iterations(GeneratorDocuments);
        var stopwatch = Stopwatch.StartNew();
        var documents = FuzzAbiDocuments.Draw(FuzzAbiDocuments.Any, count, stream: 11).Select(d => d.Value).ToList();
        int generated = 0, withErrors = 0, compilations = 0;
        var failures = new List<string>();
        for (var first = 0; first < documents.Count; first += DocumentsPerCompilation)
        {
            var batch = documents.Skip(first).Take(DocumentsPerCompilation).Select((text, i) => (Index: first + i, Text: text)).ToList();
            var sources = batch.Select(d => $"namespace Fuzz;\n[SessionGen.ContractAbi(\"abis/f{d.Index}.json\")]\npublic partial class Fuzz{d.Index} {{ }}\n");
            var files = batch.Select(d => (GeneratorHarness.ProjectDirectory + $"abis/f{d.Index}.json", d.Text));

            var run = GeneratorHarness.Run([new ContractBindingGenerator()], GeneratorHarness.CreateCompilation(sources), files);
            compilations++;

            run.AssertNoGeneratorCrash();
            var problems = run.OutputCompilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && IsGenerated(d)))
                .ToList();
            failures.AddRange(problems.Select(d => d + "\n  at: " + Line(d) + "\n  in " + Document(d, batch.Select(b => b.Text).ToList(), first)));

            generated += run.GeneratedSources.Length;
            withErrors += run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.GetLineSpan().Path).Distinct().Count();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problems in generated code, the first:\n" + string.Join("\n", failures.Take(15)));
        output.WriteLine($"{count} documents through the generator in {compilations} compilations ({stopwatch.Elapsed.TotalSeconds:F1} s): {generated} generated sources, {withErrors} files with error diagnostics");
        Assert.True(generated > count / 4, $"only {generated} of {count} documents produced code; the sample is too noisy to test the emitter");
    }

    private static string Line(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString().Trim() ?? string.Empty;

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    private static string Document(Diagnostic diagnostic, IReadOnlyList<string> batch, int first)
    {
        var path = diagnostic.Location.SourceTree?.FilePath ?? string.Empty;
        var match = System.Text.RegularExpressions.Regex.Match(path, @"Fuzz(\d+)");
        return match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - first is var i && i >= 0 && i < batch.Count
            ? $"{path}, document: {Show(batch[i])}"
            : path;
    }

    private static string Show(string text) => text.Length <= 2_000 ? text : text[..2_000] + $"… ({text.Length} characters)";
}
