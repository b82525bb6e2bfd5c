using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>
/// Classes are read from their syntax when the compilation allows it (Syntax.AttributeEnvironment) and bound otherwise;
/// both readings must generate the same files and report the same diagnostics, and the syntax must never be trusted
/// where the names could mean something else.
/// </summary>
public sealed class SyntaxReadingTests
{
    /// <summary>A global using alias anywhere makes the environment unsafe, so every class is bound.</summary>
    private const string ForceBinding = "global using ForceBinding = System.Object;";

    private const string Usings = "using SessionGen;\nusing SessionGen.Protocol;\nnamespace Demo;\n";

    public static TheoryData<string> Declarations => new(
        SessionGeneratorTests.UsdcTrading,
        SessionGeneratorTests.SponsoredTrading,
        SessionGeneratorTests.Treasury,
        SessionGeneratorTests.EveryPolicy,
        // declaration problems the generators report or skip
        Usings + "[ContractAbi(\"abis/ERC20.json\")] public class NotPartial { }",
        Usings + "[ContractAbi(\"  \")] public partial class EmptyPath { }",
        Usings + "[ContractAbi(\"abis/Missing.json\")] public partial class MissingFile { }",
        Usings + "[ContractAbi(\"abis/ERC20.json\")][SessionAction(\"transfer\", SpendingLimit = \"1.5.6\")][SessionExpiry(Days = 1)] public partial class BadAmount { }",
        Usings + "[ContractAbi(\"abis/ERC20.json\")][SessionAction(\"transfer\", SpendingLimit = \"0\", MaxUses = -2)][SessionExpiry(Hours = -1)] public partial class Zero { }",
        Usings + "[ContractAbi(\"abis/ERC20.json\")][SessionAction(\"transfer\")][SessionAction(\"transfer\", MaxUses = 1)] public partial class Duplicate { }",
        Usings + "[SessionValueTransfer(ValueLimit = \"1e18\", MaxUses = 2)][SessionExpiry(Days = 2)] public partial class Tips { }",
        Usings + "[ContractAbi(\"abis/ERC20.json\")][TokenDisplay(\"\", 99)][SessionAction(\"approve\", SpendingLimit = \"5e6\")][SessionExpiry(Days = 3, StartsAfterMinutes = 10)] public partial class Display { }",
        Usings + "[ContractAbi(\"abis/Router.json\")][SessionAction(\"exactInputSingle\", MaxUses = 10)][ParamRule(\"exactInputSingle\", \"params.amountIn\", ParamCondition.InRange, \"5\", UpperBound = \"1\")][SessionExpiry(Hours = 12)] public partial class Range { }",
        Usings + "[ContractAbi(\"abis/ERC20.json\")][SessionActionAttribute(\"transfer\", SpendingLimit = \"1e6\", Sudo = false)][type: SessionExpiry(Minutes = 5)] public partial class Suffixed { }",
        "using SessionGen;\n[ContractAbi(\"abis/ERC20.json\")][SessionAction(\"transfer\", SpendingLimit = \"1e6\")][SessionExpiry(Days = 1)] public partial class GlobalNamespace { }");

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Reading_from_syntax_generates_what_binding_generates(string source)
    {
        var read = Run([source]);
        var bound = Run([source, ForceBinding]);

        Assert.Equal(source == SessionGeneratorTests.Treasury ? 1 : 0, BoundClasses(read)); // read from syntax; Treasury's session names contracts with typeof
        Assert.NotEqual(0, BoundClasses(bound));
        Assert.Equal(Sources(bound), Sources(read));
        Assert.Equal(Diagnostics(bound), Diagnostics(read));
    }

    [Fact]
    public void Constants_nameof_and_enum_constants_are_bound_and_read_like_literals()
    {
        var literal = Run([Usings + """
            [ContractAbi("abis/Router.json")]
            [SessionAction("exactInputSingle", MaxUses = 10)]
            [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
            [SessionExpiry(Hours = 12)]
            public partial class Swapper { }
            """]);
        var constants = Run([Usings + """
            [ContractAbi(Limits.Router)]
            [SessionAction(nameof(Limits.exactInputSingle), MaxUses = Limits.Uses)]
            [ParamRule(nameof(Limits.exactInputSingle), "params." + "amountIn", Limits.AtMost, Limits.Amount)]
            [SessionExpiry(Hours = 2 * 6)]
            public partial class Swapper { }
            """, """
            namespace Demo;
            public static class Limits
            {
                public const string Router = "abis/Router.json";
                public const string Amount = "5e6";
                public const long Uses = 10;
                public const SessionGen.ParamCondition AtMost = SessionGen.ParamCondition.LessThanOrEqual;
                public static void exactInputSingle() { }
            }
            """]);

        Assert.Equal(0, BoundClasses(literal));
        Assert.Equal(2, BoundClasses(constants)); // the binding and the session each bind the class
        Assert.Equal(Sources(literal), Sources(constants));
    }

    [Fact]
    public void A_constant_edited_elsewhere_reaches_the_generated_code()
    {
        var first = Run([Usings + "[ContractAbi(\"abis/ERC20.json\")][SessionAction(\"transfer\", SpendingLimit = Limits.Usdc)][SessionExpiry(Days = 1)] public partial class T { }",
            "namespace Demo; public static class Limits { public const string Usdc = \"100e6\"; }"]);
        var limits = first.InputCompilation.SyntaxTrees.Last();
        var second = first.RunAgain(first.InputCompilation.ReplaceSyntaxTree(limits,
            CSharpSyntaxTree.ParseText("namespace Demo; public static class Limits { public const string Usdc = \"250e6\"; }", GeneratorHarness.ParseOptions, limits.FilePath)));

        Assert.Contains("100000000", first.Source("Demo.T.Session.g.cs"));
        Assert.Contains("250000000", second.Source("Demo.T.Session.g.cs"));
    }

    [Fact]
    public void A_users_own_attributes_named_like_ours_are_not_taken_for_ours()
    {
        var run = Run([Usings + "[ContractAbi(\"abis/ERC20.json\")][SessionAction(\"transfer\", SpendingLimit = \"1e6\")][SessionExpiry(Days = 1)] public partial class T { }", """
            namespace Demo;
            [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
            public sealed class SessionActionAttribute(string function) : System.Attribute { public string? SpendingLimit { get; set; } public string Function { get; } = function; }
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class ContractAbiAttribute(string path) : System.Attribute { public string Path { get; } = path; }
            """]);

        // Demo's own attributes are found first: no binding and no session (taken for ours, the syntax would give both).
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_class_declared_in_two_files_is_bound_with_the_attributes_of_both()
    {
        var run = Run([Usings + "[ContractAbi(\"abis/ERC20.json\")][SessionAction(\"transfer\", SpendingLimit = \"1e6\")] public partial class T { }",
            Usings + "[SessionExpiry(Days = 3)] public partial class T { }"]);

        Assert.Contains("AddMinutes(4320)", run.Source("Demo.T.Session.g.cs")); // three days, from the second file
        Assert.NotEqual(0, BoundClasses(run));
    }

    [Fact]
    public void An_unrelated_edit_reads_no_class_again()
    {
        var first = Run([SessionGeneratorTests.UsdcTrading, SessionGeneratorTests.SponsoredTrading.Replace("namespace Demo;", "namespace Demo.Other;"), "namespace App; public static class Unrelated { public const int Value = 0; }"]);
        var unrelated = first.InputCompilation.SyntaxTrees.Last();
        var second = first.RunAgain(first.InputCompilation.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("namespace App; public static class Unrelated { public const int Value = 1; }", GeneratorHarness.ParseOptions, unrelated.FilePath)));

        Assert.Equal(0, BoundClasses(second));
        IncrementalAssert.AllCachedOrUnchanged(second,
            TrackingNames.ContractAbiClasses, TrackingNames.ContractAbiEnvironment, TrackingNames.ContractAbiReads, TrackingNames.ContractAbiBoundReads, TrackingNames.ContractAbiTargets,
            TrackingNames.SessionClasses, TrackingNames.SessionAttributeEnvironment, TrackingNames.SessionReads, TrackingNames.SessionBoundReads, TrackingNames.SessionTargets,
            TrackingNames.Bindings, TrackingNames.SessionSpecs);
        Assert.All(second.StepReasons()[TrackingNames.SessionReads], reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(second.StepReasons()[TrackingNames.ContractAbiReads], reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    private static GeneratorRun Run(IEnumerable<string> sources) =>
        GeneratorHarness.Run([new ContractBindingGenerator(), new SessionGenerator()], GeneratorHarness.CreateCompilation(sources), TestAbis.All)
            .AssertNoGeneratorCrash();

    /// <summary>How many classes the bound-read steps of both generators bound in <paramref name="run"/> (of those that reach an output: the driver records only those steps).</summary>
    private static int BoundClasses(GeneratorRun run) =>
        run.Result.Results
            .SelectMany(r => r.TrackedSteps.Where(s => s.Key is TrackingNames.ContractAbiBoundReads or TrackingNames.SessionBoundReads).SelectMany(s => s.Value))
            .SelectMany(step => step.Outputs)
            .Sum(output => ((System.Collections.ICollection)output.Value.GetType().GetMethod("AsImmutableArray")!.Invoke(output.Value, null)!).Count);

    private static string[] Sources(GeneratorRun run) =>
        run.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText).ToArray();

    private static string[] Diagnostics(GeneratorRun run) =>
        run.GeneratorDiagnostics.Select(d => d.ToString()).ToArray();
}
