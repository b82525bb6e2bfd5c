using System;

namespace SessionGen.Protocol;

/// <summary>
/// Where a SmartSession module generation and its companion contracts live on a chain. The defaults are the
/// deterministic (same on every chain) addresses of each generation; a devnet passes its own with <c>with { … }</c>.
/// </summary>
/// <param name="Version">The module generation (selects struct layouts and EIP-712 types).</param>
/// <param name="SmartSession">The SmartSession module.</param>
/// <param name="OwnableValidator">The OwnableValidator (a multi-owner ECDSA session validator).</param>
/// <param name="Policies">The policy contracts.</param>
public sealed record SmartSessionDeployment(SmartSessionVersion Version, Address SmartSession, Address OwnableValidator, PolicyAddresses Policies)
{
    /// <summary>
    /// The current generation, from <c>GLOBAL_CONSTANTS</c> of @rhinestone/module-sdk 0.4.0
    /// (SMART_SESSIONS_ADDRESS, OWNABLE_VALIDATOR_ADDRESS; the SDK's root export OWNABLE_VALIDATOR_ADDRESS is a different, older one).
    /// </summary>
    public static SmartSessionDeployment Current { get; } = new(
        SmartSessionVersion.Current,
        Address.Parse("0x00000000008bDABA73cD9815d79069c247Eb4bDA"),
        Address.Parse("0x000000000013fdB5234E4E3162a810F54d9f7E98"),
        PolicyAddresses.Current);

    /// <summary>
    /// The legacy generation, from @rhinestone/module-sdk 0.1.32 (its SMART_SESSIONS_ADDRESS and OWNABLE_VALIDATOR_ADDRESS).
    /// On a devnet the module is placed elsewhere: pass that address with <c>with { SmartSession = … }</c>.
    /// </summary>
    public static SmartSessionDeployment Legacy { get; } = new(
        SmartSessionVersion.Legacy,
        Address.Parse("0xDDFF43A42726df11E34123f747bDce0f755F784d"),
        Address.Parse("0x2483DA3A338895199E5e538530213157e931Bf06"),
        PolicyAddresses.Legacy);

    /// <summary>The default deployment of a generation.</summary>
    public static SmartSessionDeployment For(SmartSessionVersion version) => version switch
    {
        SmartSessionVersion.Current => Current,
        SmartSessionVersion.Legacy => Legacy,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown SmartSession version."),
    };
}
