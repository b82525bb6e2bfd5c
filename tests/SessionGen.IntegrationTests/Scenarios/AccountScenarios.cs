using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Sessions;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// THE scenario table: each row is one thing a user does with a smart account and sessions, run on every account kind
/// (<see cref="AccountScenarioTable"/>) and on any deployment flavour (<see cref="ScenarioDeployment"/>). A row asserts
/// what must hold and returns what the chain said, so that runs on different flavours can be compared.
/// </summary>
public static class AccountScenarios
{
    private const long Usdc = 1_000_000; // 6 decimals

    /// <summary>The rows, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Func<AccountScenarioRun, Task<string>>> Rows = new Dictionary<string, Func<AccountScenarioRun, Task<string>>>
    {
        ["create with SmartSession, enableSessions, USE transfers"] = CreateEnableUseAsync,
        ["install SmartSession on a deployed account, then use"] = InstallLaterAsync,
        ["attach to a deployed account, enable, use"] = AttachAsync,
        ["ENABLE mode on a deployed account"] = EnableModeAsync,
        ["ENABLE mode deploys the account"] = EnableModeDeploysAsync,
        ["over the limit: refused by the chain"] = OverTheLimitAsync,
        ["another function: refused by the chain"] = AnotherFunctionAsync,
        ["expired: refused by the chain"] = ExpiredAsync,
        ["revoked: refused by the chain"] = RevokedAsync,
        ["uninstall SmartSession: refused by the chain"] = UninstalledAsync,
    };

    /// <summary>The kinds as an attached account knows them: layout only, no factory.</summary>
    private static readonly IReadOnlyDictionary<ScenarioAccountKind, UserOperations.AccountKind> LayoutOnly = new Dictionary<ScenarioAccountKind, UserOperations.AccountKind>
    {
        [ScenarioAccountKind.Msa] = UserOperations.AccountKind.Erc7579Reference,
        [ScenarioAccountKind.Safe7579] = UserOperations.AccountKind.Safe7579,
        [ScenarioAccountKind.Nexus] = UserOperations.AccountKind.Nexus,
        [ScenarioAccountKind.Kernel] = UserOperations.AccountKind.Kernel,
    };

    /// <summary>xunit MemberData: the row names.</summary>
    public static TheoryData<string> Names => new(Rows.Keys);

    private static async Task<string> CreateEnableUseAsync(AccountScenarioRun run)
    {
        var (account, session, sessionKey) = await run.AccountWithSessionAsync(100 * Usdc);
        var use = await account.ExecuteAsync(session, Transfer(run, 10 * Usdc), sessionKey);

        Assert.True(use.Success);
        Assert.Equal(new BigInteger(10 * Usdc), await run.Chain.GetTokenBalanceAsync(run.Deployment.Token, run.Recipient));
        run.UseGas = $"{use.ActualGasUsed} (tx {use.TransactionGasUsed})";
        return "transferred";
    }

    private static async Task<string> InstallLaterAsync(AccountScenarioRun run)
    {
        var account = await run.NewAccountAsync(installSmartSession: false);
        var deploy = await account.ExecuteAsOwnerAsync([Transfer(run, 1)], run.Owner);
        Assert.True(deploy.Success);
        Assert.False(await account.IsSmartSessionInstalledAsync());

        var install = await account.InstallSmartSessionAsync(run.Owner, gas: Gas);
        Assert.True(install.Success);
        Assert.True(await account.IsSmartSessionInstalledAsync());

        var (session, sessionKey) = run.Session(100 * Usdc);
        Assert.True((await account.EnableSessionAsync(session, run.Owner, Gas)).Success);
        Assert.True((await account.ExecuteAsync(session, Transfer(run, 10 * Usdc), sessionKey)).Success);
        Assert.Equal(new BigInteger((10 * Usdc) + 1), await run.Chain.GetTokenBalanceAsync(run.Deployment.Token, run.Recipient));
        return "installed; transferred";
    }

    private static async Task<string> AttachAsync(AccountScenarioRun run)
    {
        var created = await run.NewAccountAsync(installSmartSession: true);
        var stranger = SmartAccount.Attach(created.EntryPoint, run.Recipient, LayoutOnly[run.Kind], created.OwnerValidator, run.Deployment.SmartSessions);
        await Assert.ThrowsAsync<InvalidOperationException>(() => stranger.ExecuteAsOwnerAsync([Transfer(run, 1)], run.Owner));
        Assert.True((await created.ExecuteAsOwnerAsync([Transfer(run, 1)], run.Owner)).Success);

        // Another process knows only the address, the kind's layout and the owner validator.
        var attached = SmartAccount.Attach(run.Chain.CreateEntryPointClient(), created.Address, LayoutOnly[run.Kind], created.OwnerValidator, run.Deployment.SmartSessions);
        Assert.True(await attached.IsSmartSessionInstalledAsync());
        var (session, sessionKey) = run.Session(100 * Usdc);
        Assert.True((await attached.EnableSessionAsync(session, run.Owner, Gas)).Success);
        Assert.True((await attached.ExecuteAsync(session, Transfer(run, 10 * Usdc), sessionKey)).Success);
        Assert.Equal(new BigInteger((10 * Usdc) + 1), await run.Chain.GetTokenBalanceAsync(run.Deployment.Token, run.Recipient));
        return "attached; transferred";
    }

    private static async Task<string> EnableModeAsync(AccountScenarioRun run)
    {
        var account = await run.NewAccountAsync(installSmartSession: true);
        Assert.True((await account.ExecuteAsOwnerAsync([Transfer(run, 1)], run.Owner)).Success);
        var (session, sessionKey) = run.Session(100 * Usdc);

        var approval = await account.SignEnableSessionAsync(session, run.Owner);
        var enableAndUse = await account.ExecuteAsync(approval, [Transfer(run, 10 * Usdc)], sessionKey, EnableModeGas);

        Assert.True(enableAndUse.Success);
        Assert.True(await account.IsPermissionEnabledAsync(session.PermissionId));
        Assert.True((await account.ExecuteAsync(session, Transfer(run, 10 * Usdc), sessionKey)).Success);
        Assert.Equal(new BigInteger((20 * Usdc) + 1), await run.Chain.GetTokenBalanceAsync(run.Deployment.Token, run.Recipient));
        return "enabled and transferred";
    }

    private static async Task<string> EnableModeDeploysAsync(AccountScenarioRun run)
    {
        var account = await run.NewAccountAsync(installSmartSession: true);
        var (session, sessionKey) = run.Session(100 * Usdc);
        var approval = await account.SignEnableSessionAsync(session, run.Owner);

        if (!account.Kind.ChecksErc1271WhileDeploying)
        {
            // A Safe is its launchpad during that operation: the runtime says so before the session key signs.
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => account.ExecuteAsync(approval, [Transfer(run, 10 * Usdc)], sessionKey, EnableModeGas));
            Assert.Contains("Nothing was signed or sent", refused.Message, StringComparison.Ordinal);
            Assert.False(await account.IsDeployedAsync());
            return "refused before signing: deploy first";
        }

        var enableAndUse = await account.ExecuteAsync(approval, [Transfer(run, 10 * Usdc)], sessionKey, EnableModeGas);
        Assert.True(enableAndUse.Success);
        Assert.Equal(new BigInteger(10 * Usdc), await run.Chain.GetTokenBalanceAsync(run.Deployment.Token, run.Recipient));
        return "deployed, enabled and transferred";
    }

    private static async Task<string> OverTheLimitAsync(AccountScenarioRun run)
    {
        var (account, session, sessionKey) = await run.AccountWithSessionAsync(100 * Usdc);
        Assert.True((await account.ExecuteAsync(session, Transfer(run, 60 * Usdc), sessionKey)).Success);

        var refused = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, Transfer(run, 50 * Usdc), sessionKey));
        Assert.Equal(new BigInteger(60 * Usdc), await run.Chain.GetTokenBalanceAsync(run.Deployment.Token, run.Recipient));
        return Describe(refused);
    }

    private static async Task<string> AnotherFunctionAsync(AccountScenarioRun run)
    {
        var (account, session, sessionKey) = await run.AccountWithSessionAsync(100 * Usdc);

        var refused = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, Erc20.Approve(run.Deployment.Token, run.Recipient, 1), sessionKey));
        return Describe(refused);
    }

    private static async Task<string> ExpiredAsync(AccountScenarioRun run)
    {
        var now = await run.Chain.GetChainTimeAsync();
        var timeFrame = Policies.TimeFrame(now.AddMinutes(10), now.AddMinutes(-1), run.Deployment.SmartSessions.Policies);
        var (account, session, sessionKey) = await run.AccountWithSessionAsync(100 * Usdc, timeFrame);
        Assert.True((await account.ExecuteAsync(session, Transfer(run, 10 * Usdc), sessionKey)).Success);

        await run.Chain.IncreaseTimeAsync(TimeSpan.FromMinutes(11));
        var refused = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, Transfer(run, 10 * Usdc), sessionKey));
        return Describe(refused);
    }

    private static async Task<string> RevokedAsync(AccountScenarioRun run)
    {
        var (account, session, sessionKey) = await run.AccountWithSessionAsync(100 * Usdc);
        Assert.True((await account.RemoveSessionAsync(session.PermissionId, run.Owner)).Success);
        Assert.False(await account.IsPermissionEnabledAsync(session.PermissionId));

        var refused = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, Transfer(run, 10 * Usdc), sessionKey));
        return Describe(refused);
    }

    private static async Task<string> UninstalledAsync(AccountScenarioRun run)
    {
        var (account, session, sessionKey) = await run.AccountWithSessionAsync(100 * Usdc);
        Assert.True((await account.UninstallSmartSessionAsync(run.Owner, Gas)).Success);
        Assert.False(await account.IsSmartSessionInstalledAsync());

        var refused = await Assert.ThrowsAsync<UserOperationRejectedException>(() => SendUncheckedAsync(account, session, Transfer(run, 10 * Usdc), sessionKey));
        return Describe(refused);
    }

    // Enabling sessions needs more call gas than the default (DESIGN §5.1); ENABLE mode more verification gas.
    private static readonly UserOperationGas Gas = UserOperationGas.Default with { CallGasLimit = 2_000_000 };
    private static readonly UserOperationGas EnableModeGas = UserOperationGas.Default with { VerificationGasLimit = 3_000_000 };

    private static Call Transfer(AccountScenarioRun run, long amount) => Erc20.Transfer(run.Deployment.Token, run.Recipient, amount);

    private static async Task<UserOperationReceipt> SendUncheckedAsync(SmartAccount account, Session session, Call call, IAsyncSigner sessionKey) =>
        await account.EntryPoint.SendAsync(await account.BuildUncheckedSessionOperationAsync(session, [call], sessionKey, null, 0, default));

    /// <summary>What the EntryPoint said: "FailedOpWithRevert AA23 reverted: PolicyViolation" or "FailedOp AA22 expired or not due".</summary>
    private static string Describe(UserOperationRejectedException refused)
    {
        var error = refused.Error;
        var reason = error.Arguments.Count > 1 ? error.Arguments[1].Trim('"') : string.Empty;
        return error.Inner is null ? $"{error.Name} {reason}" : $"{error.Name} {reason}: {error.Root.Name}";
    }
}

/// <summary>One row on one account kind: the deployment, a fresh owner and salt, and what the row measured.</summary>
public sealed class AccountScenarioRun(ScenarioDeployment deployment, ScenarioAccountKind kind, string row) : IDisposable
{
    public ScenarioDeployment Deployment { get; } = deployment;

    public ScenarioAccountKind Kind { get; } = kind;

    public SessionGen.Devnet.Devnet Chain => Deployment.Chain;

    public PrivateKeySigner Owner { get; } = PrivateKeySigner.Generate();

    public Bytes32 Salt { get; } = Keccak256.Hash($"{kind}/{row}");

    /// <summary>Who the row's transfers go to (one per row: the chain is shared by the rows of a kind).</summary>
    public Address Recipient { get; } = new(Keccak256.Hash($"recipient/{kind}/{row}").ToArray().AsSpan(0, 20));

    /// <summary>The <c>UserOperationEvent.actualGasUsed</c> of a USE-mode transfer, when the row measured one.</summary>
    public string? UseGas { get; set; }

    private readonly List<PrivateKeySigner> _keys = [];

    /// <summary>A session for a new key: transfer of the token to anyone, at most <paramref name="limit"/>, with optional user-op policies.</summary>
    public (Session Session, PrivateKeySigner Key) Session(long limit, params PolicyData[] userOpPolicies)
    {
        var key = PrivateKeySigner.Generate();
        _keys.Add(key);
        var (validator, initData) = Deployment.SessionValidatorFor(key.Address);
        var action = new ActionData(Deployment.Token, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(Deployment.Token, limit, Deployment.SmartSessions.Policies));
        return (new Session(validator, initData, Bytes32.Zero, userOpPolicies, ERC7739Data.None, [action]), key);
    }

    /// <summary>A new counterfactual account of the row's kind for <see cref="Owner"/>, holding 1,000 tokens.</summary>
    public async Task<SmartAccount> NewAccountAsync(bool installSmartSession)
    {
        var account = await Deployment.CreateAccountAsync(Kind, Owner.Address, Salt, installSmartSession);
        await Chain.MintTestTokenAsync(Deployment.Token, account.Address, 1_000 * 1_000_000);
        return account;
    }

    /// <summary>A new account holding 1,000 tokens, SmartSession installed at creation, a session enabled by the owner (which deploys it).</summary>
    public async Task<(SmartAccount Account, Session Session, PrivateKeySigner Key)> AccountWithSessionAsync(long limit, params PolicyData[] userOpPolicies)
    {
        var account = await NewAccountAsync(installSmartSession: true);
        Assert.False(await account.IsDeployedAsync());
        var (session, key) = Session(limit, userOpPolicies);

        var enable = await account.EnableSessionAsync(session, Owner, UserOperationGas.Default with { CallGasLimit = 2_000_000 });

        Assert.True(enable.Success);
        Assert.True(await account.IsDeployedAsync());
        Assert.True(await account.IsSmartSessionInstalledAsync());
        Assert.True(await account.IsPermissionEnabledAsync(session.PermissionId));
        return (account, session, key);
    }

    public void Dispose()
    {
        Owner.Dispose();
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }
}
