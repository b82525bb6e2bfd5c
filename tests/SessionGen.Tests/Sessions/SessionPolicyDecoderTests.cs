using System;
using System.Linq;
using System.Numerics;
using CsCheck;
using SessionGen.Protocol;
using SessionGen.Sessions;
using Xunit;

namespace SessionGen.Tests.Sessions;

public sealed class SessionPolicyDecoderTests
{
    private static readonly Gen<BigInteger> UInt256 = Gen.Byte.Array[32].Select(bytes => new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
    private static readonly Gen<BigInteger> UInt128 = Gen.Byte.Array[16].Select(bytes => new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
    private static readonly Gen<Address> NonZeroAddress = Gen.Byte.Array[20].Where(bytes => bytes.Any(b => b != 0)).Select(bytes => new Address(bytes));
    private static readonly Gen<PolicyAddresses> Deployment = Gen.Bool.Select(legacy => legacy ? PolicyAddresses.Legacy : PolicyAddresses.Current);

    private static readonly Gen<ParamRule> Rule =
        Gen.Select(Gen.Int[0, 6], Gen.ULong, Gen.Byte.Array[32], Gen.Bool, UInt256, UInt256)
            .Select((condition, offset, reference, limited, limit, used) => new ParamRule((ParamCondition)condition, offset, new Bytes32(reference), limited, limit, used));

    [Fact]
    public void Time_frames_round_trip_in_both_layouts()
    {
        Gen.Select(Gen.ULong[0, Policies.MaxUInt48], Gen.ULong[0, Policies.MaxUInt48], Deployment).Sample((until, after, at) =>
            Assert.Equal(new TimeFramePolicy(at.TimeFrame, until, after), SessionPolicyDecoder.Decode(Policies.TimeFrame(until, after, at), at)));
    }

    [Fact]
    public void Usage_and_value_limits_and_sudo_round_trip()
    {
        Gen.Select(UInt128, UInt256, Deployment).Sample((uses, wei, at) =>
        {
            Assert.Equal(new UsageLimitPolicy(at.UsageLimit, uses), SessionPolicyDecoder.Decode(Policies.UsageLimit(uses, at), at));
            Assert.Equal(new ValueLimitPolicy(at.ValueLimit, wei), SessionPolicyDecoder.Decode(Policies.ValueLimit(wei, at), at));
            Assert.Equal(new SudoPolicy(at.Sudo), SessionPolicyDecoder.Decode(Policies.Sudo(at), at));
        });
    }

    [Fact]
    public void Spending_limits_of_several_tokens_round_trip()
    {
        var limits = Gen.Select(NonZeroAddress, UInt256.Where(l => !l.IsZero), (token, limit) => new TokenLimit(token, limit))
            .Array[1, 6]
            .Where(list => list.Select(l => l.Token).Distinct().Count() == list.Length);
        Gen.Select(limits, Deployment).Sample((list, at) =>
            Assert.Equal(new ERC20SpendingLimitPolicy(at.ERC20SpendingLimit, list), SessionPolicyDecoder.Decode(Policies.ERC20SpendingLimit(list, at), at)));
    }

    [Fact]
    public void Universal_action_configs_round_trip()
    {
        Gen.Select(UInt256, Rule.Array[0, UniActionConfig.MaxRules], Deployment).Sample((value, rules, at) =>
        {
            var config = new UniActionConfig(value, rules);
            var decoded = Assert.IsType<UniActionPolicy>(SessionPolicyDecoder.Decode(Policies.UniversalAction(config, at), at));
            Assert.Equal(config, decoded.Config);
            Assert.Equal(at.UniversalAction, decoded.Policy);
        });
    }

    [Fact]
    public void Sessions_built_with_the_builders_decode_into_the_guard_and_enforce_their_limits()
    {
        Gen.Select(Gen.ULong[2, 1_000_000_000], Gen.ULong[1, 1000], NonZeroAddress, Deployment).Sample((limit, parts, token, at) =>
        {
            var session = GuardTestData.Create([new ActionData(token, GuardTestData.Transfer, Policies.ERC20SpendingLimit(token, limit, at))], at);
            var guard = new SessionGuard(session, at);
            var amount = Math.Max(1, limit / parts);
            var granted = 0UL;
            while (true)
            {
                try
                {
                    guard.Reserve([GuardTestData.TokenCall(token, GuardTestData.Transfer, amount)], GuardTestData.Now).Commit();
                    granted++;
                }
                catch (SessionScopeException refused) when (refused.Rule == SessionRule.SpendingLimitExceeded)
                {
                    break;
                }
            }

            Assert.Equal(limit / amount, granted);
            Assert.Equal(new TimeFramePolicy(at.TimeFrame, 1_800_000_000, 1_700_000_000), Assert.Single(guard.UserOpPolicies));
        }, iter: 40);
    }

    [Fact]
    public void An_unknown_address_is_an_unchecked_policy()
    {
        var data = new PolicyData(Address.Parse("0x00000000000000000000000000000000c0ffee00"), [0xAB]);

        var decoded = Assert.IsType<UncheckedPolicy>(SessionPolicyDecoder.Decode(data, PolicyAddresses.Current));

        Assert.False(decoded.IsCheckedLocally);
        Assert.True(new SudoPolicy(PolicyAddresses.Current.Sudo).IsCheckedLocally);
    }

    [Theory]
    [InlineData("TimeFrame", 11, "init data is 11 bytes; it needs at least 12")]
    [InlineData("UsageLimit", 15, "init data is 15 bytes; it needs at least 16")]
    [InlineData("ValueLimit", 31, "init data is 31 bytes; it needs at least 32")]
    [InlineData("ERC20SpendingLimit", 63, "init data is 63 bytes; it needs at least 64")]
    [InlineData("UniversalAction", 100, "it needs at least 3136")]
    public void Truncated_init_data_is_refused_naming_the_policy(string kind, int length, string expected)
    {
        var at = PolicyAddresses.Current;
        var address = (Address)typeof(PolicyAddresses).GetProperty(kind)!.GetValue(at)!;

        var error = Assert.Throws<ArgumentException>(() => SessionPolicyDecoder.Decode(new PolicyData(address, new byte[length]), at));

        Assert.Contains(address.ToString(), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Malformed_spending_limits_and_rules_are_refused_saying_which_field()
    {
        var at = PolicyAddresses.Current;
        var spending = Policies.ERC20SpendingLimit(GuardTestData.Token, 5).InitData.ToArray();
        var zeroLimit = (byte[])spending.Clone();
        zeroLimit[^1] = 0;
        var dirtyToken = (byte[])spending.Clone();
        dirtyToken[(3 * 32) + 1] = 1;
        var longTokens = (byte[])spending.Clone();
        longTokens[(2 * 32) + 31] = 9;
        var uni = Policies.UniversalAction(new UniActionConfig(0, ParamRule.Compare(ParamCondition.Equal, 0, 1))).InitData.ToArray();
        var badCondition = (byte[])uni.Clone();
        badCondition[(3 * 32) - 1] = 7;
        var tooManyRules = (byte[])uni.Clone();
        tooManyRules[(2 * 32) - 1] = 17;

        Assert.Contains("limits[0] of token", Decode(at.ERC20SpendingLimit, zeroLimit));
        Assert.Contains("tokens[0] is not an address", Decode(at.ERC20SpendingLimit, dirtyToken));
        Assert.Contains("tokens claims 9 elements", Decode(at.ERC20SpendingLimit, longTokens));
        Assert.Contains("rules[0].condition is 7", Decode(at.UniversalAction, badCondition));
        Assert.Contains("paramRules.length is 17", Decode(at.UniversalAction, tooManyRules));

        string Decode(Address policy, byte[] data) =>
            Assert.Throws<ArgumentException>(() => SessionPolicyDecoder.Decode(new PolicyData(policy, data), at)).Message;
    }
}
