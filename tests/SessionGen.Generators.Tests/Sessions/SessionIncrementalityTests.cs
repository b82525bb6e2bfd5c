using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>The session pipeline re-emits only when a session's spec changes.</summary>
public sealed class SessionIncrementalityTests
{
    private const string Unrelated = "public class Unrelated { }";

    private static readonly AdditionalText[] Abis = TestAbis.All.Select(abi => (AdditionalText)new InMemoryAdditionalText(abi.Path, abi.Text)).ToArray();

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation([SessionGeneratorTests.UsdcTrading, Unrelated]);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SessionGenerator().AsSourceGenerator()], Abis, GeneratorHarness.ParseOptions,
            new TestAnalyzerConfigOptionsProvider(new System.Collections.Generic.Dictionary<string, string> { ["build_property.projectdir"] = GeneratorHarness.ProjectDirectory }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        Assert.Single(driver.GetRunResult().GeneratedTrees);
        return (driver, compilation);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();

    private static void AssertSpecNotRegenerated(GeneratorDriver driver) =>
        Assert.All(Reasons(driver, TrackingNames.SessionSpecs), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));

    [Fact]
    public void Unrelated_source_added_is_cached()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Other { }", GeneratorHarness.ParseOptions, "/project/Other.cs")));
        AssertSpecNotRegenerated(driver);
        Assert.All(Reasons(driver, TrackingNames.SessionTargets), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Whitespace_edit_of_the_session_leaves_the_spec_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.First();
        var edited = tree.WithChangedText(tree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), "\n\n// a comment\n")));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.SessionTargets)); // the locations moved
        AssertSpecNotRegenerated(driver);
    }

    [Fact]
    public void Unrelated_abi_edit_leaves_the_spec_unchanged()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(Abis.Single(abi => abi.Path == TestAbis.VaultPath),
            new InMemoryAdditionalText(TestAbis.VaultPath, TestAbis.Vault.Replace("withdraw", "redeem")));
        driver = driver.RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.AbiFileCollection));
        AssertSpecNotRegenerated(driver);
    }

    [Fact]
    public void Used_abi_reformatted_leaves_the_spec_unchanged()
    {
        var (driver, compilation) = FirstRun();
        driver = driver.ReplaceAdditionalText(Abis.Single(abi => abi.Path == TestAbis.Erc20Path),
            new InMemoryAdditionalText(TestAbis.Erc20Path, TestAbis.Erc20.Replace("\n", "\n\n").Replace(",", " , ")));
        driver = driver.RunGenerators(compilation);
        // The file is re-read into equal models, so even the collected ABIs are not seen as changed.
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.AbiFileCollection));
        AssertSpecNotRegenerated(driver);
    }

    [Fact]
    public void New_action_regenerates_the_spec()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.First();
        var edited = CSharpSyntaxTree.ParseText(SessionGeneratorTests.UsdcTrading.Replace("[SessionExpiry", "[SessionAction(\"approve\", MaxUses = 1)]\n[SessionExpiry"), GeneratorHarness.ParseOptions, tree.FilePath);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, TrackingNames.SessionSpecs));
        Assert.Contains("approve(address,uint256)", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }
}
