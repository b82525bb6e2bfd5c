using System;
using System.Numerics;
using SessionGen.Protocol;
using Xunit;

namespace SessionGen.Tests.Protocol;

/// <summary>Value semantics of the model and known answers of the typed builders.</summary>
public class ProtocolModelTests
{
    [Fact]
    public void Sessions_with_the_same_fields_are_equal()
    {
        var a = TestSessions.Create();
        var b = TestSessions.Create();
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a.PermissionId, b.PermissionId);

        var otherSalt = TestSessions.Create(salt: Bytes32.Parse("0x" + new string('0', 63) + "1"));
        Assert.NotEqual(a, otherSalt);
        Assert.NotEqual(a.PermissionId, otherSalt.PermissionId);

        // Same signer and salt (same permission id) but a different limit: a different session.
        var otherLimit = TestSessions.Create(actions: new[] { new ActionData(TestSessions.Usdc, TestSessions.Transfer, Policies.ERC20SpendingLimit(TestSessions.Usdc, 1)) });
        Assert.NotEqual(a, otherLimit);
        Assert.Equal(a.PermissionId, otherLimit.PermissionId);
        Assert.NotEqual(EnableDigest.HashSession(a, TestSessions.SessionKey, 0), EnableDigest.HashSession(otherLimit, TestSessions.SessionKey, 0));
    }

    [Fact]
    public void The_model_copies_its_inputs()
    {
        var initData = new byte[] { 1, 2, 3 };
        var policy = new PolicyData(TestSessions.Usdc, initData);
        initData[0] = 9;
        Assert.Equal(new byte[] { 1, 2, 3 }, policy.InitData.ToArray());

        var policies = new[] { Policies.Sudo() };
        var action = new ActionData(TestSessions.Usdc, TestSessions.Transfer, policies);
        policies[0] = Policies.ValueLimit(1);
        Assert.Equal(Policies.Sudo(), action.ActionPolicies[0]);
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<PolicyData>)action.ActionPolicies)[0] = Policies.Sudo());
    }

    [Fact]
    public void Time_frame_packs_two_uint48_in_12_bytes_or_two_uint128_for_the_legacy_policy()
    {
        var after = DateTimeOffset.FromUnixTimeSeconds(0x0102030405).AddMilliseconds(999);
        var until = DateTimeOffset.FromUnixTimeSeconds(0x3A0B0C0D0E);
        var current = Policies.TimeFrame(until, after);
        Assert.Equal(PolicyAddresses.Current.TimeFrame, current.Policy);
        Assert.Equal("0x003a0b0c0d0e000102030405", Hex.Encode(current.InitData.Span));

        var legacy = Policies.TimeFrame(until, after, PolicyAddresses.Legacy);
        Assert.Equal(PolicyAddresses.Legacy.TimeFrame, legacy.Policy);
        Assert.Equal("0x0000000000000000" + "0000003a0b0c0d0e" + "0000000000000000" + "0000000102030405", Hex.Encode(legacy.InitData.Span));
    }

    [Fact]
    public void Usage_limit_is_16_bytes_and_value_limit_one_word()
    {
        Assert.Equal("0x000000000000000000000000000003e8", Hex.Encode(Policies.UsageLimit(1000).InitData.Span));
        Assert.Equal("0x" + new string('0', 61) + "3e8", Hex.Encode(Policies.ValueLimit(1000).InitData.Span));
        Assert.Empty(Policies.Sudo().InitData.ToArray());
    }

    [Fact]
    public void Param_rule_helpers_fill_the_reference_word()
    {
        var range = ParamRule.InRange(36, 5, 7);
        Assert.Equal(ParamCondition.InRange, range.Condition);
        Assert.Equal("0x" + new string('0', 31) + "5" + new string('0', 31) + "7", range.Reference.ToString());

        var cumulative = ParamRule.CumulativeLimit(32, 100_000_000);
        Assert.True(cumulative.IsLimited);
        Assert.Equal(ParamCondition.LessThanOrEqual, cumulative.Condition);
        Assert.Equal(new BigInteger(100_000_000), cumulative.Limit);
        Assert.Equal(BigInteger.Zero, cumulative.Used);

        var recipient = ParamRule.EqualTo(0, TestSessions.SessionKey);
        Assert.Equal("0x000000000000000000000000" + TestSessions.SessionKey.ToLowerHex()[2..], recipient.Reference.ToString());

        var policy = Policies.UniversalAction(new UniActionConfig(0, range, cumulative, recipient));
        Assert.Equal(98 * 32, policy.InitData.Length);
        var words = policy.InitData.Span;
        Assert.Equal(3, words[63]);                                      // ParamRules.length
        Assert.Equal((byte)ParamCondition.InRange, words[95]);          // rules[0].condition
        Assert.Equal(36, words[127]);                                   // rules[0].offset
        Assert.True(words[(64 + (3 * 192))..].IndexOfAnyExcept((byte)0) < 0); // rules[3..15] are zero
    }

    [Fact]
    public void Derived_flags_follow_the_fallback_actions()
    {
        var plain = TestSessions.Create();
        Assert.False(plain.PermitsGenericPolicy);
        Assert.False(plain.PermitsAdminAccess);

        var fallback = TestSessions.Create(actions: new[] { new ActionData(ActionId.FallbackTarget, ActionId.FallbackSelector, Policies.Sudo()) });
        Assert.True(fallback.PermitsGenericPolicy);
        Assert.False(fallback.PermitsAdminAccess);

        var admin = TestSessions.Create(actions: new[] { new ActionData(ActionId.FallbackTarget, ActionId.AdminFallbackSelector, Policies.Sudo()) });
        Assert.False(admin.PermitsGenericPolicy);
        Assert.True(admin.PermitsAdminAccess);

        // The flags are signed: the digest changes with them, and with UNSAFE_ENABLE (ignoreSecurityAttestations).
        var account = TestSessions.Usdc;
        Assert.NotEqual(EnableDigest.HashSession(plain, account, 0), EnableDigest.HashSession(plain, account, 0, SmartSessionMode.UnsafeEnable));
    }

    [Fact]
    public void Legacy_content_names_round_trip_through_a_context_without_domain()
    {
        var data = ERC7739Data.ForLegacy(new[] { "Permit", "Mail" }, Array.Empty<PolicyData>());
        var context = Assert.Single(data.AllowedERC7739Content);
        Assert.Equal(Bytes32.Zero, context.AppDomainSeparator);
        Assert.Equal(new[] { "Permit", "Mail" }, context.ContentNames);
        Assert.Empty(ERC7739Data.None.AllowedERC7739Content);
        Assert.Empty(ERC7739Data.ForLegacy(Array.Empty<string>(), Array.Empty<PolicyData>()).AllowedERC7739Content);
    }
}
