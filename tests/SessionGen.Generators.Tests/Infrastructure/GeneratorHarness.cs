using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SessionGen.Generators.Tests.Infrastructure;

/// <summary>
/// Runs source generators the way the compiler does: over C# sources and in-memory AdditionalFiles, against the
/// .NET 10 reference assemblies plus the SessionGen runtime, with step tracking on (for incrementality tests).
/// </summary>
/// <example>
/// <code>
/// var run = GeneratorHarness.Run(new ContractBindingGenerator(), ["[ContractAbi(\"abis/ERC20.json\")] public partial class Erc20 { }"],
///     [("/project/abis/ERC20.json", json)]);
/// run.AssertNoGeneratorCrash();
/// run.AssertCompiles();
/// </code>
/// </example>
public static class GeneratorHarness
{
    /// <summary>The path tests use as the project directory (<c>build_property.projectdir</c>).</summary>
    public const string ProjectDirectory = "/project/";

    /// <summary>
    /// The reference assemblies every test compilation sees: .NET 10, the SessionGen runtime and the one Nethereum assembly
    /// its public API uses (the read helpers take an <c>IClient</c>, the interop point; the event finders take SessionGen's
    /// own <c>EventLog</c>s), as a project that references the package gets them. That the generated code compiles with
    /// no more proves it needs no other Nethereum type.
    /// </summary>
    public static ImmutableArray<MetadataReference> References { get; } =
    [
        .. Net100.References.All,
        .. new[] { typeof(SessionGen.Address), typeof(Nethereum.JsonRpc.Client.IClient) }
            .Select(type => MetadataReference.CreateFromFile(type.Assembly.Location)),
    ];

    /// <summary>The parse options of test sources (latest C#).</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The parse options of a C# 9 project (Unity 6): the generated value types are plain structs and classes.</summary>
    public static CSharpParseOptions CSharp9 { get; } = new(LanguageVersion.CSharp9);

    /// <summary>Creates a library compilation of <paramref name="sources"/> (each gets <c>using SessionGen;</c> and the usual System usings implicitly if it has none of its own).</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, string assemblyName = "Tests", CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions, path: $"{ProjectDirectory}Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Creates a driver with step tracking on, the given AdditionalFiles and the project directory option.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<IIncrementalGenerator> generators, IEnumerable<(string Path, string Text)> additionalFiles, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        CreateDriver(generators, additionalFiles.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)), globalOptions);

    /// <summary>Creates a driver with step tracking on, the given AdditionalFiles and the project directory option.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<IIncrementalGenerator> generators, IEnumerable<AdditionalText> additionalFiles, IReadOnlyDictionary<string, string>? globalOptions = null, CSharpParseOptions? parseOptions = null)
    {
        globalOptions ??= new Dictionary<string, string> { ["build_property.projectdir"] = ProjectDirectory };
        return CSharpGeneratorDriver.Create(
            generators.Select(GeneratorExtensions.AsSourceGenerator),
            additionalFiles,
            parseOptions ?? ParseOptions,
            new TestAnalyzerConfigOptionsProvider(globalOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs <paramref name="generator"/> once over <paramref name="sources"/> and <paramref name="additionalFiles"/>.</summary>
    public static GeneratorRun Run(IIncrementalGenerator generator, IEnumerable<string> sources, IEnumerable<(string Path, string Text)> additionalFiles, IReadOnlyDictionary<string, string>? globalOptions = null) =>
        Run([generator], CreateCompilation(sources), additionalFiles, globalOptions);

    /// <summary>Runs <paramref name="generators"/> once over <paramref name="compilation"/> and <paramref name="additionalFiles"/>, with the parse options of its sources.</summary>
    public static GeneratorRun Run(IEnumerable<IIncrementalGenerator> generators, Compilation compilation, IEnumerable<(string Path, string Text)> additionalFiles, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var texts = additionalFiles.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)).ToImmutableArray();
        var driver = CreateDriver(generators, texts, globalOptions, compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(driver, compilation, output, driverDiagnostics, texts);
    }
}

/// <summary>The outcome of one generator run: the driver (to run again incrementally), the compilation with the generated sources, and every diagnostic.</summary>
public sealed class GeneratorRun(GeneratorDriver driver, Compilation inputCompilation, Compilation outputCompilation, ImmutableArray<Diagnostic> driverDiagnostics, ImmutableArray<AdditionalText> additionalTexts)
{
    /// <summary>The AdditionalFiles the driver holds.</summary>
    public ImmutableArray<AdditionalText> AdditionalTexts { get; } = additionalTexts;

    public GeneratorDriver Driver { get; } = driver;

    /// <summary>The compilation the generators ran over (without generated sources).</summary>
    public Compilation InputCompilation { get; } = inputCompilation;

    public Compilation OutputCompilation { get; } = outputCompilation;

    public GeneratorDriverRunResult Result { get; } = driver.GetRunResult();

    /// <summary>Diagnostics the generators reported, plus the driver's own (CS8785 when a generator threw).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => [.. driverDiagnostics, .. Result.Diagnostics.Where(d => !driverDiagnostics.Contains(d))];

    /// <summary>Every generated source, by hint name, ordered by hint name.</summary>
    public ImmutableArray<GeneratedSourceResult> GeneratedSources => [.. Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal)];

    /// <summary>The text of the generated source whose hint name is <paramref name="hintName"/>.</summary>
    public string Source(string hintName) =>
        GeneratedSources.SingleOrDefault(s => s.HintName == hintName).SourceText?.ToString()
        ?? throw new Xunit.Sdk.XunitException($"No generated source '{hintName}'. Generated: {string.Join(", ", GeneratedSources.Select(s => s.HintName))}");

    /// <summary>Fails if a generator threw (CS8785, or AD0001 from an analyzer host) or left an exception on its result.</summary>
    public GeneratorRun AssertNoGeneratorCrash()
    {
        var crashes = GeneratorDiagnostics.Where(d => d.Id is "CS8785" or "AD0001").ToList();
        var exceptions = Result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        Assert.True(crashes.Count == 0 && exceptions.Count == 0, "The generator crashed:\n" + string.Join("\n", crashes.Select(d => d.ToString()).Concat(exceptions)));
        return this;
    }

    /// <summary>Fails unless the generator reported no diagnostics at all.</summary>
    public GeneratorRun AssertNoGeneratorDiagnostics()
    {
        Assert.True(GeneratorDiagnostics.IsEmpty, "Unexpected generator diagnostics:\n" + string.Join("\n", GeneratorDiagnostics));
        return this;
    }

    /// <summary>Fails unless the compilation including the generated sources has no errors (and, optionally, no warnings).</summary>
    public GeneratorRun AssertCompiles(bool allowWarnings = true)
    {
        var problems = OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (!allowWarnings && d.Severity == DiagnosticSeverity.Warning))
            .ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile:\n" + string.Join("\n", problems.Take(30)));
        return this;
    }

    /// <summary>Emits the output compilation and loads it into a collectible load context (the SessionGen runtime is shared with the test).</summary>
    public Assembly EmitAndLoad()
    {
        using var stream = new MemoryStream();
        var emit = OutputCompilation.Emit(stream);
        Assert.True(emit.Success, "Emit failed:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    /// <summary>
    /// Runs the same driver again (incrementally) over <paramref name="compilation"/> (default: the same input).
    /// </summary>
    public GeneratorRun RunAgain(Compilation? compilation = null)
    {
        var input = compilation ?? InputCompilation;
        var driver = Driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return new GeneratorRun(driver, input, output, diagnostics, AdditionalTexts);
    }

    /// <summary>Replaces the AdditionalFile at <paramref name="path"/> with <paramref name="text"/> and runs the same driver again.</summary>
    public GeneratorRun RunWithReplacedFile(string path, string text)
    {
        var old = AdditionalTexts.Single(t => t.Path == path);
        AdditionalText replacement = new InMemoryAdditionalText(path, text);
        var driver = Driver.ReplaceAdditionalText(old, replacement).RunGeneratorsAndUpdateCompilation(InputCompilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, InputCompilation, output, diagnostics, AdditionalTexts.Replace(old, replacement));
    }

    /// <summary>The reasons each tracked step of the last run produced its outputs, by tracking name.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<IncrementalStepRunReason>> StepReasons() =>
        Result.Results
            .SelectMany(r => r.TrackedSteps)
            .GroupBy(step => step.Key) // with several generators, a step name may be in each
            .ToDictionary(steps => steps.Key, steps => steps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(output => output.Reason).ToImmutableArray());
}
