using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using SessionGen.Protocol;
using SessionGen.Sessions;
using Xunit;
using static SessionGen.Generators.Tests.Sessions.SessionGeneratorTests;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>
/// The DEX-bot session of issue #14: Uniswap V3 exactInputSingle with rules on tokenIn/tokenOut/amountIn and the recipient
/// bound to the account, plus approve on USDC bound to the router: what CreateSession builds, what Describe says, and how the
/// guard words a refusal.
/// </summary>
public sealed class DexBotSessionTests
{
    internal const string DexBot = """
        using SessionGen;
        namespace Demo.Dex;

        [ContractAbi("abis/ERC20.json")]
        [TokenDisplay("USDC", 6)]
        public partial class Usdc { }

        [ContractAbi("abis/Router.json")]
        public partial class SwapRouter { }

        [SessionAction("exactInputSingle", Contract = typeof(SwapRouter))]
        [ParamRule("exactInputSingle", "params.tokenIn", ParamCondition.Equal, Bind = "usdc", Contract = typeof(SwapRouter))]
        [ParamRule("exactInputSingle", "params.tokenOut", ParamCondition.Equal, Bind = "weth", Contract = typeof(SwapRouter))]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "50e6", CumulativeLimit = "500e6", Contract = typeof(SwapRouter))]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account", Contract = typeof(SwapRouter))]
        [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "500e6")]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "swapRouter", Contract = typeof(Usdc))]
        [SessionExpiry(Days = 7)]
        public partial class DexBot { }
        """;

    private static readonly Address Router = Address.Parse("0xE592427A0AEce92De3Edee1F18E0157C05861564");
    private static readonly Address Usdc = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    private static readonly Address Weth = Address.Parse("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
    private static readonly Address Account = Address.Parse("0x7777777777777777777777777777777777777777");
    private static readonly Address Other = Address.Parse("0x9999999999999999999999999999999999999999");
    private static readonly Address SessionKey = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static (Type Bot, Assembly Assembly, Session Session) Create()
    {
        var assembly = Run(DexBot).EmitAndLoad();
        var bot = assembly.GetType("Demo.Dex.DexBot")!;
        var create = bot.GetMethods().Single(m => m.Name == "CreateSession" && m.GetParameters().Any(p => p.Name == "deployment"));
        Assert.Equal(["swapRouter", "usdc", "weth", "account", "sessionKey", "now", "salt", "deployment"], create.GetParameters().Select(p => p.Name));
        return (bot, assembly, (Session)create.Invoke(null, [Router, Usdc, Weth, Account, SessionKey, Now, default(Bytes32), null])!);
    }

    [Fact]
    public void Bound_values_become_the_rules_references()
    {
        var (_, _, session) = Create();
        var policies = SmartSessionDeployment.Current.Policies;
        var swap = session.Actions.Single(a => a.ActionTarget == Router);
        var uni = (UniActionPolicy)SessionPolicyDecoder.Decode(swap.ActionPolicies.Single(), policies);
        Assert.Equal(BigInteger.Zero, uni.Config.ValueLimitPerUse); // payable, no ValueLimit: no ETH per call
        Assert.Equal(
            [ParamRule.Compare(ParamCondition.Equal, 0, Usdc), ParamRule.Compare(ParamCondition.Equal, 32, Weth),
             new ParamRule(ParamCondition.LessThanOrEqual, 128, ParamRule.Compare(ParamCondition.LessThanOrEqual, 128, 50_000_000).Reference, isLimited: true, limit: 500_000_000),
             ParamRule.Compare(ParamCondition.Equal, 96, Account)],
            uni.Config.Rules);

        var approve = session.Actions.Single(a => a.ActionTarget == Usdc);
        Assert.Equal([Policies.ERC20SpendingLimit(Usdc, 500_000_000, policies), Policies.UniversalAction(new UniActionConfig(0, ParamRule.Compare(ParamCondition.Equal, 0, Router)), policies)],
            approve.ActionPolicies);
    }

    [Fact]
    public void Describe_reads_the_signed_session_with_names_and_token_units()
    {
        var (bot, _, session) = Create();
        var text = (string)bot.GetMethod("Describe")!.Invoke(null, [session, null])!;
        Assert.Equal(
            "This session lets the app, without asking you again:\n"
            + "- call exactInputSingle on SwapRouter 0xE592427A0AEce92De3Edee1F18E0157C05861564; only if params.tokenIn = USDC 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48; "
            + "only if params.tokenOut = weth 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2; only if params.amountIn ≤ 50 USDC, and params.amountIn at most 500 USDC in total; "
            + "only if params.recipient = your account 0x7777777777777777777777777777777777777777; sending no ETH\n"
            + "- call approve on USDC 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48; at most 500 USDC in total; only if spender = SwapRouter 0xE592427A0AEce92De3Edee1F18E0157C05861564\n"
            + "from 2026-11-25 14:00 UTC until 2026-12-02 14:00 UTC.",
            text);

        // The same words from the session value alone: Describe decodes the policies, the labels only name things.
        Assert.Equal(text, SessionDescription.Describe(session, SmartSessionDeployment.Current.Policies));
    }

    [Fact]
    public void The_guard_refuses_another_recipient_naming_the_parameter_and_the_account()
    {
        var (_, assembly, session) = Create();
        var router = assembly.GetType("Demo.Dex.SwapRouter")!;
        var paramsType = router.GetNestedTypes().Single(t => t.Name.StartsWith("ExactInputSingle", StringComparison.Ordinal));
        Call Swap(Address recipient)
        {
            var arguments = new object[] { Usdc, Weth, 3000u, recipient, new BigInteger(10_000_000), BigInteger.Zero, BigInteger.Zero };
            var ctor = paramsType.GetConstructors().Single();
            var values = ctor.GetParameters().Select((p, i) => p.ParameterType == typeof(uint) || p.ParameterType == typeof(BigInteger) || p.ParameterType == typeof(Address)
                ? Convert(arguments[i], p.ParameterType) : arguments[i]).ToArray();
            var tuple = ctor.Invoke(values);
            var build = router.GetMethods().Single(m => m.Name == "ExactInputSingle" && m.GetParameters().Length == 3);
            return (Call)build.Invoke(null, [Router, tuple, BigInteger.Zero])!;
        }

        var guard = new SessionGuard(session, SmartSessionDeployment.Current.Policies);
        using (guard.Reserve([Swap(Account)], Now.AddMinutes(1)))
        {
            // to the account: within the session
        }

        var refusal = Assert.Throws<SessionScopeException>(() => guard.Reserve([Swap(Other)], Now.AddMinutes(1)));
        Assert.Equal(SessionRule.ParamRuleViolated, refusal.Rule);
        Assert.Equal(
            $"Call 0 is outside session {session.PermissionId}: its params.recipient (address) is 0x9999999999999999999999999999999999999999, "
            + "but the session requires params.recipient = your account 0x7777777777777777777777777777777777777777 "
            + $"(rule 3 of UniActionPolicy {SmartSessionDeployment.Current.Policies.UniversalAction}). Nothing was signed or sent.",
            refusal.Message);
    }

    private static object Convert(object value, Type type) => type == typeof(BigInteger) && value is uint u ? new BigInteger(u) : value;
}
