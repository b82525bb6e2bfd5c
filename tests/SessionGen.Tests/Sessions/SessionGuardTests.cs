using System;
using System.Linq;
using System.Numerics;
using SessionGen.Protocol;
using SessionGen.Sessions;
using Xunit;
using static SessionGen.Tests.Sessions.GuardTestData;

namespace SessionGen.Tests.Sessions;

public sealed class SessionGuardTests
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public void A_transfer_within_the_limit_is_reserved_then_committed()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);

        using (var reservation = guard.Reserve([TokenCall(Token, Transfer, 40 * Usdc)], Now))
        {
            var held = Assert.Single(guard.Limits);
            Assert.Equal((BigInteger.Zero, 40 * Usdc), (held.Spent, held.Reserved));
            reservation.Commit();
            Assert.True(reservation.IsCommitted);
        }

        var limit = Assert.Single(guard.Limits);
        Assert.Equal(SessionRule.SpendingLimitExceeded, limit.Rule);
        Assert.Equal(Token, limit.Token);
        Assert.Equal((40 * Usdc, BigInteger.Zero, 100 * Usdc), (limit.Spent, limit.Reserved, limit.Limit));
        Assert.True(guard.ChecksEveryPolicy);
    }

    [Fact]
    public void A_transfer_over_the_limit_is_refused_with_the_amounts_and_a_plain_reason()
    {
        var session = OneClickTrading();
        var guard = new SessionGuard(session, PolicyAddresses.Current);

        var refused = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, (100 * Usdc) + 1)], Now));

        Assert.Equal(SessionRule.SpendingLimitExceeded, refused.Rule);
        Assert.Equal(0, refused.CallIndex);
        Assert.Equal(session.PermissionId, refused.PermissionId);
        Assert.Equal(PolicyAddresses.Current.ERC20SpendingLimit, refused.Policy);
        Assert.Equal(Token, refused.Token);
        Assert.Equal(100 * Usdc, refused.Limit);
        Assert.Equal(BigInteger.Zero, refused.AlreadySpent);
        Assert.Equal((100 * Usdc) + 1, refused.Requested);
        Assert.Equal(
            $"Call 0 is outside session {session.PermissionId}: transfer of 100000001 (smallest units) of token {Token} would bring the session's total to 100000001, over its limit of 100000000. Nothing was signed or sent.",
            refused.Message);
        Assert.Equal(BigInteger.Zero, Assert.Single(guard.Limits).Reserved);
    }

    [Fact]
    public void The_limit_is_cumulative_across_reservations_released_on_dispose_and_kept_on_commit()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);
        var first = guard.Reserve([TokenCall(Token, Transfer, 60 * Usdc)], Now);

        var refused = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 50 * Usdc)], Now));
        Assert.Equal(60 * Usdc, refused.AlreadySpent);
        Assert.Contains("would bring the session's total to 110000000", refused.Message);

        first.Dispose();
        using (var second = guard.Reserve([TokenCall(Token, Transfer, 50 * Usdc)], Now))
        {
            second.Commit();
        }

        guard.Reserve([TokenCall(Token, Transfer, 50 * Usdc)], Now).Commit();
        var exhausted = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 1)], Now));
        Assert.Equal(100 * Usdc, exhausted.AlreadySpent);
        Assert.Equal(100 * Usdc, Assert.Single(guard.Limits).Spent);
    }

    [Fact]
    public void A_batch_is_checked_cumulatively_and_holds_nothing_when_refused()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);

        var refused = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 60 * Usdc), TokenCall(Token, Transfer, 50 * Usdc)], Now));

        Assert.Equal(1, refused.CallIndex);
        Assert.Equal(60 * Usdc, refused.AlreadySpent);
        Assert.Equal(50 * Usdc, refused.Requested);
        Assert.StartsWith("Call 1 is outside session", refused.Message);
        Assert.Equal(BigInteger.Zero, Assert.Single(guard.Limits).Reserved);
        using var batch = guard.Reserve([TokenCall(Token, Transfer, 60 * Usdc), TokenCall(Token, Transfer, 40 * Usdc)], Now);
        Assert.Equal(100 * Usdc, Assert.Single(guard.Limits).Reserved);
    }

    [Fact]
    public void Commit_after_release_is_refused_and_dispose_after_commit_keeps_the_spend()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);
        var released = guard.Reserve([TokenCall(Token, Transfer, 10 * Usdc)], Now);
        released.Dispose();
        released.Dispose();
        Assert.Throws<ObjectDisposedException>(released.Commit);

        var committed = guard.Reserve([TokenCall(Token, Transfer, 10 * Usdc)], Now);
        committed.Commit();
        committed.Commit();
        committed.Dispose();
        Assert.Equal((10 * Usdc, BigInteger.Zero), (Assert.Single(guard.Limits).Spent, guard.Limits[0].Reserved));
    }

    [Fact]
    public void Already_spent_amounts_can_be_restored()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);
        guard.SetSpent(guard.Limits.Single(l => l.Token == Token), 90 * Usdc);

        var refused = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 20 * Usdc)], Now));

        Assert.Equal(90 * Usdc, refused.AlreadySpent);
        guard.Reserve([TokenCall(Token, Transfer, 10 * Usdc)], Now).Commit();
        Assert.Throws<ArgumentOutOfRangeException>(() => guard.SetSpent(guard.Limits[0], -1));
        var foreign = new SessionGuard(OneClickTrading(), PolicyAddresses.Current).Limits[0] with { Policy = Dex };
        Assert.Throws<ArgumentException>(() => guard.SetSpent(foreign, 0));
    }

    [Fact]
    public void A_call_to_another_target_or_function_is_not_permitted()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);

        var otherToken = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(OtherToken, Transfer, 1)], Now));
        var approve = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 1), TokenCall(Token, Approve, 1)], Now));

        Assert.Equal(SessionRule.ActionNotPermitted, otherToken.Rule);
        Assert.Contains($"no action for target {OtherToken} and selector {Transfer}", otherToken.Message);
        Assert.Equal(SessionRule.ActionNotPermitted, approve.Rule);
        Assert.Equal(1, approve.CallIndex);
        Assert.Null(approve.Policy);
    }

    [Fact]
    public void Value_transfers_use_the_value_selector_and_short_calldata_is_refused()
    {
        var session = Create([new ActionData(Bob, ActionId.ValueTransferSelector, Policies.ValueLimit(Ether))]);
        var guard = new SessionGuard(session, PolicyAddresses.Current);

        guard.Reserve([new Call(Bob, Ether / 2, ReadOnlyMemory<byte>.Empty)], Now).Commit();
        var over = Assert.Throws<SessionScopeException>(() => guard.Reserve([new Call(Bob, Ether, ReadOnlyMemory<byte>.Empty)], Now));
        var shortData = Assert.Throws<SessionScopeException>(() => guard.Reserve([new Call(Bob, 1, new byte[] { 1, 2, 3 })], Now));

        Assert.Equal(SessionRule.ValueLimitExceeded, over.Rule);
        Assert.Equal((Ether, Ether / 2, Ether), (over.Limit!.Value, over.AlreadySpent!.Value, over.Requested!.Value));
        Assert.Contains("over its limit of 1000000000000000000 wei", over.Message);
        Assert.Equal(SessionRule.MalformedCallData, shortData.Rule);
        Assert.Contains("3 bytes", shortData.Message);
    }

    [Fact]
    public void Expired_and_not_yet_valid_sessions_are_refused_with_their_times()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);
        Call[] calls = [TokenCall(Token, Transfer, 1)];

        var expired = Assert.Throws<SessionScopeException>(() => guard.Reserve(calls, ValidUntil));
        var early = Assert.Throws<SessionScopeException>(() => guard.Reserve(calls, ValidAfter.AddSeconds(-1)));
        guard.Reserve(calls, ValidAfter).Dispose();
        guard.Reserve(calls, ValidUntil.AddSeconds(-1)).Dispose();

        Assert.Equal(SessionRule.Expired, expired.Rule);
        Assert.Null(expired.CallIndex);
        Assert.Equal(PolicyAddresses.Current.TimeFrame, expired.Policy);
        Assert.Contains("expired at 2027-01-15 08:00:00Z (1800000000)", expired.Message);
        Assert.StartsWith("The operation is outside session", expired.Message);
        Assert.Equal(SessionRule.NotYetValid, early.Rule);
        Assert.Contains("valid only from 2023-11-14 22:13:20Z (1700000000)", early.Message);
    }

    [Theory]
    [InlineData(TimeFrameLayout.PackedUInt48)]
    [InlineData(TimeFrameLayout.PackedUInt128)]
    public void Both_time_frame_layouts_are_enforced_and_zero_bounds_are_open(TimeFrameLayout layout)
    {
        var at = PolicyAddresses.Current with { TimeFrameLayout = layout };
        var framed = new SessionGuard(OneClickTrading(at: at), at);
        var open = new SessionGuard(Create([new ActionData(Token, Transfer, Policies.TimeFrame(0UL, 0UL, at), Policies.Sudo(at))], at, []), at);

        Assert.Equal(SessionRule.Expired, Assert.Throws<SessionScopeException>(() => framed.Reserve([TokenCall(Token, Transfer, 1)], ValidUntil.AddYears(1))).Rule);
        Assert.Equal(SessionRule.NotYetValid, Assert.Throws<SessionScopeException>(() => framed.Reserve([TokenCall(Token, Transfer, 1)], ValidAfter.AddYears(-1))).Rule);
        open.Reserve([TokenCall(Token, Transfer, 1)], DateTimeOffset.FromUnixTimeSeconds(0)).Dispose();
        open.Reserve([TokenCall(Token, Transfer, 1)], DateTimeOffset.FromUnixTimeSeconds(250_000_000_000)).Dispose();
    }

    [Fact]
    public void An_action_time_frame_names_the_call()
    {
        var guard = new SessionGuard(Create([new ActionData(Token, Transfer, Policies.TimeFrame(ValidUntil, ValidAfter), Policies.Sudo())], userOpPolicies: []), PolicyAddresses.Current);

        var expired = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 1)], ValidUntil.AddSeconds(5)));

        Assert.Equal((SessionRule.Expired, (int?)0), (expired.Rule, expired.CallIndex));
    }

    [Fact]
    public void Action_usage_limits_count_calls_and_user_op_usage_limits_count_operations()
    {
        var perCall = new SessionGuard(Create([new ActionData(Token, Transfer, Policies.UsageLimit(3))]), PolicyAddresses.Current);
        var perOperation = new SessionGuard(Create([new ActionData(Token, Transfer, Policies.Sudo())], userOpPolicies: [Policies.UsageLimit(1)]), PolicyAddresses.Current);
        Call[] two = [TokenCall(Token, Transfer, 1), TokenCall(Token, Transfer, 2)];

        perCall.Reserve(two, Now).Commit();
        var third = Assert.Throws<SessionScopeException>(() => perCall.Reserve(two, Now));
        perCall.Reserve([two[0]], Now).Commit();
        perOperation.Reserve(two, Now).Commit();
        var second = Assert.Throws<SessionScopeException>(() => perOperation.Reserve([two[0]], Now));

        Assert.Equal((SessionRule.UsageLimitExceeded, (int?)1, (BigInteger?)3, (BigInteger?)3), (third.Rule, third.CallIndex, third.Limit, third.AlreadySpent));
        Assert.Contains("usage limit of policy", third.Message);
        Assert.Equal((SessionRule.UsageLimitExceeded, (int?)null, (BigInteger?)1), (second.Rule, second.CallIndex, second.AlreadySpent));
    }

    [Fact]
    public void A_user_op_value_limit_adds_up_the_batch()
    {
        var guard = new SessionGuard(Create([new ActionData(Bob, ActionId.ValueTransferSelector, Policies.Sudo())], userOpPolicies: [Policies.ValueLimit(Ether)]), PolicyAddresses.Current);
        var half = new Call(Bob, Ether / 2, ReadOnlyMemory<byte>.Empty);

        var refused = Assert.Throws<SessionScopeException>(() => guard.Reserve([half, half, new Call(Bob, 1, ReadOnlyMemory<byte>.Empty)], Now));
        guard.Reserve([half, half], Now).Commit();

        Assert.Equal((SessionRule.ValueLimitExceeded, (BigInteger?)(Ether + 1)), (refused.Rule, refused.Requested));
        Assert.Null(refused.CallIndex);
    }

    [Fact]
    public void The_spending_limit_counts_approve_and_the_third_argument_of_transferFrom()
    {
        var session = Create(
        [
            new ActionData(Token, Approve, Policies.ERC20SpendingLimit(Token, 10)),
            new ActionData(Token, TransferFrom, Policies.ERC20SpendingLimit(Token, 10)),
        ]);
        var guard = new SessionGuard(session, PolicyAddresses.Current);

        guard.Reserve([TokenCall(Token, Approve, 10), TransferFromCall(Token, 10)], Now).Commit();
        var approve = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Approve, 1)], Now));
        var transferFrom = Assert.Throws<SessionScopeException>(() => guard.Reserve([TransferFromCall(Token, 1)], Now));

        // Each action has its own config on chain, so its own count.
        Assert.Equal(2, guard.Limits.Count);
        Assert.StartsWith($"Call 0 is outside session {session.PermissionId}: approve of 1 (smallest units)", approve.Message);
        Assert.Contains("transferFrom of 1 (smallest units)", transferFrom.Message);
        Assert.Equal(BigInteger.Parse("10"), transferFrom.AlreadySpent);
    }

    [Fact]
    public void A_multi_token_policy_counts_each_token_and_refuses_tokens_it_does_not_list()
    {
        var policy = Policies.ERC20SpendingLimit([new TokenLimit(Token, 100), new TokenLimit(OtherToken, 5)]);
        var third = Address.Parse("0x6B175474E89094C44Da98b954EedeAC495271d0F");
        var guard = new SessionGuard(Create([new ActionData(Token, Transfer, policy), new ActionData(OtherToken, Transfer, policy), new ActionData(third, Transfer, policy)]), PolicyAddresses.Current);

        guard.Reserve([TokenCall(Token, Transfer, 100), TokenCall(OtherToken, Transfer, 5)], Now).Commit();
        var other = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(OtherToken, Transfer, 1)], Now));
        guard.Reserve([TokenCall(third, Transfer, 0)], Now).Commit();
        var unlisted = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(third, Transfer, 1)], Now));

        Assert.Equal((OtherToken, (BigInteger?)5), (other.Token!.Value, other.Limit));
        Assert.Equal((SessionRule.SpendingLimitExceeded, third, (BigInteger?)0), (unlisted.Rule, unlisted.Token!.Value, unlisted.Limit));
        Assert.Contains("does not list this token", unlisted.Message);
    }

    [Fact]
    public void The_spending_limit_policy_refuses_native_value_other_functions_and_malformed_arguments()
    {
        var guard = new SessionGuard(Create([new ActionData(Token, Transfer, Policies.ERC20SpendingLimit(Token, 100)), new ActionData(Token, Swap, Policies.ERC20SpendingLimit(Token, 100))]), PolicyAddresses.Current);
        var dirtyAddress = TokenCall(Token, Transfer, 1).Data.ToArray();
        dirtyAddress[4] = 1;

        var value = Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 1, value: 1)], Now));
        var swap = Assert.Throws<SessionScopeException>(() => guard.Reserve([new Call(Token, 0, SwapCall(Bob, 1, 1).Data)], Now));
        var truncated = Assert.Throws<SessionScopeException>(() => guard.Reserve([new Call(Token, 0, TokenCall(Token, Transfer, 1).Data[..40])], Now));
        var dirty = Assert.Throws<SessionScopeException>(() => guard.Reserve([new Call(Token, 0, dirtyAddress)], Now));

        Assert.Equal((SessionRule.ValueLimitExceeded, (BigInteger?)0), (value.Rule, value.Limit));
        Assert.Equal(SessionRule.NotATokenTransfer, swap.Rule);
        Assert.Equal(SessionRule.MalformedCallData, truncated.Rule);
        Assert.Contains("40 bytes", truncated.Message);
        Assert.Equal(SessionRule.MalformedCallData, dirty.Rule);
    }

    [Theory]
    [InlineData(ParamCondition.Equal, 50, 50, 51)]
    [InlineData(ParamCondition.GreaterThan, 50, 51, 50)]
    [InlineData(ParamCondition.LessThan, 50, 49, 50)]
    [InlineData(ParamCondition.GreaterThanOrEqual, 50, 50, 49)]
    [InlineData(ParamCondition.LessThanOrEqual, 50, 50, 51)]
    [InlineData(ParamCondition.NotEqual, 50, 49, 50)]
    public void Each_param_condition_passes_and_fails_as_on_chain(ParamCondition condition, long reference, long passing, long failing)
    {
        var guard = UniActionGuard(new UniActionConfig(0, ParamRule.Compare(condition, 32, reference)));

        guard.Reserve([SwapCall(Bob, passing, 0)], Now).Commit();
        var refused = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Bob, failing, 0)], Now));

        Assert.Equal((SessionRule.ParamRuleViolated, (BigInteger?)failing, PolicyAddresses.Current.UniversalAction), (refused.Rule, refused.Requested, refused.Policy!.Value));
        Assert.Contains($"its parameter at offset 32 is {failing}, but the session requires parameter at offset 32 ", refused.Message);
        Assert.Contains("(rule 0 of UniActionPolicy", refused.Message);
    }

    [Fact]
    public void In_range_and_address_rules_compare_the_whole_word()
    {
        var guard = UniActionGuard(new UniActionConfig(0, ParamRule.EqualTo(0, Bob), ParamRule.InRange(64, 10, 20)));

        guard.Reserve([SwapCall(Bob, 0, 10), SwapCall(Bob, 0, 20)], Now).Commit();
        var low = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Bob, 0, 9)], Now));
        var high = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Bob, 0, 21)], Now));
        var recipient = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Dex, 0, 15)], Now));

        Assert.Contains("requires parameter at offset 64 between 10 and 20", low.Message);
        Assert.Equal(SessionRule.ParamRuleViolated, high.Rule);
        Assert.Contains("rule 0", recipient.Message);
    }

    [Fact]
    public void A_cumulative_param_rule_starts_from_its_used_amount_and_the_value_limit_is_per_call()
    {
        var rule = new ParamRule(ParamCondition.LessThanOrEqual, 32, new Bytes32(Words(new BigInteger(1000))), isLimited: true, limit: 1000, used: 400);
        var guard = UniActionGuard(new UniActionConfig(5, rule));

        guard.Reserve([SwapCall(Bob, 300, 0, value: 5), SwapCall(Bob, 300, 0, value: 5)], Now).Commit();
        var limit = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Bob, 1, 0)], Now));
        var value = Assert.Throws<SessionScopeException>(() => guard.Reserve([SwapCall(Bob, 0, 0, value: 6)], Now));
        var shortData = Assert.Throws<SessionScopeException>(() => guard.Reserve([new Call(Dex, 0, SwapCall(Bob, 0, 0).Data[..67])], Now));

        Assert.Equal((SessionRule.ParamLimitExceeded, (BigInteger?)1000, (BigInteger?)1000), (limit.Rule, limit.Limit, limit.AlreadySpent));
        Assert.Contains("its parameter at offset 32 of 1 would bring the session's total of parameter at offset 32 to 1001, over its limit of 1000 (rule 0 of UniActionPolicy", limit.Message);
        Assert.Equal((SessionRule.ValueLimitExceeded, (BigInteger?)5, (BigInteger?)6), (value.Rule, value.Limit, value.Requested));
        Assert.Equal(SessionRule.MalformedCallData, shortData.Rule);
    }

    [Fact]
    public void Sudo_and_the_fallback_action_allow_their_calls()
    {
        var sudo = new SessionGuard(Create([new ActionData(Dex, Swap, Policies.Sudo())]), PolicyAddresses.Current);
        var fallback = new SessionGuard(Create([new ActionData(ActionId.FallbackTarget, ActionId.FallbackSelector, Policies.UsageLimit(1))]), PolicyAddresses.Current);

        sudo.Reserve([SwapCall(Bob, BigInteger.Pow(2, 200), 0, value: Ether)], Now).Commit();
        fallback.Reserve([TokenCall(OtherToken, Approve, 1)], Now).Commit();

        Assert.Equal(SessionRule.UsageLimitExceeded, Assert.Throws<SessionScopeException>(() => fallback.Reserve([SwapCall(Bob, 1, 1)], Now)).Rule);
    }

    [Fact]
    public void A_policy_at_an_unknown_address_is_refused_unless_the_caller_names_it()
    {
        var custom = new PolicyData(Address.Parse("0x00000000000000000000000000000000c0ffee00"), [1, 2, 3]);
        var session = Create([new ActionData(Dex, Swap, custom), new ActionData(Token, Transfer, Policies.ERC20SpendingLimit(Token, 100 * Usdc))]);
        var closed = new SessionGuard(session, PolicyAddresses.Current);
        var otherNamed = new SessionGuard(session, PolicyAddresses.Current, new SessionGuardOptions { UncheckedPoliciesAllowed = [Bob] });
        var guard = new SessionGuard(session, PolicyAddresses.Current, new SessionGuardOptions { UncheckedPoliciesAllowed = [custom.Policy] });

        var refused = Assert.Throws<SessionScopeException>(() => closed.Reserve([SwapCall(Bob, 1, 1)], Now));
        Assert.Equal(SessionRule.PolicyNotCheckable, refused.Rule);
        Assert.Equal(custom.Policy, refused.Policy);
        Assert.Equal(SessionRule.PolicyNotCheckable, Assert.Throws<SessionScopeException>(() => otherNamed.Reserve([SwapCall(Bob, 1, 1)], Now)).Rule);
        closed.Reserve([TokenCall(Token, Transfer, Usdc)], Now).Dispose(); // calls the unknown policy does not judge still pass
        guard.Reserve([SwapCall(Bob, 1, 1)], Now).Dispose();

        Assert.False(guard.ChecksEveryPolicy);
        var notChecked = Assert.Single(guard.UncheckedPolicies);
        Assert.Equal(custom.Policy, notChecked.Policy);
        Assert.False(notChecked.IsCheckedLocally);
        Assert.Equal([1, 2, 3], notChecked.InitData.ToArray());
    }

    [Fact]
    public void An_action_policy_listed_as_a_user_op_policy_and_an_empty_operation_are_refused()
    {
        var session = Create([new ActionData(Dex, Swap, Policies.Sudo())], userOpPolicies: [Policies.ERC20SpendingLimit(Token, 1)]);

        var wrongPlace = Assert.Throws<ArgumentException>(() => new SessionGuard(session, PolicyAddresses.Current));
        var empty = Assert.Throws<ArgumentException>(() => new SessionGuard(OneClickTrading(), PolicyAddresses.Current).Reserve([], Now));

        Assert.Contains("ERC20SpendingLimitPolicy", wrongPlace.Message);
        Assert.Equal("calls", empty.ParamName);
    }

    private static SessionGuard UniActionGuard(UniActionConfig config) =>
        new(Create([new ActionData(Dex, Swap, Policies.UniversalAction(config))]), PolicyAddresses.Current);
}
