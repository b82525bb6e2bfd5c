using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Binding;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SessionGen.Generators.Tests.Hardening;

/// <summary>
/// Issue 16's property: every ABI the reader accepts binds, and a session may act on any of its functions. For the
/// repository's ABIs, the fixtures and generated documents, a class bound to the ABI with one session action on each
/// function is run through both generators: the output compiles without errors, and every function either has its
/// session code or a SESSGEN diagnostic says why not; never an error inside generated code.
/// </summary>
public sealed class BindOrDiagnoseTests(ITestOutputHelper output)
{
    private const int GeneratedDocuments = 300;
    private const int DocumentsPerCompilation = 50;

    [Fact]
    public void A_session_with_one_action_on_each_function_of_every_repository_ABI_compiles()
    {
        var abis = CompiledCorpus.Abis().Append((File: "AllTypesDecoding.json", Json: DecodingPropertyTests.DecodingFixture())).ToList();
        var (classes, sessions, diagnosed) = Check(abis.Select(a => (a.File, a.Json)).ToList());

        output.WriteLine($"{abis.Count} ABIs, {classes} session classes (one per function), {sessions} generated sessions, {diagnosed} with a SESSGEN diagnostic");
        Assert.Equal(classes, sessions);
    }

    [Fact]
    public void Every_generated_ABI_document_binds_or_is_diagnosed_and_its_sessions_compile()
    {
        var count = FuzzAbiDocuments.Iterations(GeneratedDocuments);
        var documents = FuzzAbiDocuments.Draw(FuzzAbiDocuments.Clean, count, stream: 16)
            .Select(d => ($"g{d.Index}.json", d.Value))
            .Where(d => AbiReader.Read(d.Item1, d.Value).Abi is { Functions.Count: > 0 })
            .ToList();
        int classes = 0, sessions = 0, diagnosed = 0;
        for (var first = 0; first < documents.Count; first += DocumentsPerCompilation)
        {
            var (c, s, d) = Check(documents.Skip(first).Take(DocumentsPerCompilation).ToList());
            classes += c;
            sessions += s;
            diagnosed += d;
        }

        output.WriteLine($"{count} documents drawn, {documents.Count} with functions: {classes} session classes, {sessions} generated sessions, {diagnosed} functions with a SESSGEN diagnostic");
        Assert.True(documents.Count > count / 4, $"only {documents.Count} of {count} documents had functions");
        Assert.Equal(classes, sessions + diagnosed);
    }

    /// <summary>One session class per function of each ABI; returns how many classes, generated sessions and diagnosed classes.</summary>
    private static (int Classes, int Sessions, int Diagnosed) Check(List<(string File, string Json)> abis)
    {
        var sources = new List<string>();
        var classNames = new List<string>();
        foreach (var (file, json) in abis)
        {
            var functions = AbiReader.Read(file, json).Abi!.Functions;
            for (var i = 0; i < functions.Count; i++)
            {
                var name = $"S{classNames.Count}";
                classNames.Add(name);
                var signature = functions[i].CanonicalSignature.Replace("\"", "\\\"");
                sources.Add($"namespace Sessions;\n[SessionGen.ContractAbi(\"abis/{file}\")]\n[SessionGen.SessionAction(\"{signature}\")]\n[SessionGen.SessionExpiry(Days = 1)]\npublic partial class {name} {{ }}\n");
            }
        }

        var run = GeneratorHarness.Run(
            [new ContractBindingGenerator(), new SessionGenerator()],
            GeneratorHarness.CreateCompilation(sources),
            abis.Select(a => (GeneratorHarness.ProjectDirectory + "abis/" + a.File, a.Json)));
        run.AssertNoGeneratorCrash();

        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors, the first: " + string.Join("\n", errors.Take(10).Select(e => e + " at: " + e.Location.SourceTree?.GetText().Lines.GetLineFromPosition(e.Location.SourceSpan.Start).ToString().Trim())));

        // A class whose function cannot be bound has a SESSGEN diagnostic (on the class or in its ABI file) and no session.
        var sessionSources = run.Result.Results[1].GeneratedSources.Length;
        var diagnosedFiles = run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("SESSGEN", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.GetLineSpan().Path).ToHashSet();
        var diagnosed = 0;
        var index = 0;
        foreach (var (file, json) in abis)
        {
            var functions = AbiReader.Read(file, json).Abi!.Functions.Count;
            if (diagnosedFiles.Any(path => path.EndsWith("/" + file, StringComparison.Ordinal)) || diagnosedFiles.Any(path => Enumerable.Range(index, functions).Any(i => path.EndsWith($"Source{i}.cs", StringComparison.Ordinal))))
            {
                diagnosed += Enumerable.Range(index, functions).Count(i => !run.Result.Results[1].GeneratedSources.Any(s => s.HintName.Contains($"Sessions.S{i}.", StringComparison.Ordinal)));
            }

            index += functions;
        }

        return (classNames.Count, sessionSources, diagnosed);
    }
}
