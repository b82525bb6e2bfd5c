using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionGen.Generators.Analyzers;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>Random, often broken, session declarations never make the analyzer or the generators throw.</summary>
public sealed class SessionRobustnessTests
{
    private static readonly Gen<string> Amount = Gen.OneOf(
        Gen.Const("\"100e6\""), Gen.Const("\"-1\""), Gen.Const("\"\""), Gen.Const("null"), Gen.Const("\"1e99999999999\""), Gen.Const("\"0x\""),
        Gen.Const("\"1.5\""), Gen.Const("\"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\""), Gen.Const("\"1_000\""), Gen.Const("5"));

    private static readonly Gen<string> Function = Gen.OneOf(
        Gen.Const("\"transfer\""), Gen.Const("\"transfr\""), Gen.Const("\"withdraw\""), Gen.Const("\"deposit\""), Gen.Const("\"exactInputSingle\""),
        Gen.Const("\"\""), Gen.Const("null"), Gen.Const("\"transfer(address,uint256)\""), Gen.Const("\"f((((\""), Gen.Const("\"execute\""));

    private static readonly Gen<string> Parameter = Gen.OneOf(
        Gen.Const("\"amount\""), Gen.Const("\"assets\""), Gen.Const("\"params.amountIn\""), Gen.Const("\"params\""), Gen.Const("\"data\""),
        Gen.Const("\"params.x.y\""), Gen.Const("\"\""), Gen.Const("null"), Gen.Const("\"..\""));

    private static readonly Gen<string> Attribute = Gen.OneOf(
        Gen.Select(Function, Amount, Gen.Long[-2, 3], Gen.Bool, (f, a, uses, sudo) => $"[SessionAction({f}, SpendingLimit = {a}, MaxUses = {uses}, Sudo = {(sudo ? "true" : "false")})]"),
        Gen.Select(Function, Amount, (f, a) => $"[SessionAction({f}, ValueLimit = {a}, Contract = typeof(Other))]"),
        Gen.Select(Function, Gen.Const("typeof(int)"), (f, t) => $"[SessionAction({f}, Contract = {t})]"),
        Gen.Select(Function, Parameter, Gen.Int[0, 9], Amount, Amount, (f, p, c, r, u) => $"[ParamRule({f}, {p}, (ParamCondition){c}, {r}, UpperBound = {u}, CumulativeLimit = {r})]"),
        Gen.Select(Gen.Int[-3, 3], Gen.Int[-100, 100], Gen.Int[-10, 10], (d, m, s) => $"[SessionExpiry(Days = {d}, Minutes = {m}, StartsAfterMinutes = {s})]"),
        Gen.Select(Amount, Gen.Long[-1, 2], (a, u) => $"[SessionValueTransfer(ValueLimit = {a}, MaxUses = {u})]"),
        Gen.OneOf(Gen.Const("[ContractAbi(\"abis/ERC20.json\")]"), Gen.Const("[ContractAbi(\"abis/Vault.json\")]"), Gen.Const("[ContractAbi(\"abis/Router.json\")]"),
            Gen.Const("[ContractAbi(\"abis/Missing.json\")]"), Gen.Const("[TokenDisplay(\"USDC\", -4)]"), Gen.Const("[TokenDisplay(null, 6)]")));

    private static readonly Gen<string> Source = Gen.Select(Attribute.Array[0, 6], Gen.Bool, (attributes, partial) => $$"""
        using SessionGen;
        using SessionGen.Protocol;
        [ContractAbi("abis/Vault.json")] public partial class Other { }
        {{string.Join("\n", attributes)}}
        public {{(partial ? "partial " : "")}}class Session { }
        """);

    [Fact]
    public void No_exception_on_any_declaration() =>
        Source.Sample(source =>
        {
            var run = GeneratorHarness.Run([new ContractBindingGenerator(), new SessionGenerator()], GeneratorHarness.CreateCompilation([source]), TestAbis.All);
            run.AssertNoGeneratorCrash();

            var exceptions = new ConcurrentBag<Exception>();
            var analyzers = GeneratorHarness.CreateCompilation([source]).WithAnalyzers(
                [new SessionAnalyzer()],
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(TestAbis.All.Select(abi => (AdditionalText)new InMemoryAdditionalText(abi.Path, abi.Text)).ToImmutableArray()),
                    (exception, _, _) => exceptions.Add(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }, iter: 150, threads: 1);
}
