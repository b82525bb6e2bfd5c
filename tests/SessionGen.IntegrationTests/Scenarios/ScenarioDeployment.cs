using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.Protocol;
using SessionGen.UserOperations;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>The account kinds the scenario table runs on.</summary>
public enum ScenarioAccountKind
{
    /// <summary>ERC-7579 reference account (MSA).</summary>
    Msa,

    /// <summary>Safe 1.4.1 + Safe7579 (launchpad).</summary>
    Safe7579,

    /// <summary>Biconomy Nexus.</summary>
    Nexus,

    /// <summary>ZeroDev Kernel v3.</summary>
    Kernel,
}

/// <summary>
/// The deployment flavour the scenario table runs against: a chain with a SmartSession module, policies, an owner
/// validator in the OwnableValidator role, a session validator, a token, and factories for every account kind. The
/// fixture devnet and the upstream contracts are the two flavours of <see cref="DevnetDeployment"/>.
/// </summary>
public abstract class ScenarioDeployment
{
    /// <summary>A name for reports ("fixture devnet", "upstream").</summary>
    public abstract string Flavour { get; }

    /// <summary>The chain (minting, time travel, balances).</summary>
    public abstract SessionGen.Devnet.Devnet Chain { get; }

    /// <summary>The SmartSession module and its policies.</summary>
    public abstract SmartSessionDeployment SmartSessions { get; }

    /// <summary>The ERC-20 the sessions spend (6 decimals, open mint).</summary>
    public abstract Address Token { get; }

    /// <summary>The account kind with its factory contracts on this deployment.</summary>
    public abstract AccountKind GetAccountKind(ScenarioAccountKind kind);

    /// <summary>How a new account of the owner starts (owner validator with OwnableValidator init data; SmartSession or not).</summary>
    public abstract AccountCreation GetAccountCreation(Address owner, Bytes32 salt, bool installSmartSession);

    /// <summary>The session validator and its init data for one ECDSA session key.</summary>
    public abstract (Address Validator, byte[] InitData) SessionValidatorFor(Address sessionKey);

    /// <summary>A counterfactual account of <paramref name="kind"/> for <paramref name="owner"/>, funded with ETH for its operations.</summary>
    public async Task<SmartAccount> CreateAccountAsync(ScenarioAccountKind kind, Address owner, Bytes32 salt, bool installSmartSession)
    {
        var account = await SmartAccount.CreateAsync(Chain.CreateEntryPointClient(), GetAccountKind(kind), GetAccountCreation(owner, salt, installSmartSession), SmartSessions);
        await Chain.SetBalanceAsync(account.Address, System.Numerics.BigInteger.Pow(10, 18));
        return account;
    }
}

/// <summary>
/// A devnet of either flavour: the fixture one (legacy SmartSession, the project's policies and validators) or one with the
/// upstream contracts (<see cref="UpstreamDevnetFixture"/>); the account kinds' contracts are the same on both.
/// </summary>
public sealed class DevnetDeployment(SessionGen.Devnet.Devnet chain, string flavour) : ScenarioDeployment
{
    /// <inheritdoc/>
    public override string Flavour => flavour;

    /// <inheritdoc/>
    public override SessionGen.Devnet.Devnet Chain => chain;

    /// <inheritdoc/>
    public override SmartSessionDeployment SmartSessions => chain.SmartSessions;

    /// <inheritdoc/>
    public override Address Token => chain.Contracts.Usdc;

    /// <inheritdoc/>
    public override AccountKind GetAccountKind(ScenarioAccountKind kind) => kind switch
    {
        ScenarioAccountKind.Msa => chain.ReferenceAccounts,
        ScenarioAccountKind.Safe7579 => chain.SafeAccounts,
        ScenarioAccountKind.Nexus => chain.NexusAccounts,
        ScenarioAccountKind.Kernel => chain.KernelAccounts,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <inheritdoc/>
    public override AccountCreation GetAccountCreation(Address owner, Bytes32 salt, bool installSmartSession) =>
        chain.GetAccountCreation(owner, salt, installSmartSession);

    /// <inheritdoc/>
    public override (Address Validator, byte[] InitData) SessionValidatorFor(Address sessionKey) =>
        (chain.SmartSessions.OwnableValidator, SessionValidatorInitData.Ownable(1, sessionKey));
}
