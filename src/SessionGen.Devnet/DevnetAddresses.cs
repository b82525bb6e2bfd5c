namespace SessionGen.Devnet;

/// <summary>The fixed addresses of the devnet: canonical ones and the ones the legacy SmartSession hard-codes.</summary>
public static class DevnetAddresses
{
    /// <summary>The deterministic CREATE2 deployer anvil predeploys (Arachnid's proxy).</summary>
    public static readonly Address Create2Deployer = Address.Parse("0x4e59b44847b379578588920cA78FbF26c0B4956C");

    /// <summary>
    /// The Safe Singleton Factory: the same CREATE2 proxy code as <see cref="Create2Deployer"/> at another address. The
    /// current Smart Sessions contracts were deployed through it, so their real addresses come out of CREATE2 from here
    /// (the upstream devnet places the proxy code at this address first).
    /// </summary>
    public static readonly Address SafeSingletonFactory = Address.Parse("0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7");

    /// <summary>ERC-4337 EntryPoint v0.7's canonical address.</summary>
    public static readonly Address EntryPointV07 = Address.Parse("0x0000000071727De22E5E9d8BAf0edAc6f37da032");

    /// <summary>The ERC-7484 registry address the legacy SmartSession calls on every enable.</summary>
    public static readonly Address Registry = Address.Parse("0x000000000069E2a187AEFFb852bF3cCdC95151B2");

    /// <summary>The legacy SmartSession's address in @rhinestone/module-sdk 0.1.25–0.1.32.</summary>
    public static readonly Address LegacySmartSession = Address.Parse("0xDDFF43A42726df11E34123f747bDce0f755F784d");
}
