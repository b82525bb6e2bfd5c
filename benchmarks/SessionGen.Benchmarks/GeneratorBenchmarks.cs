using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;

namespace SessionGen.Benchmarks;

/// <summary>
/// The SessionGen generators (contract bindings + sessions) as the compiler runs them (<see cref="CSharpGeneratorDriver"/>),
/// over a project of <see cref="Classes"/> session classes, one file each, alternating an ERC-20 trading session and a
/// Uniswap swap session with a parameter rule. Cold: a new driver (a build). Incremental: the driver that has seen the
/// project runs again after an edit to an unrelated file (what the IDE does on a keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _unrelated = null!;
    private SyntaxTree _unrelatedEdited = null!;
    private (string Path, string Text)[] _abis = [];
    private GeneratorDriver _warm = null!;

    /// <summary>How many session classes the project has.</summary>
    [ParamsSource(nameof(ClassCounts))]
    public int Classes { get; set; }

    /// <summary>Whether the driver records its steps (<see cref="GeneratorProfile"/>); off when benchmarking.</summary>
    public bool TrackSteps { get; set; }

    /// <summary>
    /// 1, 100 and 1000 classes; <c>SESSIONGEN_BENCHMARK_MAX_CLASSES</c> caps them (the CI dry run sets 100: a 1000-class
    /// project takes seconds per run, and the dry run only checks that every benchmark works).
    /// </summary>
    public static IEnumerable<int> ClassCounts() =>
        new[] { 1, 100, 1000 }.Where(n => n <= (int.TryParse(Environment.GetEnvironmentVariable("SESSIONGEN_BENCHMARK_MAX_CLASSES"), out var max) ? max : int.MaxValue));

    [GlobalSetup]
    public void Setup()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, Classes)
            .Select(i => CSharpSyntaxTree.ParseText(SessionClass(i), parse, path: $"/project/Sessions/Session{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(Unrelated(0), parse, path: "/project/Unrelated.cs"))
            .ToArray();
        _compilation = CSharpCompilation.Create(
            "Project",
            trees,
            [.. Net100.References.All, .. new[] { typeof(Address), typeof(Nethereum.JsonRpc.Client.IClient) }.Select(type => MetadataReference.CreateFromFile(type.Assembly.Location))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _unrelated = trees[^1];
        _unrelatedEdited = CSharpSyntaxTree.ParseText(Unrelated(1), parse, path: "/project/Unrelated.cs");

        var abiDirectory = Path.Combine(AppContext.BaseDirectory, "abis");
        _abis = new[] { "ERC20.json", "UniswapV3SwapRouter.json" }
            .Select(name => (Path: "/project/abis/" + name, Text: File.ReadAllText(Path.Combine(abiDirectory, name))))
            .ToArray();

        _warm = Cold();
        var result = _warm.GetRunResult();
        var problems = result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString())
            .Concat(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()))
            .ToList();
        var expectedFiles = 2 * Classes;
        if (problems.Count > 0 || result.GeneratedTrees.Length < expectedFiles)
        {
            throw new InvalidOperationException($"The generators did not produce the project ({result.GeneratedTrees.Length} files, {expectedFiles} expected): {string.Join("; ", problems)}");
        }
    }

    // Each run gets a compilation with no symbols bound yet (Clone, ReplaceSyntaxTree), as a build or a keystroke does:
    // reusing one would let later iterations find the attributes already bound.
    [Benchmark(Baseline = true, Description = "cold run (new driver)")]
    public GeneratorDriver Cold() => CreateDriver().RunGenerators(_compilation.Clone());

    [Benchmark(Description = "incremental re-run after an unrelated edit")]
    public GeneratorDriver Incremental() => _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_unrelated, _unrelatedEdited));

    // Each driver gets new ABI texts, as a build that reads the files does: the generators keep what they derive from a
    // text per text object (AbiFiles and the per-ABI caches), so reusing one text object would let later iterations
    // find that work done.
    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ContractBindingGenerator().AsSourceGenerator(), new SessionGenerator().AsSourceGenerator()],
        _abis.Select(abi => (AdditionalText)new FileText(abi.Path, abi.Text)),
        new CSharpParseOptions(LanguageVersion.Latest),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: TrackSteps));

    private static string SessionClass(int i) => i % 2 == 0
        ? $$"""
            using SessionGen;

            namespace App.Sessions;

            [ContractAbi("abis/ERC20.json")]
            [SessionAction("transfer", SpendingLimit = "100e6")]
            [SessionExpiry(Days = 7)]
            public partial class UsdcTrading{{i}} { }
            """
        : $$"""
            using SessionGen;

            namespace App.Sessions;

            [ContractAbi("abis/UniswapV3SwapRouter.json")]
            [SessionAction("exactInputSingle", MaxUses = 10)]
            [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
            [SessionExpiry(Hours = 12)]
            public partial class Swapper{{i}} { }
            """;

    private static string Unrelated(int value) => $"namespace App; public static class Unrelated {{ public const int Value = {value}; }}";

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }
}
