using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using CsCheck;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Infrastructure;
using SessionGen.Generators.Tests.Sessions;
using SessionGen.Protocol;
using Xunit;

namespace SessionGen.Generators.Tests.Hardening;

/// <summary>
/// End to end, an amount literal is never mis-scaled: for random uint256 values (and the boundaries) written in every
/// notation AmountLiteralTests knows, the session the generated <c>CreateSession</c> builds carries exactly that limit in
/// its ERC20SpendingLimitPolicy init data (abi.encode(address[] tokens, uint256[] limits)). Zero is not a limit the chain accepts
/// (SESSGEN208) and is left out.
/// </summary>
public sealed class AmountScalingTests
{
    private const int Values = 120;

    private static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    [Fact]
    public void Generated_sessions_carry_exactly_the_written_limit()
    {
        var cases = new (BigInteger Value, string Literal)[] { (1, "1"), (Max, Max.ToString(CultureInfo.InvariantCulture)), (Max, "0x" + new string('f', 64)), (BigInteger.Pow(10, 77), "1e77") }
            .Concat(FuzzAbiDocuments.Draw(Gen.Select(AmountLiteralTests.UInt256, Gen.Int[1, 5], Gen.Int[0, 6]), Values, stream: 17)
                .Select(d => (Value: d.Value.Item1, Literal: AmountLiteralTests.Render(d.Value.Item1, d.Value.Item2, d.Value.Item3))))
            .Where(c => !c.Value.IsZero) // a zero limit is SESSGEN208 (the policy reverts on it): no session is generated
            .ToList();

        var sources = cases.Select((c, i) => $$"""
            namespace Amounts;
            [SessionGen.ContractAbi("abis/ERC20.json")]
            [SessionGen.SessionAction("transfer", SpendingLimit = "{{c.Literal}}")]
            [SessionGen.SessionExpiry(Days = 1)]
            public partial class Amount{{i}} { }
            """);
        var run = GeneratorHarness.Run([new ContractBindingGenerator(), new SessionGenerator()], GeneratorHarness.CreateCompilation(sources), TestAbis.All)
            .AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
        var assembly = run.EmitAndLoad();
        var token = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");

        for (var i = 0; i < cases.Count; i++)
        {
            var create = assembly.GetType("Amounts.Amount" + i, throwOnError: true)!.GetMethods()
                .Single(m => m.Name == "CreateSession" && m.GetParameters()[1].Name == "sessionKey");
            var session = (Session)create.Invoke(null, [token, Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), DateTimeOffset.UnixEpoch, default(Bytes32), null])!;

            var initData = Assert.Single(Assert.Single(session.Actions).ActionPolicies).InitData.Span;
            var limit = new BigInteger(initData[^32..], isUnsigned: true, isBigEndian: true);
            Assert.True(cases[i].Value == limit, $"SpendingLimit = \"{cases[i].Literal}\" became {limit}, expected {cases[i].Value}");
        }
    }
}
