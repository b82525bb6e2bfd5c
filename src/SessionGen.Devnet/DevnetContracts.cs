namespace SessionGen.Devnet;

/// <summary>Where the devnet's contracts are. The fixed ones are also constants on <see cref="DevnetAddresses"/>.</summary>
public sealed record DevnetContracts
{
    /// <summary>ERC-4337 EntryPoint v0.7, at its canonical address.</summary>
    public required Address EntryPoint { get; init; }

    /// <summary>The legacy SmartSession module (modulekit 0.5.9 runtime), at module-sdk 0.1.x's address.</summary>
    public required Address SmartSession { get; init; }

    /// <summary>The permissive ERC-7484 registry stand-in, at the address the legacy SmartSession calls.</summary>
    public required Address Registry { get; init; }

    /// <summary>modulekit's ERC7579Factory for the ERC-7579 reference account (MSA).</summary>
    public required Address AccountFactory { get; init; }

    /// <summary>The MSA implementation the factory's proxies delegate to (CREATE(factory, 1)).</summary>
    public required Address AccountImplementation { get; init; }

    /// <summary>The MSA bootstrap (<c>initMSA</c>) used in account init code (CREATE(factory, 2)).</summary>
    public required Address AccountBootstrap { get; init; }

    /// <summary>
    /// Threshold ECDSA owner validator (ERC-7579 types 1 and 7) behaving as Rhinestone's OwnableValidator:
    /// <c>onInstall(abi.encode(uint256 threshold, address[] owners))</c>, owners sorted; user ops eth_sign, ERC-1271 raw hash.
    /// </summary>
    public required Address OwnerValidator { get; init; }

    /// <summary>Single-key ECDSA session validator (type 7): init data <c>abi.encodePacked(address key)</c>; raw hash.</summary>
    public required Address SessionKeyValidator { get; init; }

    /// <summary>ERC-20 spending-limit action policy: <c>abi.encode(address[] tokens, uint256[] limits)</c>.</summary>
    public required Address SpendingLimitPolicy { get; init; }

    /// <summary>Time-frame policy: <c>abi.encodePacked(uint48 validUntil, uint48 validAfter)</c>.</summary>
    public required Address TimeFramePolicy { get; init; }

    /// <summary>Usage-limit policy: <c>abi.encodePacked(uint128 limit)</c>.</summary>
    public required Address UsageLimitPolicy { get; init; }

    /// <summary>Native-value limit action policy: <c>abi.encode(uint256 limit)</c>.</summary>
    public required Address ValueLimitPolicy { get; init; }

    /// <summary>Sudo policy: allows everything.</summary>
    public required Address SudoPolicy { get; init; }

    /// <summary>"USD Coin (test)" (USDC), 6 decimals; <c>mint(address,uint256)</c> is open to anyone.</summary>
    public required Address Usdc { get; init; }

    /// <summary>The Safe 1.4.1 singleton (modulekit 0.5.9 bytecode).</summary>
    public required Address SafeSingleton { get; init; }

    /// <summary>SafeProxyFactory 1.4.1.</summary>
    public required Address SafeProxyFactory { get; init; }

    /// <summary>Rhinestone's Safe7579 adapter 1.0.0.</summary>
    public required Address Safe7579 { get; init; }

    /// <summary>The Safe7579Launchpad 1.0.0 (entry point v0.7, no registry).</summary>
    public required Address Safe7579Launchpad { get; init; }

    /// <summary>The Nexus 1.0.1 implementation.</summary>
    public required Address NexusImplementation { get; init; }

    /// <summary>The NexusBootstrap 1.0.0 (<c>initNexus</c>).</summary>
    public required Address NexusBootstrap { get; init; }

    /// <summary>The NexusAccountFactory for <see cref="NexusImplementation"/>.</summary>
    public required Address NexusFactory { get; init; }

    /// <summary>The Kernel 0.3.1 implementation.</summary>
    public required Address KernelImplementation { get; init; }

    /// <summary>The KernelFactory for <see cref="KernelImplementation"/>.</summary>
    public required Address KernelFactory { get; init; }
}
