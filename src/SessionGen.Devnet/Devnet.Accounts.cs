using System;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;

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

    /// <summary>How a reference account (MSA) for <paramref name="owner"/> is created on this devnet: its factory, bootstrap, owner validator and SmartSession.</summary>
    public ReferenceAccountSetup GetAccountSetup(Address owner, Bytes32 salt = default) =>
        new(Contracts.AccountFactory, Contracts.AccountBootstrap, Contracts.OwnerValidator, owner, SmartSessions) { Salt = salt };

    /// <summary>
    /// A counterfactual reference account for <paramref name="owner"/> with 1 ETH to pay for its operations
    /// (deployed by the owner's first operation, e.g. <see cref="SmartAccount.EnableSessionAsync"/>).
    /// </summary>
    public async Task<SmartAccount> CreateAccountAsync(Address owner, Bytes32 salt = default, EntryPointClient? entryPoint = null)
    {
        var account = await SmartAccount.CreateAsync(entryPoint ?? CreateEntryPointClient(), GetAccountSetup(owner, salt));
        await SetBalanceAsync(account.Address, System.Numerics.BigInteger.Pow(10, 18));
        return account;
    }
}
