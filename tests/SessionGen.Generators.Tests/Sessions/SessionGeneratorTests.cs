using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Infrastructure;
using SessionGen.Protocol;
using Xunit;

namespace SessionGen.Generators.Tests.Sessions;

public sealed class SessionGeneratorTests
{
    internal const string UsdcTrading = """
        using SessionGen;
        using SessionGen.Protocol;
        namespace Demo;

        [ContractAbi("abis/ERC20.json")]
        [TokenDisplay("USDC", 6)]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 7)]
        public partial class UsdcTrading { }
        """;

    internal const string SponsoredTrading = """
        using SessionGen;
        using SessionGen.Protocol;
        namespace Demo;

        [ContractAbi("abis/ERC20.json")]
        [TokenDisplay("USDC", 6)]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 7)]
        [SessionPaymaster]
        public partial class SponsoredTrading { }
        """;

    internal const string Treasury = """
        using SessionGen;
        using SessionGen.Protocol;
        namespace Demo;

        [ContractAbi("abis/ERC20.json")]
        [TokenDisplay("USDC", 6)]
        public partial class Usdc { }

        [ContractAbi("abis/Vault.json")]
        public partial class Vault { }

        [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "1_000e6")]
        [SessionAction("deposit", Contract = typeof(Vault))]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "250e6", Contract = typeof(Vault), CumulativeLimit = "1_000e6")]
        [SessionValueTransfer(ValueLimit = "0.5e18", MaxUses = 2)]
        [SessionExpiry(Hours = 12, StartsAfterMinutes = 5)]
        public partial class Treasury { }
        """;

    internal const string EveryPolicy = """
        using SessionGen;
        using SessionGen.Protocol;
        namespace Demo.Policies;

        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle", MaxUses = 10, ValueLimit = "1e18")]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.InRange, "1e6", UpperBound = "5e6")]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, "0x000000000000000000000000000000000000bEEF")]
        [ParamRule("exactInputSingle", "params.amountOutMinimum", ParamCondition.GreaterThan, "0", CumulativeLimit = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
        public partial class Swapper { }

        [ContractAbi("abis/Vault.json")]
        [SessionAction("withdraw(uint256)", Sudo = true)]
        [SessionAction("deposit")]
        [SessionExpiry(Minutes = 90)]
        public partial class VaultKeeper { }
        """;

    /// <summary>Runs the binding generator too: the session's call builders delegate to the bindings.</summary>
    internal static GeneratorRun Run(string source) =>
        GeneratorHarness.Run([new ContractBindingGenerator(), new SessionGenerator()], GeneratorHarness.CreateCompilation([source]), TestAbis.All)
            .AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);

    [Fact]
    public void UsdcTrading_one_click_trading() =>
        Snapshot.Verify(Run(UsdcTrading).Source("Demo.UsdcTrading.Session.g.cs"), "UsdcTrading");

    [Fact]
    public void A_sponsored_session_permits_a_paymaster() =>
        Snapshot.Verify(Run(SponsoredTrading).Source("Demo.SponsoredTrading.Session.g.cs"), "SponsoredTrading");

    [Fact]
    public void Session_over_two_contracts_with_a_value_transfer() =>
        Snapshot.Verify(Run(Treasury).Source("Demo.Treasury.Session.g.cs"), "Treasury");

    [Fact]
    public void Every_policy_kind()
    {
        var run = Run(EveryPolicy);
        Snapshot.Verify(run.Source("Demo.Policies.Swapper.Session.g.cs"), "Swapper");
        Snapshot.Verify(run.Source("Demo.Policies.VaultKeeper.Session.g.cs"), "VaultKeeper");
    }

    /// <summary>
    /// A C# 9 project (Unity 6) gets the same session code as C# 10 and later, compiling without warnings: sessions declare
    /// no value types, so only the bindings' records differ (Binding/SnapshotBindingTests.*.CSharp9).
    /// </summary>
    [Theory]
    [InlineData(nameof(UsdcTrading), "Demo.UsdcTrading.Session.g.cs")]
    [InlineData(nameof(SponsoredTrading), "Demo.SponsoredTrading.Session.g.cs")]
    [InlineData(nameof(Treasury), "Demo.Treasury.Session.g.cs")]
    [InlineData(nameof(EveryPolicy), "Demo.Policies.Swapper.Session.g.cs")]
    public void A_CSharp9_project_gets_the_same_session_code(string declaration, string hintName)
    {
        var source = declaration switch
        {
            nameof(UsdcTrading) => UsdcTrading,
            nameof(SponsoredTrading) => SponsoredTrading,
            nameof(Treasury) => Treasury,
            _ => EveryPolicy,
        };
        // The declarations use a file-scoped namespace (C# 10); C# 9 needs a block.
        var blockNamespace = System.Text.RegularExpressions.Regex.Replace(source, @"^namespace ([\w.]+);", "namespace $1 {", System.Text.RegularExpressions.RegexOptions.Multiline) + "\n}\n";
        var csharp9 = GeneratorHarness.Run([new ContractBindingGenerator(), new SessionGenerator()], GeneratorHarness.CreateCompilation([blockNamespace], parseOptions: GeneratorHarness.CSharp9), TestAbis.All)
            .AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);

        Assert.Equal(Run(source).Source(hintName), csharp9.Source(hintName));
    }

    [Fact]
    public void Contracts_with_the_same_name_get_distinct_parameters()
    {
        var run = Run("""
            using SessionGen;
            namespace A { [ContractAbi("abis/ERC20.json")] public partial class Token { } }
            namespace B { [ContractAbi("abis/ERC20.json")] public partial class Token { } }
            [SessionAction("transfer", Contract = typeof(A.Token), SpendingLimit = "1")]
            [SessionAction("transfer", Contract = typeof(B.Token), SpendingLimit = "2")]
            [SessionExpiry(Days = 1)]
            public partial class TwoTokens { }
            """);
        var source = run.Source("TwoTokens.Session.g.cs");
        Assert.Contains("Calls(global::SessionGen.Address token, global::SessionGen.Address token2)", source);
        Assert.Contains("public global::SessionGen.Call TransferOnToken(", source); // same builder name on two contracts
        Assert.Contains("public global::SessionGen.Call TransferOnToken2(", source);
    }

    [Fact]
    public void A_declaration_with_an_error_generates_no_session()
    {
        var run = GeneratorHarness.Run(new SessionGenerator(), ["""
            using SessionGen;
            [ContractAbi("abis/ERC20.json")]
            [SessionAction("transfr", SpendingLimit = "1")]
            [SessionExpiry(Days = 1)]
            public partial class Typo { }

            [ContractAbi("abis/ERC20.json")]
            [SessionAction("transfer", SpendingLimit = "-1")]
            [SessionExpiry(Days = 1)]
            public partial class Negative { }

            [ContractAbi("abis/ERC20.json")]
            [SessionAction("transfer", SpendingLimit = "1")]
            public class NotPartial { }
            """], TestAbis.All).AssertNoGeneratorCrash().AssertCompiles();
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData(nameof(SponsoredTrading), true)]
    [InlineData(nameof(UsdcTrading), false)]
    public void SessionPaymaster_sets_permitERC4337Paymaster_and_nothing_else(string name, bool sponsored)
    {
        var type = Run(sponsored ? SponsoredTrading : UsdcTrading).EmitAndLoad().GetType("Demo." + name)!;
        var usdc = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        var sessionKey = Address.Parse("0x1111111111111111111111111111111111111111");
        var now = new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

        var salt = Bytes32.Parse("0x" + new string('5', 64)); // explicit: a default salt is derived from the content, flag included
        var session = (Session)Method(type, "CreateSession", 5).Invoke(null, [usdc, sessionKey, now, salt, null])!;

        Assert.Equal(sponsored, session.PermitERC4337Paymaster);
        var plain = (Session)Method(Run(UsdcTrading).EmitAndLoad().GetType("Demo.UsdcTrading")!, "CreateSession", 5).Invoke(null, [usdc, sessionKey, now, salt, null])!;
        Assert.Equal(plain.PermissionId, session.PermissionId);
        Assert.Equal(plain.Actions, session.Actions);
        Assert.Equal(plain.UserOpPolicies, session.UserOpPolicies);
        // The enable digest signs the flag: an owner approves a sponsored session knowingly.
        Assert.Equal(sponsored, EnableDigest.HashSession(session, sessionKey, 0, SmartSessionMode.Enable, SmartSessionDeployment.Current) != EnableDigest.HashSession(plain, sessionKey, 0, SmartSessionMode.Enable, SmartSessionDeployment.Current));
    }

    [Fact]
    public void CreateSession_equals_the_session_built_by_hand()
    {
        var assembly = Run(UsdcTrading).EmitAndLoad();
        var type = assembly.GetType("Demo.UsdcTrading")!;
        var usdc = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        var sessionKey = Address.Parse("0x1111111111111111111111111111111111111111");
        var now = new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
        var salt = Bytes32.Parse("0x" + new string('a', 64));

        var generated = (Session)Method(type, "CreateSession", 5).Invoke(null, [usdc, sessionKey, now, salt, null])!;

        var deployment = SmartSessionDeployment.Current;
        var expected = new Session(
            deployment.OwnableValidator,
            SessionValidatorInitData.Ownable(1, sessionKey),
            salt,
            [Policies.TimeFrame(now.AddDays(7), now, deployment.Policies)],
            ERC7739Data.None,
            [new ActionData(usdc, Selector.FromSignature("transfer(address,uint256)"), Policies.ERC20SpendingLimit(usdc, 100_000_000, deployment.Policies))]);
        Assert.Equal(expected, generated);
        Assert.Equal(expected.PermissionId, generated.PermissionId);

        var text = (string)Method(type, "Describe", 2).Invoke(null, [generated, null])!;
        Assert.Equal(
            "This session lets the app, without asking you again:\n"
            + "- call transfer on USDC 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48; at most 100 USDC in total\n"
            + "from 2026-11-25 14:00 UTC until 2026-12-02 14:00 UTC.",
            text);
    }

    [Fact]
    public void CreateSession_with_any_validator_and_every_policy_equals_the_session_built_by_hand()
    {
        var assembly = Run(Treasury).EmitAndLoad();
        var type = assembly.GetType("Demo.Treasury")!;
        var usdc = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        var vault = Address.Parse("0x2222222222222222222222222222222222222222");
        var recipient = Address.Parse("0x3333333333333333333333333333333333333333");
        var validator = Address.Parse("0x4444444444444444444444444444444444444444");
        var sessionKey = Address.Parse("0x1111111111111111111111111111111111111111");
        var now = new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
        var policies = PolicyAddresses.Legacy;
        var initData = SessionValidatorInitData.SingleKey(sessionKey);

        // The ReadOnlySpan<byte> overload cannot be invoked by reflection: call it through a compiled lambda instead.
        var method = type.GetMethods().Single(m => m.Name == "CreateSession" && m.GetParameters().Any(p => p.Name == "sessionValidatorInitData"));
        var generated = InvokeWithSpan(method, [usdc, vault, recipient, validator], initData, [now, default(Bytes32), policies]);

        var unsalted = new Session(
            validator, initData, default,
            [Policies.TimeFrame(now.AddMinutes(5 + 720), now.AddMinutes(5), policies)],
            ERC7739Data.None,
            [
                new ActionData(usdc, Selector.FromSignature("approve(address,uint256)"), Policies.ERC20SpendingLimit(usdc, 1_000_000_000, policies)),
                new ActionData(vault, Selector.FromSignature("deposit(uint256,address)"),
                    // No ValueLimit(0) beside it: the policy reverts on a zero limit; the rule's per-call value limit of 0 already refuses ETH.
                    Policies.UniversalAction(new UniActionConfig(0, new ParamRule(ParamCondition.LessThanOrEqual, 0, ParamRule.Compare(ParamCondition.LessThanOrEqual, 0, 250_000_000).Reference, isLimited: true, limit: 1_000_000_000)), policies)),
                new ActionData(recipient, new Selector(0xFFFFFFFF), Policies.UsageLimit(2, policies), Policies.ValueLimit(BigInteger.Parse("500000000000000000"), policies)),
            ]);

        // No salt given: it is derived from the session's content.
        var expected = SessionGen.Sessions.SessionSalt.WithContentSalt(unsalted);
        Assert.Equal(expected, generated);
        Assert.NotEqual(default, generated.Salt);

        var salt = Bytes32.Parse("0x" + new string('b', 64));
        var salted = InvokeWithSpan(method, [usdc, vault, recipient, validator], initData, [now, salt, policies]);
        Assert.Equal(salt, salted.Salt);
    }

    [Fact]
    public void Different_sessions_of_one_key_get_different_permission_ids_by_default()
    {
        var assembly = Run(UsdcTrading + "\n" + """
            [ContractAbi("abis/ERC20.json")]
            [SessionAction("approve", SpendingLimit = "5e6")]
            [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender")]
            [SessionExpiry(Days = 7)]
            public partial class UsdcApprovals { }
            """).EmitAndLoad();
        var usdc = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        var spender = Address.Parse("0x2222222222222222222222222222222222222222");
        var sessionKey = Address.Parse("0x1111111111111111111111111111111111111111");
        var now = new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
        var trading = (Session)Method(assembly.GetType("Demo.UsdcTrading")!, "CreateSession", 5).Invoke(null, [usdc, sessionKey, now, default(Bytes32), null])!;
        var approvals = (Session)Method(assembly.GetType("Demo.UsdcApprovals")!, "CreateSession", 6).Invoke(null, [usdc, spender, sessionKey, now, default(Bytes32), null])!;
        var again = (Session)Method(assembly.GetType("Demo.UsdcTrading")!, "CreateSession", 5).Invoke(null, [usdc, sessionKey, now, default(Bytes32), null])!;

        Assert.NotEqual(trading.PermissionId, approvals.PermissionId);
        Assert.Equal(trading.PermissionId, again.PermissionId); // the same content, the same id: creating it twice is idempotent
    }

    [Fact]
    public void Session_calls_build_the_same_calls_as_the_binding()
    {
        var assembly = Run(Treasury).EmitAndLoad();
        var usdc = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
        var vault = Address.Parse("0x2222222222222222222222222222222222222222");
        var recipient = Address.Parse("0x3333333333333333333333333333333333333333");
        var calls = Method(assembly.GetType("Demo.Treasury")!, "Calls", 3).Invoke(null, [usdc, vault, recipient])!;
        var callsType = calls.GetType();
        Assert.Equal(["Approve", "Deposit", "ValueTransfer"], callsType.GetMethods().Where(m => m.DeclaringType == callsType).Select(m => m.Name).Order());

        var approve = (Call)callsType.GetMethod("Approve")!.Invoke(calls, [recipient, new BigInteger(5)])!;
        var expected = (Call)Method(assembly.GetType("Demo.Usdc")!, "Approve", 3).Invoke(null, [usdc, recipient, new BigInteger(5)])!;
        Assert.Equal(usdc, approve.Target);
        Assert.Equal(expected.Data.ToArray(), approve.Data.ToArray());
        Assert.Equal(Selector.FromSignature("approve(address,uint256)"), approve.Selector);

        var deposit = (Call)callsType.GetMethod("Deposit")!.Invoke(calls, [new BigInteger(7), recipient, new BigInteger(0)])!;
        Assert.Equal(vault, deposit.Target);
        Assert.Equal(Selector.FromSignature("deposit(uint256,address)"), deposit.Selector);

        var transfer = (Call)callsType.GetMethod("ValueTransfer")!.Invoke(calls, [new BigInteger(42)])!;
        Assert.Equal((recipient, new BigInteger(42), 0), (transfer.Target, transfer.Value, transfer.Data.Length));
    }

    private static MethodInfo Method(Type type, string name, int parameters) =>
        type.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters);

    private static Session InvokeWithSpan(MethodInfo method, object[] before, byte[] span, object?[] after)
    {
        var parameters = method.GetParameters().Select(p => System.Linq.Expressions.Expression.Parameter(p.ParameterType.IsByRefLike ? typeof(byte[]) : p.ParameterType)).ToArray();
        var arguments = method.GetParameters().Select((p, i) => p.ParameterType.IsByRefLike
            ? (System.Linq.Expressions.Expression)System.Linq.Expressions.Expression.Convert(parameters[i], p.ParameterType)
            : parameters[i]).ToArray();
        var call = System.Linq.Expressions.Expression.Lambda(System.Linq.Expressions.Expression.Call(method, arguments), parameters).Compile();
        return (Session)call.DynamicInvoke([.. before, span, .. after])!;
    }
}
