using System;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Devnet;

/// <summary>The runtime's account and transport types, wired to this devnet's contracts.</summary>
public sealed partial class Devnet
{
    /// <summary>
    /// The SmartSession deployment on this devnet. Fixture (the default): the legacy module
    /// (<see cref="SmartSessionVersion.Legacy"/>), the devnet's session validator in the OwnableValidator role (it reads
    /// OwnableValidator's init data as well as a single 20-byte key) and the devnet's policies, which behave as the
    /// upstream ones. Upstream (<see cref="DevnetOptions.UpstreamContracts"/>): the current module
    /// (<see cref="SmartSessionVersion.Current"/>), OwnableValidator and the upstream policies at their real addresses,
    /// i.e. <see cref="SmartSessionDeployment.Current"/>. Either way the time-frame policy reads 12-byte (uint48, uint48) init data.
    /// </summary>
    public SmartSessionDeployment SmartSessions => new(
        Upstream is null ? SmartSessionVersion.Legacy : SmartSessionVersion.Current,
        Contracts.SmartSession,
        Contracts.SessionKeyValidator,
        new PolicyAddresses(
            Sudo: Contracts.SudoPolicy,
            TimeFrame: Contracts.TimeFramePolicy,
            UsageLimit: Contracts.UsageLimitPolicy,
            ValueLimit: Contracts.ValueLimitPolicy,
            ERC20SpendingLimit: Contracts.SpendingLimitPolicy,
            UniversalAction: Contracts.UniActionPolicy,
            TimeFrameLayout: TimeFrameLayout.PackedUInt48));

    /// <summary>
    /// An <see cref="EntryPointClient"/> on this devnet whose <c>handleOps</c> transactions are paid by a dev key (default
    /// <see cref="Keys"/>[0]); with <paramref name="paymaster"/>, the operations' gas is sponsored by that ERC-7677 service.
    /// </summary>
    public EntryPointClient CreateEntryPointClient(DevKey? bundler = null, PaymasterClient? paymaster = null) =>
        new(_rpc, ChainId, PrivateKeySigner.FromPrivateKey((bundler ?? Keys[0]).PrivateKey), Contracts.EntryPoint) { Paymaster = paymaster };

    /// <summary>The ERC-7579 reference account (MSA) with this devnet's factory and bootstrap.</summary>
    public AccountKind ReferenceAccounts => new Erc7579ReferenceAccountKind(Contracts.AccountFactory, Contracts.AccountBootstrap);

    /// <summary>Safe 1.4.1 + Safe7579 with this devnet's proxy factory, singleton, adapter and launchpad.</summary>
    public AccountKind SafeAccounts => new Safe7579AccountKind(Contracts.AccountKinds.SafeProxyFactory, Contracts.AccountKinds.SafeSingleton, Contracts.AccountKinds.Safe7579, Contracts.AccountKinds.Safe7579Launchpad);

    /// <summary>Biconomy Nexus with this devnet's factory and bootstrap.</summary>
    public AccountKind NexusAccounts => new NexusAccountKind(Contracts.AccountKinds.NexusFactory, Contracts.AccountKinds.NexusBootstrap);

    /// <summary>ZeroDev Kernel v3 with this devnet's factory.</summary>
    public AccountKind KernelAccounts => new KernelAccountKind(Contracts.AccountKinds.KernelFactory);

    /// <summary>
    /// How an account for <paramref name="owner"/> starts on this devnet: the owner validator (OwnableValidator's init
    /// data, threshold 1) and, unless <paramref name="installSmartSession"/> is false, the SmartSession module.
    /// </summary>
    public AccountCreation GetAccountCreation(Address owner, Bytes32 salt = default, bool installSmartSession = true) =>
        new(new ModuleInit(Contracts.OwnerValidator, OwnableValidatorInitData.ForOwner(owner)))
        {
            OtherValidators = installSmartSession ? [new ModuleInit(Contracts.SmartSession, ReadOnlyMemory<byte>.Empty)] : [],
            Salt = salt,
        };

    /// <summary>
    /// A counterfactual account for <paramref name="owner"/> with 1 ETH to pay for its operations (deployed by the owner's
    /// first operation, e.g. <see cref="SmartAccount.EnableSessionAsync"/>).
    /// </summary>
    /// <param name="owner">The owner (threshold 1 on the devnet's owner validator).</param>
    /// <param name="salt">Different salts give the same owner different accounts.</param>
    /// <param name="entryPoint">The transport; default <see cref="CreateEntryPointClient"/>.</param>
    /// <param name="kind">The account kind; default <see cref="ReferenceAccounts"/>.</param>
    /// <param name="installSmartSession">Whether the SmartSession module is installed at creation (else: <see cref="SmartAccount.InstallSmartSessionAsync"/>).</param>
    public async Task<SmartAccount> CreateAccountAsync(Address owner, Bytes32 salt = default, EntryPointClient? entryPoint = null, AccountKind? kind = null, bool installSmartSession = true)
    {
        var account = await SmartAccount.CreateAsync(entryPoint ?? CreateEntryPointClient(), kind ?? ReferenceAccounts, GetAccountCreation(owner, salt, installSmartSession), SmartSessions);
        await SetBalanceAsync(account.Address, System.Numerics.BigInteger.Pow(10, 18));
        return account;
    }
}
