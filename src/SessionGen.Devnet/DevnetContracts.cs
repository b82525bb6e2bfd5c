namespace SessionGen.Devnet;

/// <summary>
/// Where the devnet's contracts are. The fixed ones are also constants on <see cref="DevnetAddresses"/>. On the fixture
/// devnet (the default) the SmartSession is the legacy build and the validators and policies are the devnet's own; on
/// the upstream devnet (<see cref="DevnetOptions.UpstreamContracts"/>) the SmartSession, the policies and the session
/// validator are the current upstream contracts at their real addresses.
/// </summary>
public sealed record DevnetContracts
{
    /// <summary>ERC-4337 EntryPoint v0.7, at its canonical address.</summary>
    public required Address EntryPoint { get; init; }

    /// <summary>
    /// The SmartSession module: the legacy build (modulekit 0.5.9 runtime) at module-sdk 0.1.x's address, or on the upstream
    /// devnet the current build at module-sdk 0.4.0's.
    /// </summary>
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

    /// <summary>
    /// The session validator (type 7). Fixture: the devnet's ECDSA validator, reading a single key
    /// (<c>abi.encodePacked(address key)</c>) or OwnableValidator's init data. Upstream: Rhinestone's OwnableValidator
    /// (<c>abi.encode(uint256 threshold, address[] owners)</c> only).
    /// </summary>
    public required Address SessionKeyValidator { get; init; }

    /// <summary>ERC-20 spending-limit action policy: <c>abi.encode(address[] tokens, uint256[] limits)</c>.</summary>
    public required Address SpendingLimitPolicy { get; init; }

    /// <summary>Time-frame policy: <c>abi.encodePacked(uint48 validUntil, uint48 validAfter)</c>.</summary>
    public required Address TimeFramePolicy { get; init; }

    /// <summary>Usage-limit policy: <c>abi.encodePacked(uint128 limit)</c>.</summary>
    public required Address UsageLimitPolicy { get; init; }

    /// <summary>Native-value limit action policy: <c>abi.encode(uint256 limit)</c>.</summary>
    public required Address ValueLimitPolicy { get; init; }

    /// <summary>Universal action policy (UniActionPolicy): <c>abi.encode(ActionConfig)</c>, a value limit per call and rules on call parameters.</summary>
    public required Address UniActionPolicy { get; init; }

    /// <summary>Sudo policy: allows everything.</summary>
    public required Address SudoPolicy { get; init; }

    /// <summary>"USD Coin (test)" (USDC), 6 decimals; <c>mint(address,uint256)</c> is open to anyone.</summary>
    public required Address Usdc { get; init; }

    /// <summary>The other account kinds' contracts: Safe 1.4.1 + Safe7579, Nexus, Kernel v3.</summary>
    public required DevnetAccountContracts AccountKinds { get; init; }
}
