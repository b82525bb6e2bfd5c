using System;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Sessions;
using SessionGen.Protocol;
using SessionGen.Signing;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// One scenario's world on a devnet of either flavour: an owner, a session key, an account of its own (salt from the
/// scenario's name) holding 1,000 USDC and 1 ETH, and sessions on the devnet's session validator in its OwnableValidator
/// role. Steps go to the chain without the runtime's pre-flight guard: the chain's own answer is what is compared.
/// </summary>
internal sealed class ScenarioRun(SessionGen.Devnet.Devnet chain, string name) : IDisposable
{
    public const long Usdc = OnChainSessions.Usdc;
    public static readonly Address Bob = OnChainSessions.Bob;
    public static readonly Address Carol = Address.Parse("0x00000000000000000000000000000000000ca201");

    private SmartAccount? _account;

    public SessionGen.Devnet.Devnet Chain { get; } = chain;

    public PolicyAddresses Policies => Chain.SmartSessions.Policies;

    public Address UsdcToken => Chain.Contracts.Usdc;

    public PrivateKeySigner Owner { get; } = PrivateKeySigner.Generate();

    public PrivateKeySigner SessionKey { get; } = PrivateKeySigner.Generate();

    /// <summary>Runs the table's row named <paramref name="scenario"/> on <paramref name="chain"/> and logs its outcome for eng/upstream.sh.</summary>
    public static async Task<(PolicyScenario Row, string Outcome)> RunAsync(SessionGen.Devnet.Devnet chain, string scenario, string flavour)
    {
        var row = PolicyScenarios.Get(scenario);
        using var run = new ScenarioRun(chain, scenario);
        var outcome = await row.Run(run);
        ScenarioOutcomeLog.RecordOutcome(flavour, row, outcome);
        return (row, outcome);
    }

    /// <summary>A session for the scenario's key (OwnableValidator data, threshold 1) with these policies.</summary>
    public Session Session(PolicyData[] userOpPolicies, params ActionData[] actions) =>
        new(Chain.SmartSessions.OwnableValidator, SessionValidatorInitData.Ownable(1, SessionKey.Address), Bytes32.Zero, userOpPolicies, ERC7739Data.None, actions);

    /// <summary>A session with one action and no user-op policies.</summary>
    public Session Session(Address target, Selector selector, params PolicyData[] actionPolicies) =>
        Session([], new ActionData(target, selector, actionPolicies));

    /// <summary>The owner enables the session (deploying the account on the first operation).</summary>
    public async Task<string> EnableAsync(Session session)
    {
        var account = await AccountAsync();
        return await ChainOutcome.OfAsync(() => account.EnableSessionAsync(session, Owner), Policies);
    }

    /// <summary>The session key sends the calls as one operation, unchecked by the runtime.</summary>
    public async Task<string> UseAsync(Session session, params Call[] calls)
    {
        var account = await AccountAsync();
        return await ChainOutcome.OfAsync(() => OnChainSessions.SendUncheckedAsync(account, session, calls, SessionKey), Policies);
    }

    /// <summary>
    /// ENABLE mode: the owner signs the session offline and the key's first operation enables it and makes
    /// <paramref name="calls"/> (checked by the runtime's guard: the calls are meant to be within the session).
    /// </summary>
    public async Task<string> EnableWithFirstCallAsync(Session session, params Call[] calls)
    {
        var account = await AccountAsync();
        await Chain.SetBalanceAsync(account.Address, System.Numerics.BigInteger.Pow(10, 18)); // the first operation deploys it
        var approval = await account.SignEnableSessionAsync(session, Owner);
        return await ChainOutcome.OfAsync(() => account.ExecuteAsync(approval, calls, SessionKey), Policies);
    }

    /// <summary>The owner removes the session.</summary>
    public async Task RemovedAsync(Session session)
    {
        var account = await AccountAsync();
        Require(await ChainOutcome.OfAsync(() => account.RemoveSessionAsync(session.PermissionId, Owner), Policies), "removing the session");
    }

    /// <summary>A step the scenario needs to succeed before its last one; anything else fails the scenario here.</summary>
    public static void Require(string outcome, string step)
    {
        if (outcome != ChainOutcome.Ok)
        {
            throw new InvalidOperationException($"{step}: expected {ChainOutcome.Ok}, the chain said {outcome}.");
        }
    }

    /// <summary>Enables the session and requires it to succeed.</summary>
    public async Task EnabledAsync(Session session) => Require(await EnableAsync(session), "enabling the session");

    /// <summary>Uses the session and requires it to succeed.</summary>
    public async Task UsedAsync(Session session, params Call[] calls) => Require(await UseAsync(session, calls), "a call within the session");

    /// <summary>
    /// The usual shape of a row: the owner enables the session, the key makes the calls of <paramref name="before"/>
    /// (one operation each, all required to succeed), and the outcome is that of <paramref name="last"/>.
    /// </summary>
    public async Task<string> AfterEnablingAsync(Session session, Call[] before, params Call[] last)
    {
        await EnabledAsync(session);
        foreach (var call in before)
        {
            await UsedAsync(session, call);
        }

        return await UseAsync(session, last);
    }

    /// <summary>A second test token of the scenario's own, with 1,000 units in the account.</summary>
    public async Task<Address> OtherTokenAsync()
    {
        var account = await AccountAsync();
        var token = await Chain.DeployTestTokenAsync(Keccak256.Hash("other token of " + name));
        await Chain.MintTestTokenAsync(token, account.Address, 1_000 * Usdc);
        return token;
    }

    /// <summary>The chain's time (block.timestamp) as Unix seconds: time frames are judged by it.</summary>
    public async Task<ulong> ChainTimeAsync() => (ulong)(await Chain.GetChainTimeAsync()).ToUnixTimeSeconds();

    private async Task<SmartAccount> AccountAsync()
    {
        if (_account is null)
        {
            _account = await Chain.CreateAccountAsync(Owner.Address, Keccak256.Hash(name));
            await Chain.MintUsdcAsync(_account.Address, 1_000 * Usdc);
        }

        return _account;
    }

    public void Dispose()
    {
        Owner.Dispose();
        SessionKey.Dispose();
    }
}
