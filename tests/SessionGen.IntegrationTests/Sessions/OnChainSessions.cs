using System.Collections.Generic;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>What the on-chain session tests share: ERC-20 calls, a funded account with a session enabled, rejection checks.</summary>
internal static class OnChainSessions
{
    public const long Usdc = 1_000_000; // 6 decimals
    public static readonly Address Bob = Address.Parse("0x00000000000000000000000000000000000b0b00");

    /// <summary>A session for one ECDSA key on the devnet's session validator.</summary>
    public static Session SingleKeySession(SessionGen.Devnet.Devnet chain, Address sessionKey, PolicyData[] userOpPolicies, params ActionData[] actions) =>
        new(chain.Contracts.SessionKeyValidator, SessionValidatorInitData.SingleKey(sessionKey), Bytes32.Zero, userOpPolicies, ERC7739Data.None, actions);

    /// <summary>A session for one ECDSA key that may only call USDC's <c>transfer</c>, at most <paramref name="limit"/> in total.</summary>
    public static Session UsdcTransferSession(SessionGen.Devnet.Devnet chain, Address sessionKey, long limit) =>
        SingleKeySession(chain, sessionKey, [], new ActionData(chain.Contracts.Usdc, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(chain.Contracts.Usdc, limit, chain.SmartSessions.Policies)));

    /// <summary>A fresh account (salt from <paramref name="name"/>) holding 1,000 USDC, whose owner has enabled <paramref name="session"/>.</summary>
    public static async Task<(SmartAccount Account, UserOperationReceipt Enable)> EnableAsync(SessionGen.Devnet.Devnet chain, string name, IAsyncSigner owner, Session session)
    {
        var account = await chain.CreateAccountAsync(owner.Address, Keccak256.Hash(name));
        await chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        Assert.False(await account.IsDeployedAsync());

        var enable = await account.EnableSessionAsync(session, owner);

        Assert.True(enable.Success);
        Assert.True(await account.IsDeployedAsync());
        Assert.True(await account.IsPermissionEnabledAsync(session.PermissionId));
        return (account, enable);
    }

    /// <summary>Sends a session operation without the runtime's pre-flight check, to see what the chain itself says.</summary>
    public static Task<UserOperationReceipt> SendUncheckedAsync(SmartAccount account, Session session, Call call, IAsyncSigner sessionKey) =>
        SendUncheckedAsync(account, session, [call], sessionKey);

    /// <summary>Sends a batch without the runtime's pre-flight check.</summary>
    public static async Task<UserOperationReceipt> SendUncheckedAsync(SmartAccount account, Session session, IReadOnlyList<Call> calls, IAsyncSigner sessionKey)
    {
        var operation = await account.BuildUncheckedSessionOperationAsync(session, calls, sessionKey, null, 0, default);
        return await account.EntryPoint.SendAsync(operation);
    }

    /// <summary>Asserts the runtime's pre-flight refusal: the violated rule, the call, the session, and that nothing was signed.</summary>
    public static SessionScopeException AssertRefusedBeforeSigning(SessionScopeException refused, SessionRule rule, PermissionId permissionId)
    {
        Assert.Equal(rule, refused.Rule);
        Assert.Equal(permissionId, refused.PermissionId);
        Assert.Contains("Nothing was signed or sent", refused.Message);
        return refused;
    }

    /// <summary>Asserts a validation-phase rejection by the SmartSession: <c>FailedOpWithRevert(_, "AA23 reverted", reason(permissionId, …))</c>.</summary>
    public static void AssertRejected(UserOperationRejectedException rejected, string reason, PermissionId permissionId)
    {
        Assert.Equal("FailedOpWithRevert", rejected.Error.Name);
        Assert.Equal("\"AA23 reverted\"", rejected.Error.Arguments[1]);
        Assert.Equal(reason, rejected.Error.Root.Name);
        Assert.Equal(permissionId.ToString(), rejected.Error.Root.Arguments[0]);
    }
}
