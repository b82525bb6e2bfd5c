using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SessionGen.Generators.Amounts;
using SessionGen.Generators.Analyzers;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Infrastructure;
using SessionGen.Generators.Tests.Sessions;
using Xunit;
using Xunit.Abstractions;

namespace SessionGen.Generators.Tests.Hardening;

/// <summary>
/// Session declarations with random attribute arguments (function names, parameter names, amounts, conditions, expiry,
/// use counts, token decimals; boundary and hostile values) through the session and binding generators and the session
/// analyzer: nothing throws (no AD0001, no CS8785), generated code never has an error, and every amount argument is
/// accepted exactly when <see cref="AmountLiteral"/> accepts it, a rejected one reported (SESSGEN110) on that argument.
/// </summary>
public sealed class SessionAttributeFuzzTests(ITestOutputHelper output)
{
    private const int Declarations = 600;
    private const int DeclarationsPerCompilation = 60;
    private const string InvalidAmount = "SESSGEN110";

    private static readonly string[] Functions =
    [
        "transfer", "approve", "transferFrom", "balanceOf", "deposit", "withdraw", "withdraw(uint256)", "withdraw(uint256,address)", "execute",
        "exactInputSingle", "transfer(address,uint256)", "transfer(address, uint256)", "Transfer", "transfer()", "transfer(", ")", "", " ", "\0",
        "tränsfer", "𝔱ransfer", "withdraw(uint)", "deposit(uint256,address)extra", new string('x', 5_000), "a\nb", "\"", "transfer(address,uint256",
    ];

    private static readonly string[] Parameters =
    [
        "to", "amount", "assets", "receiver", "spender", "params.amountIn", "params.fee", "params.recipient", "params", "params.", ".amountIn",
        "params.amountIn.x", "data", "flag", "", "AMOUNT", "amount ", "0", "𝔞mount", "params..fee", "\u200B",
    ];

    private static readonly string[] Amounts =
    [
        "0", "1", "100e6", "1_000_000", "0x5f5e100", "1.5e6", "1000e-3", "1e18", "0e99999999999",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935", // 2^256-1
        "115792089237316195423570985008687907853269984665640564039457584007913129639936", // 2^256
        "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0x1_0000000000000000000000000000000000000000000000000000000000000000",
        "-1", "-0", "+1", "1.5", "1e-1", "1e78", "1e99999999999999999999", "1__0", "_1", "1_", "0x", "0x_1", "1e", ".5", "1.e5", "100 USDC", " 1", "١٢",
        "", "\0", "1e2147483648", "1e-2147483649", "0x" + new string('f', 5_000), new string('9', 5_000), "NaN", "∞", "1,000", "1'000", "1e+", "0b101",
    ];

    private static readonly string[] Paths = ["abis/ERC20.json", "abis/ERC20.json", "abis/Vault.json", "abis/Router.json", "abis/Missing.json", "", "../abis/ERC20.json", "ABIS/erc20.JSON", "\0"];

    private static readonly string[] Conditions = ["Equal", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual", "NotEqual", "InRange"];

    private static readonly Gen<string> Text = Gen.Frequency((3, Gen.OneOf<string>(Functions)), (3, Gen.OneOf<string>(Parameters)), (2, Gen.OneOf<string>(Amounts)), (1, Gen.String[0, 20]));

    private static readonly Gen<string> Amount = Gen.Frequency((8, Gen.OneOf<string>(Amounts)), (1, Gen.String[0, 12]), (2, Gen.Char["0123456789_.eExX-+af"].Array[1, 14].Select(c => new string(c))));

    private static readonly Gen<long> Long = Gen.Frequency((4, Gen.Long[-3, 10]), (1, Gen.OneOf<long>(long.MinValue, long.MaxValue, int.MaxValue, (long)int.MaxValue + 1, uint.MaxValue)), (1, Gen.Long));

    private static readonly Gen<int> Int = Gen.Frequency((4, Gen.Int[-3, 400]), (1, Gen.OneOf<int>(int.MinValue, int.MaxValue, int.MaxValue / 24, int.MaxValue / 1440, 35_791_395, 1_491_309)), (1, Gen.Int));

    /// <summary>One attribute: its text, and the amount literals in it (by their offset in that text) with the property each sets.</summary>
    private sealed record Attribute(string Text, ImmutableArray<(int Offset, int Length, string Amount)> Amounts);

    private sealed class AttributeBuilder(string name)
    {
        private readonly StringBuilder _text = new(name);
        private readonly List<(int, int, string)> _amounts = new();
        private bool _open;

        public AttributeBuilder Arg(string? argument)
        {
            if (argument is not null)
            {
                _text.Append(_open ? ", " : "(").Append(argument);
                _open = true;
            }

            return this;
        }

        /// <summary>A string argument; a <see langword="null"/> value writes the <c>null</c> literal, and <paramref name="amount"/> records it for the located-diagnostic check.</summary>
        public AttributeBuilder String(string? prefix, string? value, bool amount = false)
        {
            Arg(prefix ?? string.Empty);
            var literal = value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);
            if (amount && value is not null)
            {
                _amounts.Add((_text.Length, literal.Length, value));
            }

            _text.Append(literal);
            return this;
        }

        public Attribute Build() => new(_text.Append(_open ? ")" : string.Empty).ToString(), [.. _amounts]);
    }

    private static Gen<string?> Maybe(Gen<string> gen) => Gen.Frequency((2, gen.Select(s => (string?)s)), (1, Gen.Const((string?)null)));

    private static readonly Gen<Attribute> SessionAction =
        Gen.Select(Gen.OneOf<string>(Functions), Maybe(Amount), Maybe(Amount), Gen.Int[0, 3], Long, Gen.Int[0, 4])
            .Select((function, spending, value, nullFunction, maxUses, flags) =>
            {
                var a = new AttributeBuilder("SessionAction").String(null, nullFunction == 0 ? null : function);
                if (spending is not null) a.String("SpendingLimit = ", spending, amount: true);
                if (value is not null) a.String("ValueLimit = ", value, amount: true);
                if (flags % 2 == 1) a.Arg("MaxUses = " + maxUses.ToString(CultureInfo.InvariantCulture) + "L");
                if (flags == 4) a.Arg("Sudo = true");
                if (flags == 3) a.Arg("Contract = typeof(Fuzz.Other)");
                return a.Build();
            });

    private static readonly Gen<Attribute> ParamRule =
        Gen.Select(Gen.OneOf<string>(Functions), Gen.OneOf<string>(Parameters), Gen.OneOf<int>(0, 1, 2, 3, 4, 5, 6, 6, 7, 8, 255), Text, Maybe(Amount), Maybe(Amount))
            .Select((function, parameter, condition, reference, upper, cumulative) =>
            {
                var a = new AttributeBuilder("ParamRule").String(null, function).String(null, parameter)
                    .Arg(condition is >= 0 and < 7 ? "ParamCondition." + Conditions[condition] : $"(ParamCondition)({condition})")
                    .String(null, reference);
                if (upper is not null) a.String("UpperBound = ", upper);
                if (cumulative is not null) a.String("CumulativeLimit = ", cumulative);
                return a.Build();
            });

    private static readonly Gen<Attribute> ValueTransfer =
        Gen.Select(Maybe(Amount), Long, Gen.Int[0, 3]).Select((value, maxUses, flags) =>
        {
            var a = new AttributeBuilder("SessionValueTransfer");
            if (value is not null) a.String("ValueLimit = ", value, amount: true);
            if (flags == 1) a.Arg("MaxUses = " + maxUses.ToString(CultureInfo.InvariantCulture) + "L");
            if (flags == 2) a.Arg("Sudo = true");
            return a.Build();
        });

    private static readonly Gen<Attribute> Expiry =
        Gen.Select(Int, Int, Int, Int, Gen.Int[0, 15]).Select((days, hours, minutes, after, present) =>
        {
            var a = new AttributeBuilder("SessionExpiry");
            if ((present & 1) != 0) a.Arg("Days = " + days.ToString(CultureInfo.InvariantCulture));
            if ((present & 2) != 0) a.Arg("Hours = " + hours.ToString(CultureInfo.InvariantCulture));
            if ((present & 4) != 0) a.Arg("Minutes = " + minutes.ToString(CultureInfo.InvariantCulture));
            if ((present & 8) != 0) a.Arg("StartsAfterMinutes = " + after.ToString(CultureInfo.InvariantCulture));
            return a.Build();
        });

    private static readonly Gen<Attribute> TokenDisplay =
        Gen.Select(Text, Int).Select((symbol, decimals) => new AttributeBuilder("TokenDisplay").String(null, symbol).Arg(decimals.ToString(CultureInfo.InvariantCulture)).Build());

    private static readonly Gen<Attribute> ContractAbi = Gen.OneOf<string>(Paths).Select(path => new AttributeBuilder("ContractAbi").String(null, path).Build());

    private static readonly Gen<Attribute[]> Declaration =
        Gen.Select(ContractAbi, Gen.Int[0, 5], SessionAction.Array[0, 4], ParamRule.Array[0, 3], ValueTransfer, Expiry, TokenDisplay)
            .Select((abi, include, actions, rules, value, expiry, token) =>
                (Attribute[])[.. include == 0 ? [] : new[] { abi }, .. actions, .. rules, .. include % 2 == 0 ? [value] : Array.Empty<Attribute>(), .. include < 4 ? [expiry] : Array.Empty<Attribute>(), .. include == 5 ? [token] : Array.Empty<Attribute>()]);

    [Fact]
    public void Random_attribute_arguments_never_crash_and_amounts_are_reported_on_their_argument()
    {
        var count = FuzzAbiDocuments.Iterations(Declarations);
        var stopwatch = Stopwatch.StartNew();
        var declarations = FuzzAbiDocuments.Draw(Declaration, count, stream: 13).Select(d => d.Value).ToList();
        int amountsChecked = 0, amountsRejected = 0, diagnostics = 0, compilations = 0;
        var failures = new List<string>();

        for (var first = 0; first < declarations.Count; first += DeclarationsPerCompilation)
        {
            var source = new StringBuilder(SessionVerifier.Usings).Append("namespace Fuzz;\npublic class Other { }\n");
            var amounts = new List<(TextSpan Span, string Amount, int Declaration)>();
            foreach (var (attributes, i) in declarations.Skip(first).Take(DeclarationsPerCompilation).Select((a, i) => (a, first + i)))
            {
                foreach (var attribute in attributes)
                {
                    source.Append('[');
                    amounts.AddRange(attribute.Amounts.Select(a => (new TextSpan(source.Length + a.Offset, a.Length), a.Amount, i)));
                    source.Append(attribute.Text).Append("]\n");
                }

                source.Append("public partial class Session").Append(i).Append(" { }\n");
            }

            var compilation = CSharpCompilation.Create(
                "Fuzz" + first,
                [CSharpSyntaxTree.ParseText(source.ToString(), GeneratorHarness.ParseOptions, path: GeneratorHarness.ProjectDirectory + "Sessions.cs")],
                GeneratorHarness.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)); // the fuzz writes valid C#

            var run = GeneratorHarness.Run([new ContractBindingGenerator(), new SessionGenerator()], compilation, TestAbis.All);
            compilations++;
            run.AssertNoGeneratorCrash();
            failures.AddRange(run.OutputCompilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
                .SelectMany(t => run.OutputCompilation.GetSemanticModel(t).GetDiagnostics())
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"generated code does not compile: {d}"));

            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([.. TestAbis.All.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))],
                    new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["build_property.projectdir"] = GeneratorHarness.ProjectDirectory })),
                onAnalyzerException: (e, _, _) => { lock (exceptions) exceptions.Add(e.ToString()); },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var analyzerDiagnostics = compilation.WithAnalyzers([new SessionAnalyzer()], options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
            failures.AddRange(exceptions.Select(e => "the analyzer threw: " + e));
            failures.AddRange(analyzerDiagnostics.Where(d => d.Id == "AD0001").Select(d => "AD0001: " + d));
            diagnostics += analyzerDiagnostics.Length;

            // Each amount argument: accepted exactly when AmountLiteral accepts it; rejected ones reported on the argument itself.
            var reported = analyzerDiagnostics.Where(d => d.Id == InvalidAmount).Select(d => d.Location.SourceSpan).ToHashSet();
            foreach (var (span, amount, declaration) in amounts)
            {
                var valid = AmountLiteral.TryParse(amount, out _, out _);
                amountsChecked++;
                amountsRejected += valid ? 0 : 1;
                if (valid == reported.Contains(span))
                {
                    failures.Add($"Session{declaration}: amount {SymbolDisplay.FormatLiteral(amount, true)} is {(valid ? "valid but reported" : "invalid but not reported")} at {span}");
                }
            }

            // Others (ParamRule bounds and references) are located on a string literal argument too.
            var text = source.ToString();
            failures.AddRange(reported.Where(span => span.Length < 2 || text[span.Start] != '"' || text[span.End - 1] != '"')
                .Select(span => $"{InvalidAmount} at {span} ('{text.Substring(span.Start, Math.Min(span.Length, 80))}') is not on a string literal argument"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures, the first:\n" + string.Join("\n", failures.Take(15)));
        output.WriteLine($"{count} session declarations in {compilations} compilations ({stopwatch.Elapsed.TotalSeconds:F1} s): {amountsChecked} amount arguments checked ({amountsRejected} rejected), {diagnostics} analyzer diagnostics");
        Assert.True(amountsRejected > count / 10 && amountsChecked - amountsRejected > count / 10, "the sample does not exercise both valid and invalid amounts");
    }
}
