using System;
using System.Linq;
using System.Numerics;
using SessionGen.Protocol;
using Xunit;

namespace SessionGen.Tests.Protocol;

/// <summary>Bad input is an exception that names the field and the value; nothing is truncated silently.</summary>
public class ProtocolBadInputTests
{
    private static readonly Address Token = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address Owner1 = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address Owner2 = Address.Parse("0x00000000000000000000000000000000000000b2");

    private static TException Throws<TException>(Func<object> action, string field, string value)
        where TException : ArgumentException
    {
        var ex = Assert.Throws<TException>(() => action());
        Assert.Equal(field, ex.ParamName);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Zero_addresses_are_rejected_where_a_contract_or_key_is_needed()
    {
        Throws<ArgumentException>(() => new PolicyData(Address.Zero, ReadOnlySpan<byte>.Empty), "policy", Address.Zero.ToString());
        Throws<ArgumentException>(() => new ActionData(Address.Zero, new Selector(0xa9059cbb), Policies.Sudo()), "actionTarget", Address.Zero.ToString());
        Throws<ArgumentException>(() => TestSessions.Create(validator: Address.Zero), "sessionValidator", Address.Zero.ToString());
        Throws<ArgumentException>(() => Policies.ERC20SpendingLimit(Address.Zero, 1), "limits", "zero address");
        Throws<ArgumentException>(() => SessionValidatorInitData.SingleKey(Address.Zero), "sessionKey", "zero address");
        Throws<ArgumentException>(() => SessionValidatorInitData.Ownable(1, Owner1, Address.Zero), "owners", "zero address");
    }

    [Fact]
    public void Times_beyond_uint48_or_before_1970_are_rejected()
    {
        Throws<ArgumentOutOfRangeException>(() => Policies.TimeFrame(1UL << 48, 0), "validUntil", "281474976710656");
        Throws<ArgumentOutOfRangeException>(() => Policies.TimeFrame(0, ulong.MaxValue), "validAfter", "18446744073709551615");
        var before1970 = new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero);
        Throws<ArgumentOutOfRangeException>(() => Policies.TimeFrame(DateTimeOffset.UnixEpoch.AddDays(1), before1970), "validAfter", "1969");

        // The legacy layout writes uint128 words, but its policy keeps only 48 bits of each: the same limit applies.
        Throws<ArgumentOutOfRangeException>(() => Policies.TimeFrame(1UL << 48, 0, PolicyAddresses.Legacy), "validUntil", "281474976710656");
    }

    [Fact]
    public void A_time_frame_that_never_opens_is_rejected()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        Throws<ArgumentException>(() => Policies.TimeFrame(now, now), "validUntil", "2026-11-25");
        Throws<ArgumentException>(() => Policies.TimeFrame(now, now.AddDays(1)), "validUntil", "2026-11-26");
    }

    [Fact]
    public void Limits_beyond_their_integer_width_are_rejected()
    {
        var two128 = BigInteger.One << 128;
        var two256 = BigInteger.One << 256;
        Throws<ArgumentOutOfRangeException>(() => Policies.UsageLimit(two128), "limit", two128.ToString());
        Throws<ArgumentOutOfRangeException>(() => Policies.UsageLimit(-1), "limit", "-1");
        Throws<ArgumentOutOfRangeException>(() => Policies.ValueLimit(two256), "limit", two256.ToString());
        Throws<ArgumentOutOfRangeException>(() => Policies.ERC20SpendingLimit(Token, two256), "limits[0].Limit", two256.ToString());
        Throws<ArgumentOutOfRangeException>(() => new UniActionConfig(two256), "valueLimitPerUse", two256.ToString());
        Throws<ArgumentOutOfRangeException>(() => new ParamRule(ParamCondition.Equal, 0, Bytes32.Zero, true, two256), "limit", two256.ToString());
        Throws<ArgumentOutOfRangeException>(() => new ParamRule(ParamCondition.Equal, 0, Bytes32.Zero, true, 1, -5), "used", "-5");
        Throws<ArgumentOutOfRangeException>(() => ParamRule.InRange(0, 0, two128), "max", two128.ToString());
        Throws<ArgumentOutOfRangeException>(() => ParamRule.InRange(0, 10, 9), "min", "10");
        Throws<ArgumentOutOfRangeException>(() => new ParamRule((ParamCondition)7, 0, Bytes32.Zero), "condition", "7");

        // The largest values that fit are accepted.
        Assert.Equal(16, Policies.UsageLimit(two128 - 1).InitData.Length);
        Assert.Equal(32, Policies.ValueLimit(two256 - 1).InitData.Length);
    }

    [Fact]
    public void More_than_16_parameter_rules_are_rejected()
    {
        var rule = ParamRule.Compare(ParamCondition.LessThanOrEqual, 32, 100);
        Assert.Equal(16, new UniActionConfig(0, Enumerable.Repeat(rule, 16)).Rules.Count);
        Throws<ArgumentException>(() => new UniActionConfig(0, Enumerable.Repeat(rule, 17)), "rules", "17");
    }

    [Fact]
    public void A_session_with_no_actions_is_rejected_unless_it_only_signs()
    {
        Throws<ArgumentException>(() => TestSessions.Create(actions: Array.Empty<ActionData>()), "actions", "0 actions");

        // A session for ERC-1271 signing only (no calls) is a legitimate on-chain shape.
        var signer = TestSessions.Create(actions: Array.Empty<ActionData>(), erc7739: new ERC7739Data(Array.Empty<ERC7739Context>(), new[] { Policies.Sudo() }));
        Assert.Empty(signer.Actions);
    }

    [Fact]
    public void An_action_without_policies_is_rejected()
    {
        Throws<ArgumentException>(() => new ActionData(Token, new Selector(0xa9059cbb)), "actionPolicies", "0xa9059cbb");
    }

    [Fact]
    public void Owners_are_sorted_and_duplicates_rejected()
    {
        Assert.Equal(SessionValidatorInitData.Ownable(1, Owner1, Owner2), SessionValidatorInitData.Ownable(1, Owner2, Owner1));
        var data = SessionValidatorInitData.Ownable(2, Owner2, Owner1);
        Assert.Equal(Owner1, new Address(data.AsSpan(96 + 12, 20)));
        Assert.Equal(Owner2, new Address(data.AsSpan(128 + 12, 20)));
        Throws<ArgumentException>(() => SessionValidatorInitData.Ownable(1, Owner1, Owner2, Owner1), "owners", Owner1.ToString());
        Throws<ArgumentException>(() => SessionValidatorInitData.Ownable(1, Array.Empty<Address>()), "owners", "empty");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Threshold_out_of_range_is_rejected(int threshold)
    {
        Throws<ArgumentOutOfRangeException>(() => SessionValidatorInitData.Ownable(threshold, Owner1, Owner2), "threshold", threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Tokens_listed_twice_or_no_tokens_are_rejected()
    {
        Throws<ArgumentException>(() => Policies.ERC20SpendingLimit(new[] { new TokenLimit(Token, 1), new TokenLimit(Token, 2) }), "limits", Token.ToString());
        Throws<ArgumentException>(() => Policies.ERC20SpendingLimit(Array.Empty<TokenLimit>()), "limits", "empty");
    }

    [Fact]
    public void Legacy_encodings_refuse_what_the_legacy_module_cannot_express()
    {
        var paymaster = TestSessions.Create(permitPaymaster: true);
        Throws<ArgumentException>(() => SessionAbi.Encode(paymaster, SmartSessionVersion.Legacy), "session", "permitERC4337Paymaster");
        Throws<ArgumentException>(() => EnableDigest.HashSession(paymaster, Token, 0, deployment: SmartSessionDeployment.Legacy), "session", "permitERC4337Paymaster");

        var separator = Bytes32.Parse("0x" + new string('a', 64));
        var withDomain = TestSessions.Create(erc7739: new ERC7739Data(new[] { new ERC7739Context(separator, new[] { "Permit" }) }, Array.Empty<PolicyData>()));
        Throws<ArgumentException>(() => SmartSessionModule.EncodeEnableSessions(new[] { withDomain }, SmartSessionVersion.Legacy), "erc7739Policies", separator.ToString());

        Throws<ArgumentOutOfRangeException>(() => SmartSessionModule.GetInstallData(new[] { TestSessions.Create() }, SmartSessionVersion.Legacy, SmartSessionMode.UnsafeEnable), "mode", "UnsafeEnable");
    }

    [Fact]
    public void Enable_inputs_out_of_range_are_rejected()
    {
        var session = TestSessions.Create();
        var two256 = BigInteger.One << 256;
        Throws<ArgumentOutOfRangeException>(() => EnableDigest.HashSession(session, Token, two256), "nonce", two256.ToString());
        Throws<ArgumentOutOfRangeException>(() => EnableDigest.HashSession(session, Token, 0, SmartSessionMode.Use), "mode", "Use");
        Throws<ArgumentOutOfRangeException>(() => SmartSessionModule.GetInstallData(new[] { session }, mode: SmartSessionMode.Use), "mode", "Use");
        Throws<ArgumentException>(() => EnableDigest.Compute(Array.Empty<ChainDigest>()), "chains", "empty");
        Throws<ArgumentException>(() => SmartSessionModule.EncodeEnableSessions(Array.Empty<Session>()), "sessions", "empty");
        var digest = new ChainDigest(1, Bytes32.Zero);
        Throws<ArgumentOutOfRangeException>(() => new EnableSession(1, new[] { digest }, session, ReadOnlySpan<byte>.Empty), "chainDigestIndex", "1");
        Throws<ArgumentException>(() => new EnableSession(0, Array.Empty<ChainDigest>(), session, ReadOnlySpan<byte>.Empty), "hashesAndChainIds", "empty");
    }
}
