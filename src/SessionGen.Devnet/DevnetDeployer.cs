using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SessionGen.Devnet;

/// <summary>
/// Puts every devnet contract in place. EntryPoint v0.7 and the devnet's own contracts go through the CREATE2
/// deployer (addresses depend on bytecode only); the registry stand-in and the legacy SmartSession, whose
/// addresses are hard-coded elsewhere, are placed with anvil_setCode; the factory's <c>init()</c> creates the
/// account implementation and bootstrap at CREATE(factory, 1) and CREATE(factory, 2).
/// All transactions are sent first and their receipts awaited together: anvil mines them in order.
/// </summary>
internal static class DevnetDeployer
{
    // The salt EntryPoint v0.7 was deployed with on every public chain (its canonical address depends on it).
    private static readonly Bytes32 EntryPointSalt = Bytes32.Parse("0x90d8084deab30c2a37c45e8d47f49f2f7965183cb6990a98943ef94940681de3");

    private static readonly Selector FactoryInit = Selector.FromSignature("init()");

    public static async Task<DevnetContracts> DeployAsync(Devnet devnet, DevnetArtifacts artifacts, CancellationToken cancellationToken)
    {
        var pending = new List<string>();

        var alreadyDeployed = new HashSet<Address>();

        // Deterministic addresses make a deployment onto a node that already has it (an attached node, a second run) a no-op.
        async Task<Address> Create2(Bytes32 salt, byte[] creationCode)
        {
            var address = Create2Address(DevnetAddresses.Create2Deployer, salt, creationCode);
            if ((await devnet.GetCodeAsync(address)).Length > 0)
            {
                alreadyDeployed.Add(address);
                return address;
            }

            var data = new byte[32 + creationCode.Length];
            salt.WriteTo(data);
            creationCode.CopyTo(data, 32);
            pending.Add(await devnet.SendWithoutWaitingAsync(DevnetAddresses.Create2Deployer, data, gas: 15_000_000));
            return address;
        }

        Task<Address> Deploy(string contract) => Create2(Bytes32.Zero, artifacts.Creation(contract));

        // modulekit's creation bytecode of the other account kinds, with its constructor arguments (ABI words) appended.
        Task<Address> DeployPrecompile(string name, params Address[] arguments)
        {
            var code = artifacts.Precompile(name);
            var withArguments = new byte[code.Length + (32 * arguments.Length)];
            code.CopyTo(withArguments, 0);
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i].WriteTo(withArguments.AsSpan(code.Length + (32 * i) + 12));
            }

            return Create2(Bytes32.Zero, withArguments);
        }

        var entryPoint = await Create2(EntryPointSalt, artifacts.EntryPointCreation);
        if (entryPoint != DevnetAddresses.EntryPointV07)
        {
            throw new InvalidOperationException($"EntryPoint artifact would land at {entryPoint}, not at the canonical {DevnetAddresses.EntryPointV07}.");
        }

        await devnet.SetCodeAsync(DevnetAddresses.Registry, artifacts.Runtime("PermissiveRegistry"));
        await devnet.SetCodeAsync(DevnetAddresses.LegacySmartSession, artifacts.SmartSessionRuntime);
        var factory = await Deploy("ERC7579Factory");
        if (!alreadyDeployed.Contains(factory))
        {
            pending.Add(await devnet.SendWithoutWaitingAsync(factory, DevnetCalldata.NoArguments(FactoryInit), gas: 15_000_000));
        }

        var nexusImplementation = await DeployPrecompile("NEXUS_BYTECODE", entryPoint);
        var kernelImplementation = await DeployPrecompile("KERNEL_BYTECODE", entryPoint);
        var contracts = new DevnetContracts
        {
            EntryPoint = entryPoint,
            SmartSession = DevnetAddresses.LegacySmartSession,
            Registry = DevnetAddresses.Registry,
            AccountFactory = factory,
            AccountImplementation = CreateAddress(factory, 1),
            AccountBootstrap = CreateAddress(factory, 2),
            OwnerValidator = await Deploy("OwnerValidator"),
            SessionKeyValidator = await Deploy("SessionKeyValidator"),
            SpendingLimitPolicy = await Deploy("SpendingLimitPolicy"),
            TimeFramePolicy = await Deploy("TimeFramePolicy"),
            UsageLimitPolicy = await Deploy("UsageLimitPolicy"),
            ValueLimitPolicy = await Deploy("ValueLimitPolicy"),
            SudoPolicy = await Deploy("SudoPolicy"),
            Usdc = await Deploy("TestUsdc"),
            SafeSingleton = await DeployPrecompile("SAFE_SINGLETON_BYTECODE"),
            SafeProxyFactory = await DeployPrecompile("SAFE_PROXY_FACTORY_BYTECODE"),
            Safe7579 = await DeployPrecompile("SAFE7579_BYTECODE"),
            // No registry: the launchpad would make every Safe trust attesters at it.
            Safe7579Launchpad = await DeployPrecompile("SAFE7579_LAUNCHPAD_BYTECODE", entryPoint, Address.Zero),
            NexusImplementation = nexusImplementation,
            NexusBootstrap = await DeployPrecompile("NEXUS_BOOTSTRAP_BYTECODE"),
            NexusFactory = await DeployPrecompile("NEXUS_ACCOUNT_FACTORY_BYTECODE", nexusImplementation, devnet.Keys[0].Address),
            KernelImplementation = kernelImplementation,
            KernelFactory = await DeployPrecompile("KERNEL_FACTORY_BYTECODE", kernelImplementation),
        };

        foreach (var hash in pending)
        {
            var receipt = await devnet.WaitForReceiptAsync(hash, cancellationToken);
            if (receipt.Status?.Value != System.Numerics.BigInteger.One)
            {
                throw new DevnetTransactionException(receipt);
            }
        }

        // The CREATE2 deployer does not revert when the creation fails: check that code landed.
        foreach (var (name, address) in new[]
                 {
                     (nameof(contracts.EntryPoint), contracts.EntryPoint),
                     (nameof(contracts.AccountFactory), contracts.AccountFactory),
                     (nameof(contracts.AccountImplementation), contracts.AccountImplementation),
                     (nameof(contracts.AccountBootstrap), contracts.AccountBootstrap),
                     (nameof(contracts.Usdc), contracts.Usdc),
                     (nameof(contracts.SafeSingleton), contracts.SafeSingleton),
                     (nameof(contracts.SafeProxyFactory), contracts.SafeProxyFactory),
                     (nameof(contracts.Safe7579), contracts.Safe7579),
                     (nameof(contracts.Safe7579Launchpad), contracts.Safe7579Launchpad),
                     (nameof(contracts.NexusImplementation), contracts.NexusImplementation),
                     (nameof(contracts.NexusBootstrap), contracts.NexusBootstrap),
                     (nameof(contracts.NexusFactory), contracts.NexusFactory),
                     (nameof(contracts.KernelImplementation), contracts.KernelImplementation),
                     (nameof(contracts.KernelFactory), contracts.KernelFactory),
                 })
        {
            if ((await devnet.GetCodeAsync(address)).Length == 0)
            {
                throw new InvalidOperationException($"Devnet deployment left no code at {name} ({address}).");
            }
        }

        return contracts;
    }

    /// <summary>Deploys creation code through the CREATE2 deployer, waits for it, and checks that code landed.</summary>
    public static async Task<Address> DeployWithCreate2Async(Devnet devnet, Bytes32 salt, byte[] creationCode, CancellationToken cancellationToken)
    {
        var address = Create2Address(DevnetAddresses.Create2Deployer, salt, creationCode);
        if ((await devnet.GetCodeAsync(address)).Length > 0)
        {
            throw new InvalidOperationException($"There is already a contract at {address} (salt {salt}).");
        }

        var data = new byte[32 + creationCode.Length];
        salt.WriteTo(data);
        creationCode.CopyTo(data, 32);
        await devnet.SendAsync(DevnetAddresses.Create2Deployer, data, gas: 15_000_000, cancellationToken: cancellationToken);
        return (await devnet.GetCodeAsync(address)).Length > 0
            ? address
            : throw new InvalidOperationException($"CREATE2 deployment with salt {salt} left no code at {address}.");
    }

    /// <summary>keccak256(0xff ‖ deployer ‖ salt ‖ keccak256(initCode))[12..].</summary>
    internal static Address Create2Address(Address deployer, Bytes32 salt, ReadOnlySpan<byte> initCode)
    {
        Span<byte> preimage = stackalloc byte[1 + 20 + 32 + 32];
        preimage[0] = 0xff;
        deployer.WriteTo(preimage[1..21]);
        salt.WriteTo(preimage[21..53]);
        Keccak256.Hash(initCode, preimage[53..]);
        return AddressFromHash(preimage);
    }

    /// <summary>keccak256(rlp([sender, nonce]))[12..] for a nonce of 1–127 (a single-byte RLP integer).</summary>
    internal static Address CreateAddress(Address sender, byte nonce)
    {
        if (nonce is 0 or > 0x7f)
        {
            throw new ArgumentOutOfRangeException(nameof(nonce), nonce, "Only nonces 1–127 are supported.");
        }

        Span<byte> rlp = stackalloc byte[23];
        rlp[0] = 0xc0 + 22; // list of 22 bytes
        rlp[1] = 0x80 + 20; // 20-byte string
        sender.WriteTo(rlp[2..22]);
        rlp[22] = nonce;
        return AddressFromHash(rlp);
    }

    private static Address AddressFromHash(ReadOnlySpan<byte> preimage)
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(preimage, hash);
        return new Address(hash[12..]);
    }
}
