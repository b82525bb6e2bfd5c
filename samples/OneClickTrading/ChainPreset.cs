using SessionGen;
using SessionGen.Protocol;
using SessionGen.UserOperations;

namespace OneClickTrading;

/// <summary>
/// A public network the sample can run on (<c>--chain</c>): its chain id, the current Smart Sessions deployment
/// (<see cref="SmartSessionDeployment.Current"/>: module-sdk 0.4.0's addresses, the same on every chain), the canonical
/// EntryPoint v0.7 and the network's USDC.
/// </summary>
internal sealed record ChainPreset(string Name, ulong ChainId, Address Usdc)
{
    /// <summary>The presets.</summary>
    public static readonly ChainPreset[] All =
    [
        new("base-sepolia", 84532, Address.Parse("0x036CbD53842c5426634e7929541eC2318f3dCF7e")),
        new("sepolia", 11155111, Address.Parse("0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238")),
    ];

    /// <summary>The SmartSession module, OwnableValidator and policies there.</summary>
    public SmartSessionDeployment SmartSessions => SmartSessionDeployment.Current;

    /// <summary>The EntryPoint v0.7 there.</summary>
    public Address EntryPoint => EntryPointV07.Address;

    /// <summary>The preset named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ChainPreset? Find(string name) => Array.Find(All, p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
