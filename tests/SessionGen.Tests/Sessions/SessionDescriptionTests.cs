using System;
using System.Numerics;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Tests.Protocol;
using Xunit;
using static SessionGen.Tests.Sessions.GuardTestData;

namespace SessionGen.Tests.Sessions;

/// <summary>
/// <see cref="SessionDescription"/> reads the session value itself (decoded policies); labels only name things. The guard's
/// parameter-rule refusals use the same wording.
/// </summary>
public sealed class SessionDescriptionTests
{
    private static readonly Address Weth = Address.Parse("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
    private static readonly Address Account = Address.Parse("0x7777777777777777777777777777777777777777");

    /// <summary>swap(address recipient, uint256 amountIn, uint256 minOut) on Dex, with rules on all three and a usage limit.</summary>
    private static Session SwapSession(SessionLabels? labels) => new(
        SmartSessionDeployment.Current.OwnableValidator,
        SessionValidatorInitData.Ownable(1, TestSessions.SessionKey),
        default,
        [Policies.TimeFrame(ValidUntil, ValidAfter)],
        ERC7739Data.None,
        [
            new ActionData(Dex, Swap,
                Policies.UniversalAction(new UniActionConfig(0,
                    ParamRule.Compare(ParamCondition.Equal, 0, Account),
                    new ParamRule(ParamCondition.LessThanOrEqual, 32, ParamRule.Compare(ParamCondition.LessThanOrEqual, 32, 50 * Usdc).Reference, isLimited: true, limit: 500 * Usdc),
                    ParamRule.Compare(ParamCondition.GreaterThan, 64, 0))),
                Policies.UsageLimit(3)),
            new ActionData(Token, Transfer, Policies.ERC20SpendingLimit(Token, 100 * Usdc)),
            new ActionData(Bob, ActionId.ValueTransferSelector, Policies.ValueLimit(BigInteger.Pow(10, 17))),
        ])
    {
        Labels = labels,
    };

    private static SessionLabels Labels() => new SessionLabels()
        .Name(Dex, "Dex")
        .Token(Token, "USDC", 6)
        .Account(Account)
        .Function(Dex, Swap, "swap", false, new ParameterLabel(0, "recipient", "address"), new ParameterLabel(32, "amountIn", "uint256"), new ParameterLabel(64, "minOut", "uint256"))
        .Function(Token, Transfer, "transfer", false);

    [Fact]
    public void Without_labels_every_number_still_comes_from_the_policies()
    {
        Assert.Equal(
            "This session lets the app, without asking you again:\n"
            + $"- call function {Swap} on {Dex}; only if parameter at offset 0 = 0x0000000000000000000000007777777777777777777777777777777777777777; "
            + "only if parameter at offset 32 ≤ 50000000, and parameter at offset 32 at most 500000000 in total; only if parameter at offset 64 > 0; sending no ETH; at most 3 times\n"
            + $"- call function {Transfer} on {Token}; at most 100000000 in total\n"
            + $"- send ETH to {Bob}; sending at most 0.1 ETH in total\n"
            + "from 2023-11-14 22:13 UTC until 2027-01-15 08:00 UTC.",
            SessionDescription.Describe(SwapSession(null), PolicyAddresses.Current));
    }

    [Fact]
    public void Labels_name_addresses_and_parameters_and_put_amounts_in_token_units()
    {
        var text = SessionDescription.Describe(SwapSession(Labels()), PolicyAddresses.Current);
        Assert.Equal(
            "This session lets the app, without asking you again:\n"
            + $"- call swap on Dex {Dex}; only if recipient = your account {Account}; "
            + "only if amountIn ≤ 50000000, and amountIn at most 500000000 in total; only if minOut > 0; at most 3 times\n"
            + $"- call transfer on USDC {Token}; at most 100 USDC in total\n"
            + $"- send ETH to {Bob}; sending at most 0.1 ETH in total\n"
            + "from 2023-11-14 22:13 UTC until 2027-01-15 08:00 UTC.",
            text);
    }

    [Fact]
    public void A_pinned_token_gives_the_units_of_its_amount()
    {
        var tokenIn = ParamRule.Compare(ParamCondition.Equal, 0, Token);
        var tokenOut = ParamRule.Compare(ParamCondition.Equal, 32, Weth);
        var amountIn = ParamRule.Compare(ParamCondition.LessThanOrEqual, 64, 50 * Usdc);
        var minOut = ParamRule.Compare(ParamCondition.GreaterThanOrEqual, 96, BigInteger.Pow(10, 16));
        var session = Create([new ActionData(Dex, Swap, Policies.UniversalAction(new UniActionConfig(0, tokenIn, tokenOut, amountIn, minOut)))]);
        var labeled = new Session(session.SessionValidator, session.SessionValidatorInitData.Span, session.Salt, session.UserOpPolicies, session.Erc7739Policies, session.Actions)
        {
            Labels = new SessionLabels().Token(Token, "USDC", 6).Token(Weth, "WETH", 18)
                .Function(Dex, Swap, "swap", true, new ParameterLabel(0, "p.tokenIn", "address"), new ParameterLabel(32, "p.tokenOut", "address"),
                    new ParameterLabel(64, "p.amountIn", "uint256"), new ParameterLabel(96, "p.amountOutMinimum", "uint256")),
        };

        Assert.Contains(
            $"only if p.tokenIn = USDC {Token}; only if p.tokenOut = WETH {Weth}; only if p.amountIn ≤ 50 USDC; only if p.amountOutMinimum ≥ 0.01 WETH; sending no ETH",
            SessionDescription.Describe(labeled, PolicyAddresses.Current));
    }

    [Fact]
    public void The_guard_names_the_parameter_and_prints_values_in_their_type()
    {
        var guard = new SessionGuard(SwapSession(Labels()), PolicyAddresses.Current);
        var wrongRecipient = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Bob, 1, 1)], Now));
        Assert.Contains($"its recipient (address) is {Bob}, but the session requires recipient = your account {Account} (rule 0 of UniActionPolicy {PolicyAddresses.Current.UniversalAction})", wrongRecipient.Message);

        var tooMuch = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Account, 51 * Usdc, 1)], Now));
        Assert.Contains("its amountIn (uint256) is 51000000, but the session requires amountIn ≤ 50000000 (rule 1", tooMuch.Message);
    }

    [Theory]
    [InlineData("int24", "0x0000000000000000000000000000000000000000000000000000000000fffff6", "-10")]
    [InlineData("bool", "0x0000000000000000000000000000000000000000000000000000000000000001", "true")]
    [InlineData("bytes4", "0xa9059cbb00000000000000000000000000000000000000000000000000000000", "0xa9059cbb")]
    [InlineData("address", "0x0000000000000000000000007777777777777777777777777777777777777777", "your account 0x7777777777777777777777777777777777777777")]
    [InlineData("address", "0x0000000000000000000001007777777777777777777777777777777777777777", "0x0000000000000000000001007777777777777777777777777777777777777777 (not a valid address)")]
    [InlineData("uint8", "0x00000000000000000000000000000000000000000000000000000000000000ff", "255")]
    public void Words_read_in_their_abi_type(string abiType, string word, string expected) =>
        Assert.Equal(expected, SessionWording.Word(SessionPolicyDecoder.Word(Bytes32.Parse(word).ToArray(), 0), abiType, new SessionLabels().Account(Account)));

    [Fact]
    public void The_content_salt_tells_different_sessions_apart_and_keeps_the_labels()
    {
        var trading = OneClickTrading();
        var larger = OneClickTrading(200 * Usdc);
        Assert.Equal(trading.PermissionId, larger.PermissionId); // the same key and salt: on chain the second would merge into the first

        var a = SessionSalt.WithContentSalt(trading);
        var b = SessionSalt.WithContentSalt(larger);
        Assert.NotEqual(a.PermissionId, b.PermissionId);
        Assert.Equal(a.PermissionId, SessionSalt.WithContentSalt(OneClickTrading()).PermissionId);
        Assert.Equal(SessionSalt.FromContent(trading), SessionSalt.FromContent(a)); // the salt in place does not count

        var labels = Labels();
        Assert.Same(labels, SessionSalt.WithContentSalt(SwapSession(labels)).Labels);
    }
}
