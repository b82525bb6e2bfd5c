using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Protocol;

namespace SessionGen.Devnet;

/// <summary>
/// Puts every devnet contract in place. EntryPoint v0.7 and the devnet's own contracts go through the CREATE2
/// deployer (addresses depend on bytecode only); the registry stand-in and the legacy SmartSession, whose
/// addresses are hard-coded elsewhere, are placed with anvil_setCode; on the upstream devnet the current SmartSession,
/// its policies and OwnableValidator go through the Safe Singleton Factory with their upstream salts, which lands them
/// at their real addresses (checked); the factory's <c>init()</c> creates the
/// account implementation and bootstrap at CREATE(factory, 1) and CREATE(factory, 2).
/// All transactions are sent first and their receipts awaited together: anvil mines them in order.
/// </summary>
internal static class DevnetDeployer
{
    // The salt EntryPoint v0.7 was deployed with on every public chain (its canonical address depends on it).
    private static readonly Bytes32 EntryPointSalt = Bytes32.Parse("0x90d8084deab30c2a37c45e8d47f49f2f7965183cb6990a98943ef94940681de3");

    private static readonly Selector FactoryInit = Selector.FromSignature("init()");

    public static async Task<DevnetContracts> DeployAsync(Devnet devnet, DevnetArtifacts artifacts, UpstreamArtifacts? upstream, CancellationToken cancellationToken)
    {
        var pending = new List<string>();

        var alreadyDeployed = new HashSet<Address>();

        // Deterministic addresses make a deployment onto a node that already has it (an attached node, a second run) a no-op.
        async Task<Address> Create2(Address deployer, Bytes32 salt, byte[] creationCode)
        {
            var address = Create2Address(deployer, salt, creationCode);
            if ((await devnet.GetCodeAsync(address)).Length > 0)
            {
                alreadyDeployed.Add(address);
                return address;
            }

            var data = new byte[32 + creationCode.Length];
            salt.WriteTo(data);
            creationCode.CopyTo(data, 32);
            pending.Add(await devnet.SendWithoutWaitingAsync(deployer, data, gas: 15_000_000));
            return address;
        }

        Task<Address> Deploy(string contract) => Create2(DevnetAddresses.Create2Deployer, Bytes32.Zero, artifacts.Creation(contract));

        // Safe 1.4.1 + Safe7579, Nexus and Kernel v3 from modulekit's precompiled bytecode (the same in both flavours).
        async Task<DevnetAccountContracts> DeployAccountKindsAsync(Address entryPoint)
        {
            var nexus = await DeployPrecompile("NEXUS_BYTECODE", entryPoint);
            var kernel = await DeployPrecompile("KERNEL_BYTECODE", entryPoint);
            return new DevnetAccountContracts
            {
                SafeSingleton = await DeployPrecompile("SAFE_SINGLETON_BYTECODE"),
                SafeProxyFactory = await DeployPrecompile("SAFE_PROXY_FACTORY_BYTECODE"),
                Safe7579 = await DeployPrecompile("SAFE7579_BYTECODE"),
                // No registry: the launchpad would make every Safe trust attesters at it.
                Safe7579Launchpad = await DeployPrecompile("SAFE7579_LAUNCHPAD_BYTECODE", entryPoint, Address.Zero),
                NexusImplementation = nexus,
                NexusBootstrap = await DeployPrecompile("NEXUS_BOOTSTRAP_BYTECODE"),
                NexusFactory = await DeployPrecompile("NEXUS_ACCOUNT_FACTORY_BYTECODE", nexus, devnet.Keys[0].Address),
                KernelImplementation = kernel,
                KernelFactory = await DeployPrecompile("KERNEL_FACTORY_BYTECODE", kernel),
            };
        }

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

            return Create2(DevnetAddresses.Create2Deployer, Bytes32.Zero, withArguments);
        }

        var entryPoint = await Create2(DevnetAddresses.Create2Deployer, EntryPointSalt, artifacts.EntryPointCreation);
        if (entryPoint != DevnetAddresses.EntryPointV07)
        {
            throw new InvalidOperationException($"EntryPoint artifact would land at {entryPoint}, not at the canonical {DevnetAddresses.EntryPointV07}.");
        }

        await devnet.SetCodeAsync(DevnetAddresses.Registry, artifacts.Runtime("PermissiveRegistry"));
        var factory = await Deploy("ERC7579Factory");
        if (!alreadyDeployed.Contains(factory))
        {
            pending.Add(await devnet.SendWithoutWaitingAsync(factory, DevnetCalldata.NoArguments(FactoryInit), gas: 15_000_000));
        }

        var common = (
            EntryPoint: entryPoint,
            Factory: factory,
            OwnerValidator: await Deploy("OwnerValidator"),
            Usdc: await Deploy("TestUsdc"),
            AccountKinds: await DeployAccountKindsAsync(entryPoint));

        DevnetContracts contracts;
        if (upstream is null)
        {
            await devnet.SetCodeAsync(DevnetAddresses.LegacySmartSession, artifacts.SmartSessionRuntime);
            contracts = new DevnetContracts
            {
                EntryPoint = common.EntryPoint,
                SmartSession = DevnetAddresses.LegacySmartSession,
                Registry = DevnetAddresses.Registry,
                AccountFactory = common.Factory,
                AccountImplementation = CreateAddress(common.Factory, 1),
                AccountBootstrap = CreateAddress(common.Factory, 2),
                OwnerValidator = common.OwnerValidator,
                SessionKeyValidator = await Deploy("SessionKeyValidator"),
                SpendingLimitPolicy = await Deploy("SpendingLimitPolicy"),
                TimeFramePolicy = await Deploy("TimeFramePolicy"),
                UsageLimitPolicy = await Deploy("UsageLimitPolicy"),
                ValueLimitPolicy = await Deploy("ValueLimitPolicy"),
                UniActionPolicy = await Deploy("UniActionPolicy"),
                SudoPolicy = await Deploy("SudoPolicy"),
                Usdc = common.Usdc,
                AccountKinds = common.AccountKinds,
            };
        }
        else
        {
            // The upstream contracts went out through the Safe Singleton Factory: the same proxy code, placed at its address.
            await devnet.SetCodeAsync(DevnetAddresses.SafeSingletonFactory, await devnet.GetCodeAsync(DevnetAddresses.Create2Deployer));
            var real = SmartSessionDeployment.Current;
            async Task<Address> DeployUpstream(string contract, Address expected)
            {
                var (creation, salt) = upstream.Get(contract);
                var address = await Create2(DevnetAddresses.SafeSingletonFactory, salt, creation);
                return address == expected
                    ? address
                    : throw new InvalidOperationException(
                        $"Upstream {contract} lands at {address}, not at its deployed address {expected}: the build is not the deployed bytecode (other commit or compiler?).");
            }

            contracts = new DevnetContracts
            {
                EntryPoint = common.EntryPoint,
                SmartSession = await DeployUpstream("SmartSession", real.SmartSession),
                Registry = DevnetAddresses.Registry,
                AccountFactory = common.Factory,
                AccountImplementation = CreateAddress(common.Factory, 1),
                AccountBootstrap = CreateAddress(common.Factory, 2),
                OwnerValidator = common.OwnerValidator,
                SessionKeyValidator = await DeployUpstream("OwnableValidator", real.OwnableValidator),
                SpendingLimitPolicy = await DeployUpstream("ERC20SpendingLimitPolicy", real.Policies.ERC20SpendingLimit),
                TimeFramePolicy = await DeployUpstream("TimeFramePolicy", real.Policies.TimeFrame),
                UsageLimitPolicy = await DeployUpstream("UsageLimitPolicy", real.Policies.UsageLimit),
                ValueLimitPolicy = await DeployUpstream("ValueLimitPolicy", real.Policies.ValueLimit),
                UniActionPolicy = await DeployUpstream("UniActionPolicy", real.Policies.UniversalAction),
                SudoPolicy = await DeployUpstream("SudoPolicy", real.Policies.Sudo),
                Usdc = common.Usdc,
                AccountKinds = common.AccountKinds,
            };
        }

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
                     (nameof(contracts.SmartSession), contracts.SmartSession),
                     (nameof(contracts.SessionKeyValidator), contracts.SessionKeyValidator),
                     (nameof(contracts.UniActionPolicy), contracts.UniActionPolicy),
                 }.Concat(contracts.AccountKinds.All))
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
