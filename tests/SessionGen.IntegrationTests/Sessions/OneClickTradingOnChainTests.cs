using System;
using System.Diagnostics;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Devnet;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using Xunit.Abstractions;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>
/// The reference scenario on a local chain: the owner approves once that an app may transfer at most 100 USDC for
/// 7 days; the app's session key then transfers with no owner signature, and the chain refuses everything else.
/// Each test uses its own account (own salt), so they do not share spending.
/// </summary>
public sealed class OneClickTradingOnChainTests(DevnetFixture fixture, ITestOutputHelper output) : IClassFixture<DevnetFixture>
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task Session_key_transfers_within_the_limit_with_no_owner_signature()
    {
        var clock = Stopwatch.StartNew();
        var (account, session, sessionKey, enable) = await SetUpAsync(nameof(Session_key_transfers_within_the_limit_with_no_owner_signature));
        var bobBefore = await _chain.GetUsdcBalanceAsync(Bob);

        var receipt = await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc), sessionKey);

        Assert.True(receipt.Success);
        Assert.Equal(account.Address, receipt.Sender);
        Assert.Equal(bobBefore + (5 * Usdc), await _chain.GetUsdcBalanceAsync(Bob));
        Assert.Equal(new BigInteger(995 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
        output.WriteLine($"create account + enableSessions: tx gas {enable.TransactionGasUsed}, actualGasUsed {enable.ActualGasUsed}");
        output.WriteLine($"USE transfer: tx gas {receipt.TransactionGasUsed}, actualGasUsed {receipt.ActualGasUsed}");

        var timed = Stopwatch.StartNew();
        const int transfers = 10;
        for (var i = 0; i < transfers; i++)
        {
            await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc), sessionKey);
        }

        output.WriteLine($"session-key transfer (build, sign, simulate, send, receipt): {timed.Elapsed.TotalMilliseconds / transfers:0.0} ms each; test {clock.ElapsedMilliseconds} ms");
        Assert.Equal(new BigInteger(985 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task Spending_past_100_USDC_in_total_is_refused_before_signing_and_rejected_by_the_chain()
    {
        var (account, session, sessionKey, _) = await SetUpAsync(nameof(Spending_past_100_USDC_in_total_is_refused_before_signing_and_rejected_by_the_chain));
        var tooMuch = UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 101 * Usdc);

        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, tooMuch, sessionKey));
        AssertRefusedBeforeSigning(refused, SessionRule.SpendingLimitExceeded, session.PermissionId);
        Assert.Equal(new BigInteger(100 * Usdc), refused.Limit);
        Assert.Equal(new BigInteger(101 * Usdc), refused.Requested);
        var single = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, tooMuch, sessionKey));
        AssertRejected(single, "PolicyViolation", session.PermissionId);

        await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 60 * Usdc), sessionKey);
        await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 40 * Usdc), sessionKey); // exactly 100 in total
        var oneMore = UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 1);
        var refusedAgain = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, oneMore, sessionKey));
        AssertRefusedBeforeSigning(refusedAgain, SessionRule.SpendingLimitExceeded, session.PermissionId);
        Assert.Equal(new BigInteger(100 * Usdc), refusedAgain.AlreadySpent);
        var cumulative = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, oneMore, sessionKey));
        AssertRejected(cumulative, "PolicyViolation", session.PermissionId);
        Assert.Equal(_chain.Contracts.SpendingLimitPolicy.ToString(), cumulative.Error.Root.Arguments[1]);
        Assert.Equal(new BigInteger(900 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task After_the_7_days_the_session_is_refused_before_signing_and_rejected_by_the_chain()
    {
        var (account, session, sessionKey, _) = await SetUpAsync(nameof(After_the_7_days_the_session_is_refused_before_signing_and_rejected_by_the_chain));
        await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc), sessionKey);

        await _chain.IncreaseTimeAsync(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var transfer = UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc);
        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, transfer, sessionKey));
        AssertRefusedBeforeSigning(refused, SessionRule.Expired, session.PermissionId);
        var expired = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, transfer, sessionKey));
        Assert.Equal("FailedOp", expired.Error.Name);
        Assert.Equal("\"AA22 expired or not due\"", expired.Error.Arguments[1]);
    }

    [Fact]
    public async Task Another_function_on_the_same_token_is_refused_before_signing_and_rejected_by_the_chain()
    {
        var (account, session, sessionKey, _) = await SetUpAsync(nameof(Another_function_on_the_same_token_is_refused_before_signing_and_rejected_by_the_chain));
        var approve = UsdcTrading.Approve(_chain.Contracts.Usdc, Bob, Usdc);

        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, approve, sessionKey));
        AssertRefusedBeforeSigning(refused, SessionRule.ActionNotPermitted, session.PermissionId);
        Assert.Equal(0, refused.CallIndex);
        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, approve, sessionKey));

        AssertRejected(rejected, "NoPoliciesSet", session.PermissionId);
    }

    [Fact]
    public async Task Transfer_of_another_token_is_refused_before_signing_and_rejected_by_the_chain()
    {
        var (account, session, sessionKey, _) = await SetUpAsync(nameof(Transfer_of_another_token_is_refused_before_signing_and_rejected_by_the_chain));
        var otherToken = await _chain.DeployTestTokenAsync(Keccak256.Hash("other token"));
        await _chain.MintTestTokenAsync(otherToken, account.Address, 1_000 * Usdc);

        var transfer = Erc20.Transfer(otherToken, Bob, Usdc);

        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, transfer, sessionKey));
        AssertRefusedBeforeSigning(refused, SessionRule.ActionNotPermitted, session.PermissionId);
        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, transfer, sessionKey));

        AssertRejected(rejected, "NoPoliciesSet", session.PermissionId);
        Assert.Equal(new BigInteger(1_000 * Usdc), await _chain.GetTokenBalanceAsync(otherToken, account.Address));
    }

    [Fact]
    public async Task After_the_owner_removes_the_session_it_is_rejected_by_the_chain()
    {
        var (account, session, sessionKey, _) = await SetUpAsync(nameof(After_the_owner_removes_the_session_it_is_rejected_by_the_chain), out var owner);
        await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc), sessionKey);

        var removal = await account.RemoveSessionAsync(session.PermissionId, owner);

        Assert.True(removal.Success);
        Assert.False(await account.IsPermissionEnabledAsync(session.PermissionId));
        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc), sessionKey));
        Assert.Equal("FailedOpWithRevert", rejected.Error.Name);
        output.WriteLine($"after removal: {rejected.Error}");
    }

    [Fact]
    public async Task A_key_that_is_not_the_session_key_is_rejected_by_the_chain()
    {
        var (account, session, _, _) = await SetUpAsync(nameof(A_key_that_is_not_the_session_key_is_rejected_by_the_chain));
        using var stranger = PrivateKeySigner.Generate();

        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc), stranger));

        Assert.Equal("FailedOp", rejected.Error.Name);
        Assert.Equal("\"AA24 signature error\"", rejected.Error.Arguments[1]);
    }

    private Task<(SmartAccount Account, Session Session, PrivateKeySigner SessionKey, UserOperationReceipt Enable)> SetUpAsync(string name) =>
        SetUpAsync(name, out _);

    /// <summary>A fresh account holding 1,000 USDC whose owner has enabled the one-click-trading session.</summary>
    private Task<(SmartAccount Account, Session Session, PrivateKeySigner SessionKey, UserOperationReceipt Enable)> SetUpAsync(string name, out PrivateKeySigner owner)
    {
        var ownerKey = PrivateKeySigner.Generate();
        owner = ownerKey;
        return SetUpCoreAsync(name, ownerKey);
    }

    private async Task<(SmartAccount, Session, PrivateKeySigner, UserOperationReceipt)> SetUpCoreAsync(string name, PrivateKeySigner owner)
    {
        var sessionKey = PrivateKeySigner.Generate();
        // The generated session: the devnet's validator in the OwnableValidator role, with the session key as single owner.
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), Keccak256.Hash(name), _chain.SmartSessions);
        var (account, enable) = await OnChainSessions.EnableAsync(_chain, name, owner, session);
        return (account, session, sessionKey, enable);
    }
}
