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

/// <summary>
/// The DEX-bot session of issue #14 on the devnet's UniActionPolicy: a swap whose output goes to the account passes; the same
/// swap to anyone else is refused by the guard (naming <c>params.recipient</c> and the account) and, sent unchecked, by the chain.
/// </summary>
public sealed class DexBotOnChainTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    /// <summary>No code lives here: a call to it succeeds and does nothing, so the test sees only the session's policies.</summary>
    private static readonly Address Router = Address.Parse("0x000000000000000000000000000000000005a900");
    private static readonly Address Weth = Address.Parse("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");

    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task A_swap_to_another_recipient_is_refused_by_the_guard_and_by_the_chain()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var usdc = _chain.Contracts.Usdc;
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash(nameof(DexBotOnChainTests)));
        await _chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        var now = await _chain.GetChainTimeAsync();
        var session = DexBot.CreateSession(Router, usdc, Weth, account.Address, _chain.Contracts.SessionKeyValidator,
            SessionValidatorInitData.SingleKey(sessionKey.Address), now, policies: _chain.SmartSessions.Policies);
        Assert.Contains($"only if params.recipient = your account {account.Address}", DexBot.Describe(session, _chain.SmartSessions.Policies));
        Assert.True((await account.EnableSessionAsync(session, owner)).Success);

        var calls = DexBot.Calls(Router, usdc);
        Call Swap(Address recipient) => calls.ExactInputSingle(
            new SwapRouter.ExactInputSingleParams(usdc, Weth, 3000, recipient, BigInteger.Pow(2, 40), 10 * Usdc, BigInteger.Zero, BigInteger.Zero), BigInteger.Zero);

        Assert.True((await account.ExecuteAsync(session, [calls.Approve(Router, 10 * Usdc), Swap(account.Address)], sessionKey)).Success);

        var refused = await Assert.ThrowsAsync<SessionScopeException>(() => account.ExecuteAsync(session, Swap(Bob), sessionKey));
        AssertRefusedBeforeSigning(refused, SessionRule.ParamRuleViolated, session.PermissionId);
        Assert.Contains($"its params.recipient (address) is {Bob}, but the session requires params.recipient = your account {account.Address} (rule 3 of UniActionPolicy {_chain.Contracts.UniActionPolicy})", refused.Message);

        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, Swap(Bob), sessionKey));
        AssertRejected(rejected, "PolicyViolation", session.PermissionId);
    }
}
