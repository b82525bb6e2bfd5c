using System;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Devnet;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>The pre-flight check agrees with the chain: what it lets through lands, what it refuses the chain rejects.</summary>
public sealed class SessionGuardOnChainTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task The_guard_refuses_exactly_the_operations_the_chain_rejects()
    {
        var policies = _chain.SmartSessions.Policies;
        var (account, guard, sessionKey) = await EnableAsync(
            nameof(The_guard_refuses_exactly_the_operations_the_chain_rejects),
            TimeSpan.FromDays(7),
            Policies.UsageLimit(5, policies),
            Policies.ERC20SpendingLimit(_chain.Contracts.Usdc, 100 * Usdc, policies));

        // 30 + 50 pass, 30 would make 110, 20 makes exactly 100, 1 more is over; then the 5 uses run out.
        long[] amounts = [30, 50, 30, 20, 1, 0, 0, 0];
        SessionRule?[] expected = [null, null, SessionRule.SpendingLimitExceeded, null, SessionRule.SpendingLimitExceeded, null, null, SessionRule.UsageLimitExceeded];
        for (var i = 0; i < amounts.Length; i++)
        {
            var call = Erc20.Transfer(_chain.Contracts.Usdc, Bob, amounts[i] * Usdc);
            SessionRule? refusedBy = null;
            SessionReservation? reservation = null;
            try
            {
                reservation = guard.Reserve([call], await _chain.GetChainTimeAsync());
            }
            catch (SessionScopeException refused)
            {
                refusedBy = refused.Rule;
            }

            Assert.Equal(expected[i], refusedBy);
            if (reservation is null)
            {
                var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, guard.Session, call, sessionKey));
                AssertRejected(rejected, "PolicyViolation", guard.Session.PermissionId);
                continue;
            }

            using (reservation)
            {
                Assert.True((await SendUncheckedAsync(account, guard.Session, call, sessionKey)).Success);
                reservation.Commit();
            }
        }

        Assert.Equal(900 * Usdc, (long)await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task An_expired_session_is_refused_by_the_guard_and_by_the_chain()
    {
        var policies = _chain.SmartSessions.Policies;
        var (account, guard, sessionKey) = await EnableAsync(nameof(An_expired_session_is_refused_by_the_guard_and_by_the_chain), TimeSpan.FromDays(1), null, Policies.Sudo(policies));
        var call = Erc20.Transfer(_chain.Contracts.Usdc, Bob, Usdc);

        await _chain.IncreaseTimeAsync(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var chainTime = await _chain.GetChainTimeAsync();
        Assert.Equal(SessionRule.Expired, Assert.Throws<SessionScopeException>(() => guard.Reserve([call], chainTime)).Rule);
        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, guard.Session, call, sessionKey));
        Assert.Equal("\"AA22 expired or not due\"", rejected.Error.Arguments[1]);
    }

    /// <summary>An account with a USDC-transfer session valid for <paramref name="validFor"/> from now, and a guard for it.</summary>
    private async Task<(SmartAccount Account, SessionGuard Guard, PrivateKeySigner SessionKey)> EnableAsync(string name, TimeSpan validFor, PolicyData? userOpPolicy, PolicyData actionPolicy)
    {
        using var owner = PrivateKeySigner.Generate();
        var sessionKey = PrivateKeySigner.Generate();
        var policies = _chain.SmartSessions.Policies;
        var now = await _chain.GetChainTimeAsync();
        PolicyData[] userOpPolicies = userOpPolicy is null
            ? [Policies.TimeFrame(now + validFor, now.AddMinutes(-1), policies)]
            : [Policies.TimeFrame(now + validFor, now.AddMinutes(-1), policies), userOpPolicy];
        var session = SingleKeySession(_chain, sessionKey.Address, userOpPolicies, new ActionData(_chain.Contracts.Usdc, Erc20.Selectors.Transfer, actionPolicy));
        var (account, _) = await OnChainSessions.EnableAsync(_chain, name, owner, session);
        var guard = new SessionGuard(session, policies);
        Assert.True(guard.ChecksEveryPolicy);
        return (account, guard, sessionKey);
    }
}
