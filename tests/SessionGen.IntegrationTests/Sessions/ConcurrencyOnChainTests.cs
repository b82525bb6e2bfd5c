using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.IntegrationTests.Devnet;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>Several operations and several sessions on one account at once.</summary>
public sealed class ConcurrencyOnChainTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task Ten_concurrent_executions_on_one_account_all_land_with_distinct_nonces()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var session = UsdcTransferSession(_chain, sessionKey.Address, 100 * Usdc);
        var (account, _) = await EnableAsync(_chain, nameof(Ten_concurrent_executions_on_one_account_all_land_with_distinct_nonces), owner, session);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc), sessionKey))));

        Assert.All(receipts, r => Assert.True(r.Success));
        Assert.Equal(10, receipts.Select(r => r.Nonce).Distinct().Count());
        Assert.Equal(10, receipts.Select(r => r.UserOpHash).Distinct().Count());
        Assert.Equal(new BigInteger(950 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
        Assert.Equal(new BigInteger(50 * Usdc), account.GetGuard(session).Limits.Single().Spent);
    }

    [Fact]
    public async Task Concurrent_executions_never_overspend_a_limit_together()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var session = UsdcTransferSession(_chain, sessionKey.Address, 100 * Usdc);
        var (account, _) = await EnableAsync(_chain, nameof(Concurrent_executions_never_overspend_a_limit_together), owner, session);

        // Eight transfers of 30 USDC race for a 100 USDC limit: exactly three fit.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await account.ExecuteAsync(session, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 30 * Usdc), sessionKey)).Success ? "landed" : "failed";
            }
            catch (SessionScopeException e) when (e.Rule == SessionRule.SpendingLimitExceeded)
            {
                return "refused";
            }
        })));

        Assert.Equal(3, outcomes.Count(o => o == "landed"));
        Assert.Equal(5, outcomes.Count(o => o == "refused"));
        Assert.Equal(new BigInteger(910 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task Two_sessions_on_one_account_are_enforced_independently()
    {
        using var owner = PrivateKeySigner.Generate();
        using var traderKey = PrivateKeySigner.Generate();
        using var payerKey = PrivateKeySigner.Generate();
        var trading = UsdcTransferSession(_chain, traderKey.Address, 100 * Usdc);
        var payments = UsdcTransferSession(_chain, payerKey.Address, 10 * Usdc);
        var (account, _) = await EnableAsync(_chain, nameof(Two_sessions_on_one_account_are_enforced_independently), owner, trading);
        Assert.True((await account.EnableSessionAsync(payments, owner)).Success);
        Assert.NotEqual(trading.PermissionId, payments.PermissionId);
        Assert.True(await account.IsPermissionEnabledAsync(payments.PermissionId));

        Assert.True((await account.ExecuteAsync(trading, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 60 * Usdc), traderKey)).Success);
        Assert.True((await account.ExecuteAsync(payments, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 10 * Usdc), payerKey)).Success);

        // Each key is bound to its own session; each limit is its own.
        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(payments, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 1), payerKey));
        Assert.Equal(SessionRule.SpendingLimitExceeded, refused.Rule);
        var wrongKey = await Assert.ThrowsAsync<UserOperationRejectedException>(() => account.ExecuteAsync(trading, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 1), payerKey));
        Assert.Equal("FailedOp", wrongKey.Error.Name);
        Assert.True((await account.ExecuteAsync(trading, Erc20.Transfer(_chain.Contracts.Usdc, Bob, 40 * Usdc), traderKey)).Success);
        Assert.Equal(new BigInteger(890 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }
}
