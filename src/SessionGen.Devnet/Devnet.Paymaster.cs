using System;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Signing;

namespace SessionGen.Devnet;

/// <summary>The local sponsor: a VerifyingPaymaster with a deposit, behind an ERC-7677 service.</summary>
public sealed partial class Devnet
{
    private static readonly Selector DepositSelector = Selector.FromSignature("deposit()");
    private static readonly Selector GetDepositSelector = Selector.FromSignature("getDeposit()");
    private LocalPaymaster? _paymaster;
    private readonly SemaphoreSlim _paymasterStart = new(1, 1);

    /// <summary>
    /// Deploys the ERC-4337 sample <c>VerifyingPaymaster</c> (@account-abstraction/contracts 0.7.0) with a new verifying
    /// key and <paramref name="depositWei"/> (default 100 ETH) on the EntryPoint, and starts its ERC-7677 service, once:
    /// later calls return the same one. Stopped with the devnet.
    /// </summary>
    public async Task<LocalPaymaster> StartPaymasterAsync(BigInteger? depositWei = null, CancellationToken cancellationToken = default)
    {
        await _paymasterStart.WaitAsync(cancellationToken);
        try
        {
            if (_paymaster is not null)
            {
                return _paymaster;
            }

            var signer = PrivateKeySigner.Generate();
            var creation = _artifacts.Creation("VerifyingPaymaster");
            var code = new byte[creation.Length + (2 * AbiSize.Word)];
            creation.CopyTo(code, 0);
            var arguments = new AbiWriter(code, creation.Length, 2 * AbiSize.Word);
            arguments.WriteAddress(Contracts.EntryPoint);
            arguments.WriteAddress(signer.Address);
            var address = await DevnetDeployer.DeployWithCreate2Async(this, Bytes32.Zero, code, cancellationToken);
            await SendAsync(address, DevnetCalldata.NoArguments(DepositSelector), depositWei ?? BigInteger.Pow(10, 20), cancellationToken: cancellationToken);
            _paymaster = new LocalPaymaster(address, signer, ChainId);
            return _paymaster;
        }
        finally
        {
            _paymasterStart.Release();
        }
    }

    /// <summary>A paymaster's deposit on the EntryPoint (what it has left to sponsor with), in wei.</summary>
    public async Task<BigInteger> GetPaymasterDepositAsync(Address paymaster) =>
        new(await CallAsync(paymaster, DevnetCalldata.NoArguments(GetDepositSelector)), isUnsigned: true, isBigEndian: true);
}
