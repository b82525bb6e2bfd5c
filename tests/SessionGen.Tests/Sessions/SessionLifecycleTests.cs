using System;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Protocol;
using SessionGen.Sessions;
using Xunit;
using static SessionGen.Tests.Sessions.GuardTestData;

namespace SessionGen.Tests.Sessions;

/// <summary>The session after approval: shared stores, re-enabling, seeding from the chain's state, and coverage.</summary>
public sealed class SessionLifecycleTests
{
    private static readonly Address Account = Address.Parse("0x00000000000000000000000000000000000acc01");

    [Fact]
    public void Two_guards_on_one_store_share_the_session_and_never_overspend_it()
    {
        var store = new InMemorySessionReservationStore();
        var options = new SessionGuardOptions { Store = store, Account = Account };
        var first = new SessionGuard(OneClickTrading(), PolicyAddresses.Current, options);
        var second = new SessionGuard(OneClickTrading(), PolicyAddresses.Current, options);

        var held = first.Reserve([TokenCall(Token, Transfer, 60 * Usdc)], Now);

        // The second instance sees the first one's reservation: 60 held + 50 would pass 100.
        var refused = Assert.Throws<SessionScopeException>(() => second.Reserve([TokenCall(Token, Transfer, 50 * Usdc)], Now));
        Assert.Equal((SessionRule.SpendingLimitExceeded, 60 * Usdc, 50 * Usdc), (refused.Rule, (long)refused.AlreadySpent!.Value, (long)refused.Requested!.Value));
        held.Commit();
        second.Reserve([TokenCall(Token, Transfer, 40 * Usdc)], Now).Commit();

        Assert.Equal(100 * Usdc, (long)first.Limits.Single().Spent);
        Assert.Equal(BigInteger.Zero, second.Limits.Single().Remaining);
        Assert.Equal(first.Limits.Single().Id, second.Limits.Single().Id);
    }

    [Fact]
    public async Task Two_guards_on_one_store_racing_on_many_threads_reserve_exactly_the_limit()
    {
        var store = new InMemorySessionReservationStore();
        var guards = Enumerable.Range(0, 2).Select(_ => new SessionGuard(OneClickTrading(), PolicyAddresses.Current, new SessionGuardOptions { Store = store, Account = Account })).ToArray();
        var granted = 0;
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < 40; i++)
            {
                try
                {
                    guards[w % 2].Reserve([TokenCall(Token, Transfer, Usdc)], Now).Commit();
                    Interlocked.Increment(ref granted);
                }
                catch (SessionScopeException)
                {
                }
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(100, granted);
        Assert.Equal(100 * Usdc, (long)guards[1].Limits.Single().Spent);
    }

    [Fact]
    public void Another_guard_joining_a_store_keeps_the_counts_already_there()
    {
        var store = new InMemorySessionReservationStore();
        var rule = new ParamRule(ParamCondition.LessThanOrEqual, 32, new Bytes32(Words(1000)), isLimited: true, limit: 1000, used: 100);
        var session = Create([new ActionData(Dex, Swap, Policies.UniversalAction(new UniActionConfig(0, [rule])))]);
        var first = new SessionGuard(session, PolicyAddresses.Current, new SessionGuardOptions { Store = store });
        first.Reserve([SwapCall(Bob, 300, 0)], Now).Commit();

        var second = new SessionGuard(session, PolicyAddresses.Current, new SessionGuardOptions { Store = store });

        Assert.Equal(400, (int)second.Limits.Single().Spent); // 100 from the init data + 300, not reset to 100
    }

    [Fact]
    public void Enabling_again_under_the_same_permission_id_adds_to_what_is_tracked()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);
        guard.Reserve([TokenCall(Token, Transfer, 70 * Usdc)], Now).Commit();
        var more = Create([new ActionData(Dex, Swap, Policies.UsageLimit(2))]);

        guard.Include(more);

        Assert.Equal(more.PermissionId, guard.Session.PermissionId);
        Assert.Equal(2, guard.Session.Actions.Count);
        Assert.Equal(70 * Usdc, (long)guard.Limits.Single(l => l.Token == Token).Spent); // not reset
        guard.Reserve([SwapCall(Bob, 1, 1)], Now).Commit();
        Assert.Equal(SessionRule.SpendingLimitExceeded, Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 31 * Usdc)], Now)).Rule);

        // Listed again with a higher limit: the policy takes the new limit, the count stays.
        guard.Include(OneClickTrading(200 * Usdc));
        guard.Reserve([TokenCall(Token, Transfer, 130 * Usdc)], Now).Commit();
        Assert.Equal((200 * Usdc, 200 * Usdc), ((long)guard.Limits.Single(l => l.Token == Token).Spent, (long)guard.Limits.Single(l => l.Token == Token).Limit));
        var sessionKeyElsewhere = OneClickTrading();
        var otherSalt = new Session(sessionKeyElsewhere.SessionValidator, sessionKeyElsewhere.SessionValidatorInitData.Span, Keccak256.Hash("other salt"), sessionKeyElsewhere.UserOpPolicies, ERC7739Data.None, sessionKeyElsewhere.Actions);
        Assert.Throws<ArgumentException>(() => guard.Include(otherSalt));
    }

    [Fact]
    public void Seeding_from_the_chain_state_takes_its_counts_limits_and_time_frame()
    {
        var session = Create(
            [new ActionData(Token, Transfer, Policies.ERC20SpendingLimit(Token, 100 * Usdc), Policies.UsageLimit(10))],
            userOpPolicies: [Policies.TimeFrame(ValidUntil, ValidAfter)]);
        var guard = new SessionGuard(session, PolicyAddresses.Current);
        var action = session.Actions[0];
        var at = PolicyAddresses.Current;
        var state = new SessionState(
            session.PermissionId,
            Account,
            IsEnabled: true,
            Now,
            [new LimitState(SessionRule.SpendingLimitExceeded, at.ERC20SpendingLimit, action, Token, 100 * Usdc, 95 * Usdc), new LimitState(SessionRule.UsageLimitExceeded, at.UsageLimit, action, null, 10, 3)],
            [new TimeFrameState(at.TimeFrame, null, (ulong)Now.AddHours(1).ToUnixTimeSeconds(), (ulong)ValidAfter.ToUnixTimeSeconds())],
            []);

        guard.Seed(state);

        Assert.Equal(95 * Usdc, (long)guard.Limits.Single(l => l.Token == Token).Spent);
        Assert.Equal(3, (int)guard.Limits.Single(l => l.Rule == SessionRule.UsageLimitExceeded).Spent);
        Assert.Equal(SessionRule.SpendingLimitExceeded, Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 6 * Usdc)], Now)).Rule);
        guard.Reserve([TokenCall(Token, Transfer, 5 * Usdc)], Now).Dispose();
        Assert.Equal(SessionRule.Expired, Assert.Throws<SessionScopeException>(() => guard.Reserve([TokenCall(Token, Transfer, 1)], Now.AddHours(1))).Rule);
        Assert.Equal(5 * Usdc, (long)state.RemainingOf(Token)!.Value);
        Assert.Equal(7, (int)state.UsesLeft!.Value);
        Assert.Contains("used 95000000 of 100000000, 5000000 left", state.Describe());
        Assert.Throws<ArgumentException>(() => new SessionGuard(OneClickTrading(), PolicyAddresses.Current).Seed(state with { PermissionId = new PermissionId(Keccak256.Hash("x")) }));
    }

    [Fact]
    public void Covers_says_whether_the_next_calls_fit_and_which_rule_is_missing()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);
        guard.Reserve([TokenCall(Token, Transfer, 80 * Usdc)], Now).Commit();

        var fits = guard.Covers([TokenCall(Token, Transfer, 20 * Usdc)], Now);
        var tooMuch = guard.Covers([TokenCall(Token, Transfer, 21 * Usdc)], Now);
        var otherCall = guard.Covers([SwapCall(Bob, 1, 1)], Now);
        var late = guard.Covers([TokenCall(Token, Transfer, 1)], ValidUntil);

        Assert.True(fits.IsCovered);
        Assert.Equal((false, SessionRule.SpendingLimitExceeded, Token), (tooMuch.IsCovered, tooMuch.MissingRule, tooMuch.Token));
        Assert.Equal(SessionRule.ActionNotPermitted, otherCall.MissingRule);
        Assert.Equal(SessionRule.Expired, late.MissingRule);
        Assert.Equal(80 * Usdc, (long)guard.Limits.Single().Spent + (long)guard.Limits.Single().Reserved); // Covers holds nothing
    }

    [Fact]
    public void Covers_compares_a_requested_session_with_what_is_left_of_the_enabled_one()
    {
        var guard = new SessionGuard(OneClickTrading(), PolicyAddresses.Current);
        guard.Reserve([TokenCall(Token, Transfer, 30 * Usdc)], Now).Commit();

        Assert.True(guard.Covers(OneClickTrading(70 * Usdc), Now).IsCovered);
        Assert.Equal(SessionRule.SpendingLimitExceeded, guard.Covers(OneClickTrading(71 * Usdc), Now).MissingRule);
        Assert.Equal(SessionRule.ActionNotPermitted, guard.Covers(Create([new ActionData(Dex, Swap, Policies.Sudo())]), Now).MissingRule);
        var longer = new Session(OneClickTrading().SessionValidator, OneClickTrading().SessionValidatorInitData.Span, default, [Policies.TimeFrame(ValidUntil.AddDays(1), ValidAfter)], ERC7739Data.None, OneClickTrading(Usdc).Actions);
        Assert.Equal(SessionRule.Expired, guard.Covers(longer, Now).MissingRule);
        var unlimited = Create([new ActionData(Token, Transfer, Policies.Sudo())]);
        Assert.Equal(SessionRule.SpendingLimitExceeded, guard.Covers(unlimited, Now).MissingRule);
    }

    [Fact]
    public void The_in_memory_store_settles_once_and_refuses_a_stale_version()
    {
        var store = new InMemorySessionReservationStore();
        var scope = new SessionScope(Account, new PermissionId(Keccak256.Hash("s")));
        var id = Guid.NewGuid();

        Assert.True(store.TryReserve(scope, 0, id, new System.Collections.Generic.Dictionary<string, BigInteger> { ["a"] = 5 }));
        Assert.False(store.TryReserve(scope, 0, Guid.NewGuid(), new System.Collections.Generic.Dictionary<string, BigInteger> { ["a"] = 5 }));
        store.Settle(scope, id, commit: true);
        store.Settle(scope, id, commit: true);
        store.InitializeCommitted(scope, new System.Collections.Generic.Dictionary<string, BigInteger> { ["a"] = 1, ["b"] = 2 });

        var ledger = store.Read(scope);
        Assert.Equal(new SessionLedgerEntry(5, 0), ledger["a"]);
        Assert.Equal(new SessionLedgerEntry(2, 0), ledger["b"]);
        Assert.Equal(default, ledger["c"]);
    }
}
