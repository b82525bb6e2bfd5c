using System;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.IntegrationTests.Devnet;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>The other devnet policies and batch execution, through the legacy SmartSession.</summary>
public sealed class SessionPoliciesOnChainTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task A_usage_limit_user_op_policy_allows_that_many_operations()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var policies = _chain.SmartSessions.Policies;
        var session = SingleKeySession(_chain, sessionKey.Address, [Policies.UsageLimit(2, policies)], new ActionData(_chain.Contracts.Usdc, Erc20.Selectors.Transfer, Policies.Sudo(policies)));
        var (account, _) = await EnableAsync(_chain, nameof(A_usage_limit_user_op_policy_allows_that_many_operations), owner, session);

        await account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 400 * Usdc), sessionKey);
        await account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 400 * Usdc), sessionKey);
        var thirdCall = Erc20.Transfer(_chain.Contracts.Usdc, Bob, 1);
        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, thirdCall, sessionKey));
        AssertRefusedBeforeSigning(refused, SessionRule.UsageLimitExceeded, session.PermissionId);
        var third = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, thirdCall, sessionKey));

        AssertRejected(third, "PolicyViolation", session.PermissionId);
        Assert.Equal(_chain.Contracts.UsageLimitPolicy.ToString(), third.Error.Root.Arguments[1]);
        Assert.Equal(new BigInteger(200 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task A_batch_is_checked_call_by_call_against_the_cumulative_limit()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var session = UsdcTransferSession(_chain, sessionKey.Address, 100 * Usdc);
        var (account, _) = await EnableAsync(_chain, nameof(A_batch_is_checked_call_by_call_against_the_cumulative_limit), owner, session);
        var carol = Address.Parse("0x00000000000000000000000000000000000ca201");

        var batch = await account.ExecuteAsync(session, [Erc20.Transfer(_chain.Contracts.Usdc, Bob, 30 * Usdc), Erc20.Transfer(_chain.Contracts.Usdc, carol, 30 * Usdc)], sessionKey);
        Assert.True(batch.Success);
        Assert.Equal(new BigInteger(30 * Usdc), await _chain.GetUsdcBalanceAsync(carol));

        // 60 spent: 30 + 30 more would make 120.
        Call[] again = [Erc20.Transfer(_chain.Contracts.Usdc, Bob, 30 * Usdc), Erc20.Transfer(_chain.Contracts.Usdc, carol, 30 * Usdc)];
        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, again, sessionKey));
        AssertRefusedBeforeSigning(refused, SessionRule.SpendingLimitExceeded, session.PermissionId);
        Assert.Equal(1, refused.CallIndex); // the second call of the batch is the one that passes 100
        var over = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, again, sessionKey));
        AssertRejected(over, "PolicyViolation", session.PermissionId);
        Assert.Equal(new BigInteger(940 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task A_session_op_before_the_account_exists_is_refused_before_signing()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash("never deployed"));
        var session = SingleKeySession(_chain, sessionKey.Address, [], new ActionData(_chain.Contracts.Usdc, Erc20.Selectors.Transfer, Policies.Sudo(_chain.SmartSessions.Policies)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 1), sessionKey));
        Assert.Contains(account.Address.ToString(), error.Message, StringComparison.Ordinal);
    }
}
