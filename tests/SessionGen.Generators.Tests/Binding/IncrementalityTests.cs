using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

public class IncrementalityTests
{
    private static readonly string[] AllSteps =
    [
        TrackingNames.ContractAbiClasses, TrackingNames.ContractAbiEnvironment, TrackingNames.ContractAbiReads, TrackingNames.ContractAbiBoundReads,
        TrackingNames.ContractAbiTargets, TrackingNames.AbiFiles, TrackingNames.AbiFileCollection, TrackingNames.ProjectDirectory,
        TrackingNames.Bindings, TrackingNames.BindingModels, TrackingNames.BindingDiagnostics, TrackingNames.AllBindingDiagnostics,
        TrackingNames.AbiFileDiagnostics,
    ];

    private static readonly string Erc20 = BindingHarness.ReadAbi("ERC20.json");
    private static readonly string Weth = BindingHarness.ReadAbi("WETH9.json");

    private static GeneratorRun FirstRun() =>
        GeneratorHarness.Run(
            new ContractBindingGenerator(),
            [BindingHarness.Source("Erc20", "ERC20.json"), BindingHarness.Source("Weth", "WETH9.json")],
            [("/project/abis/ERC20.json", Erc20), ("/project/abis/WETH9.json", Weth), ("/project/appsettings.json", "{}")])
        .AssertNoGeneratorCrash()
        .AssertNoGeneratorDiagnostics();

    [Fact]
    public void Both_generators_share_one_reading_of_each_ABI_file()
    {
        var run = GeneratorHarness.Run(
            [new ContractBindingGenerator(), new SessionGen.Generators.Sessions.SessionGenerator()],
            GeneratorHarness.CreateCompilation(["[SessionGen.ContractAbi(\"abis/ERC20.json\")][SessionGen.SessionAction(\"transfer\", SpendingLimit = \"1e6\")][SessionGen.SessionExpiry(Days = 1)] public partial class T { }"]),
            [("/project/abis/ERC20.json", Erc20)]);

        var readings = run.Result.Results
            .Select(r => r.TrackedSteps[TrackingNames.AbiFiles].SelectMany(step => step.Outputs).Select(o => o.Value).Single())
            .ToList();
        Assert.Equal(2, readings.Count);
        Assert.Same(readings[0], readings[1]);
    }

    [Fact]
    public void Step_outputs_hold_no_compilation_objects() => IncrementalAssert.NoCompilationObjectsInStepOutputs(FirstRun(), AllSteps);

    [Fact]
    public void An_unrelated_source_edit_leaves_every_step_cached_or_unchanged()
    {
        var first = FirstRun();
        var edited = first.InputCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { public int X; }", GeneratorHarness.ParseOptions));

        var second = first.RunAgain(edited);

        IncrementalAssert.AllCachedOrUnchanged(second, AllSteps);
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void A_comment_in_the_bound_class_leaves_the_models_unchanged()
    {
        var first = FirstRun();
        var tree = first.InputCompilation.SyntaxTrees.First();
        var edited = first.InputCompilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// a comment\n")));

        var second = first.RunAgain(edited);

        IncrementalAssert.AllCachedOrUnchanged(second, TrackingNames.BindingModels);
    }

    [Fact]
    public void Reformatting_a_used_ABI_file_changes_nothing_downstream()
    {
        var first = FirstRun();
        var reformatted = Erc20.Replace("\n", "\n    ").Replace(": ", ":");

        var second = first.RunWithReplacedFile("/project/abis/ERC20.json", reformatted);

        Assert.Equal(1, IncrementalAssert.Count(second, TrackingNames.AbiFiles).GetValueOrDefault(IncrementalStepRunReason.Unchanged));
        IncrementalAssert.AllCachedOrUnchanged(second, TrackingNames.AbiFileCollection, TrackingNames.Bindings, TrackingNames.BindingModels, TrackingNames.BindingDiagnostics, TrackingNames.AbiFileDiagnostics);
    }

    [Fact]
    public void Editing_one_ABI_file_regenerates_only_its_class()
    {
        var first = FirstRun();
        var edited = Erc20.Replace("\"name\": \"decimals\"", "\"name\": \"decimalPlaces\"");
        Assert.NotEqual(Erc20, edited);

        var second = first.RunWithReplacedFile("/project/abis/ERC20.json", edited);

        var files = IncrementalAssert.Count(second, TrackingNames.AbiFiles);
        Assert.Equal(1, files.GetValueOrDefault(IncrementalStepRunReason.Modified));
        Assert.Equal(2, files.GetValueOrDefault(IncrementalStepRunReason.Cached));
        var models = IncrementalAssert.Count(second, TrackingNames.BindingModels);
        Assert.Equal(1, models.GetValueOrDefault(IncrementalStepRunReason.Modified));
        Assert.Equal(1, models.GetValueOrDefault(IncrementalStepRunReason.Unchanged) + models.GetValueOrDefault(IncrementalStepRunReason.Cached));
        Assert.Contains("DecimalPlaces", second.Source("Contracts.Erc20.ContractAbi.g.cs"));
        Assert.Equal(first.Source("Contracts.Weth.ContractAbi.g.cs"), second.Source("Contracts.Weth.ContractAbi.g.cs"));
    }
}
