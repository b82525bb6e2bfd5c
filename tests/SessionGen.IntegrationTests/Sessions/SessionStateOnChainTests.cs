using System;
using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Devnet;
using SessionGen.IntegrationTests.Scenarios;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>On the fixture devnet (legacy module, the project's policies).</summary>
public sealed class FixtureSessionStateOnChainTests(DevnetFixture fixture) : SessionStateOnChainTests(fixture.Chain), IClassFixture<DevnetFixture>;

/// <summary>On the upstream contracts (current module and policies; the opt-in suite, eng/upstream.sh).</summary>
[Trait("Category", "Upstream")]
public sealed class UpstreamSessionStateOnChainTests(UpstreamDevnetFixture fixture) : SessionStateOnChainTests(fixture.Chain), IClassFixture<UpstreamDevnetFixture>;

/// <summary>A session's state read back from the chain, and a restarted app that refuses what the chain would refuse.</summary>
public abstract class SessionStateOnChainTests(SessionGen.Devnet.Devnet chain)
{
    private readonly SessionGen.Devnet.Devnet _chain = chain;

    [Fact]
    public async Task After_a_restart_the_guard_refuses_the_transfer_over_the_limit_with_the_spent_amount_read_from_the_chain()
    {
        var (account, session, _, owner, sessionKey) = await EnableOneClickAsync(nameof(After_a_restart_the_guard_refuses_the_transfer_over_the_limit_with_the_spent_amount_read_from_the_chain), uses: 10);
        using var ownerKey = owner;
        using var appKey = sessionKey;
        await account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 30 * Usdc), sessionKey);
        await account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 50 * Usdc), sessionKey);

        // The app restarts: a new SmartAccount over the same account knows nothing but what the chain says.
        var restarted = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash(nameof(After_a_restart_the_guard_refuses_the_transfer_over_the_limit_with_the_spent_amount_read_from_the_chain)));
        Assert.Equal(account.Address, restarted.Address);
        var overLimit = Erc20.Transfer(_chain.Contracts.Usdc, Bob, 21 * Usdc);

        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => restarted.ExecuteAsync(session, overLimit, sessionKey));

        AssertRefusedBeforeSigning(refused, SessionRule.SpendingLimitExceeded, session.PermissionId);
        Assert.Equal((80 * Usdc, 21 * Usdc, 100 * Usdc), ((long)refused.AlreadySpent!.Value, (long)refused.Requested!.Value, (long)refused.Limit!.Value));
        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(restarted, session, overLimit, sessionKey));
        AssertRejected(rejected, "PolicyViolation", session.PermissionId);
        Assert.True((await restarted.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 20 * Usdc), sessionKey)).Success);
        Assert.Equal(900 * Usdc, (long)await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task The_state_read_back_matches_after_each_of_a_series_of_transfers()
    {
        var (account, session, frame, owner, sessionKey) = await EnableOneClickAsync(nameof(The_state_read_back_matches_after_each_of_a_series_of_transfers), uses: 4);
        using var ownerKey = owner;
        using var appKey = sessionKey;
        var policies = _chain.SmartSessions.Policies;
        long[] amounts = [10, 25, 40, 25];
        var spent = 0L;

        for (var i = 0; i <= amounts.Length; i++)
        {
            var state = await account.ReadSessionStateAsync(session);

            Assert.True(state.IsEnabled);
            var spending = Assert.Single(state.Limits, l => l.Rule == SessionRule.SpendingLimitExceeded);
            Assert.Equal((policies.ERC20SpendingLimit, _chain.Contracts.Usdc, 100 * Usdc, spent), (spending.Policy, spending.Token!.Value, (long)spending.Limit, (long)spending.Used));
            var usage = Assert.Single(state.Limits, l => l.Rule == SessionRule.UsageLimitExceeded);
            Assert.Equal((policies.UsageLimit, null, 4, i), (usage.Policy, usage.Action, (int)usage.Limit, (int)usage.Used));
            Assert.Equal(new TimeFrameState(policies.TimeFrame, null, frame.ValidUntil, frame.ValidAfter), Assert.Single(state.TimeFrames));
            Assert.Empty(state.Unread);
            Assert.Equal(100 * Usdc - spent, (long)state.RemainingOf(_chain.Contracts.Usdc)!.Value);
            Assert.Equal(4 - i, (int)state.UsesLeft!.Value);
            Assert.True(state.IsWithinTimeFrame);
            Assert.Equal(state.Limits.Select(l => (l.Limit, l.Used)), account.GetGuard(session).Limits.Select(l => (l.Limit, l.Spent + l.Reserved)));
            if (i == amounts.Length)
            {
                break;
            }

            Assert.True((await account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, amounts[i] * Usdc), sessionKey)).Success);
            spent += amounts[i] * Usdc;
        }

        // The four uses are gone: the guard of a restarted app refuses as the chain does.
        var restarted = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash(nameof(The_state_read_back_matches_after_each_of_a_series_of_transfers)));
        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => restarted.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 0), sessionKey));
        Assert.Equal(SessionRule.UsageLimitExceeded, refused.Rule);
        Assert.False((await restarted.CoversAsync(session, [Erc20.Transfer(_chain.Contracts.Usdc, Bob, 0)])).IsCovered);

        // Expiry as read: past validUntil the state says so, and so do the guard and the chain.
        await _chain.IncreaseTimeAsync(TimeSpan.FromSeconds((long)frame.ValidUntil - (await _chain.GetChainTimeAsync()).ToUnixTimeSeconds() + 1));
        Assert.False((await account.ReadSessionStateAsync(session)).IsWithinTimeFrame);
    }

    [Fact]
    public async Task A_removed_session_reads_as_not_enabled_and_a_token_without_a_limit_as_limit_zero()
    {
        var (account, session, _, owner, sessionKey) = await EnableOneClickAsync(nameof(A_removed_session_reads_as_not_enabled_and_a_token_without_a_limit_as_limit_zero), uses: 3);
        using var ownerKey = owner;
        using var appKey = sessionKey;

        // The same permission id asked with another token on the same action: the chain has no limit for it.
        var otherToken = Address.Parse("0x00000000000000000000000000000000000dead1");
        var wider = new Session(session.SessionValidator, session.SessionValidatorInitData.Span, session.Salt, session.UserOpPolicies, ERC7739Data.None, [new ActionData(_chain.Contracts.Usdc, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit([new TokenLimit(_chain.Contracts.Usdc, 100 * Usdc), new TokenLimit(otherToken, 5)], _chain.SmartSessions.Policies))]);
        var widerState = await account.ReadSessionStateAsync(wider);
        Assert.Equal(BigInteger.Zero, widerState.Limits.Single(l => l.Token == otherToken).Limit);

        await account.RemoveSessionAsync(session.PermissionId, owner);

        Assert.False((await account.ReadSessionStateAsync(session)).IsEnabled);
    }

    /// <summary>A fresh account (salt from <paramref name="name"/>) with the one-click session enabled, see <see cref="OneClickSessionAsync"/>.</summary>
    private async Task<(SmartAccount Account, Session Session, TimeFrameState Frame, PrivateKeySigner Owner, PrivateKeySigner SessionKey)> EnableOneClickAsync(string name, int uses)
    {
        var owner = PrivateKeySigner.Generate();
        var sessionKey = PrivateKeySigner.Generate();
        var (session, frame) = await OneClickSessionAsync(sessionKey.Address, uses);
        var (account, _) = await EnableAsync(_chain, name, owner, session);
        return (account, session, frame, owner, sessionKey);
    }

    /// <summary>The one-click session (USDC transfer, 100 in total) with a week's time frame and a user-op usage limit.</summary>
    private async Task<(Session Session, TimeFrameState Frame)> OneClickSessionAsync(Address sessionKey, int uses)
    {
        var policies = _chain.SmartSessions.Policies;
        var now = await _chain.GetChainTimeAsync();
        var until = now.AddDays(7);
        var after = now.AddMinutes(-1);
        // OwnableValidator's init data: what both the fixture's and the upstream session validator read.
        var session = new Session(
            _chain.Contracts.SessionKeyValidator,
            SessionValidatorInitData.Ownable(1, sessionKey),
            Bytes32.Zero,
            [Policies.TimeFrame(until, after, policies), Policies.UsageLimit(uses, policies)],
            ERC7739Data.None,
            [new ActionData(_chain.Contracts.Usdc, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(_chain.Contracts.Usdc, 100 * Usdc, policies))]);
        return (session, new TimeFrameState(policies.TimeFrame, null, (ulong)until.ToUnixTimeSeconds(), (ulong)after.ToUnixTimeSeconds()));
    }
}
