namespace SessionGen.Protocol;

/// <summary>
/// The policy contracts a session refers to, and the init-data layout of the time-frame policy deployed there.
/// </summary>
/// <param name="Sudo">SudoPolicy (allows everything).</param>
/// <param name="TimeFrame">TimeFramePolicy (valid after / until).</param>
/// <param name="UsageLimit">UsageLimitPolicy (number of uses).</param>
/// <param name="ValueLimit">ValueLimitPolicy (native value).</param>
/// <param name="ERC20SpendingLimit">ERC20SpendingLimitPolicy (token amounts).</param>
/// <param name="UniversalAction">UniActionPolicy (rules on call parameters).</param>
/// <param name="TimeFrameLayout">How the time-frame policy at <paramref name="TimeFrame"/> reads its init data.</param>
public sealed record PolicyAddresses(
    Address Sudo,
    Address TimeFrame,
    Address UsageLimit,
    Address ValueLimit,
    Address ERC20SpendingLimit,
    Address UniversalAction,
    TimeFrameLayout TimeFrameLayout = TimeFrameLayout.PackedUInt48)
{
    /// <summary>
    /// The current deployment, from <c>GLOBAL_CONSTANTS</c> of @rhinestone/module-sdk 0.4.0 (SUDO_POLICY_ADDRESS,
    /// TIME_FRAME_POLICY_ADDRESS, USAGE_LIMIT_POLICY_ADDRESS, VALUE_LIMIT_POLICY_ADDRESS, SPENDING_LIMITS_POLICY_ADDRESS,
    /// UNIVERSAL_ACTION_POLICY_ADDRESS). The per-policy <c>constants.ts</c> files of that SDK hold older addresses; its
    /// encoders use these.
    /// </summary>
    public static PolicyAddresses Current { get; } = new(
        Sudo: Address.Parse("0x0000000000FEEc8D74e3143fBaBbca515358d869"),
        TimeFrame: Address.Parse("0x0000000000D30f611fA3bf652ac6879428586930"),
        UsageLimit: Address.Parse("0x00000000001d4479FA2A947026204d0283ceDe4B"),
        ValueLimit: Address.Parse("0x000000000021dC45451291BCDfc9f0B46d6f0278"),
        ERC20SpendingLimit: Address.Parse("0x000000000033212e272655d8a22402db819477a6"),
        UniversalAction: Address.Parse("0x0000000000714Cf48FcF88A0bFBa70d313415032"),
        TimeFrameLayout: TimeFrameLayout.PackedUInt48);

    /// <summary>
    /// The deployment @rhinestone/module-sdk 0.1.32 (the legacy module's SDK) encodes for, from its
    /// <c>module/smart-sessions/policies/*/constants.ts</c>. Its time-frame policy is the October 2024 build that reads
    /// two 16-byte words.
    /// </summary>
    public static PolicyAddresses Legacy { get; } = new(
        Sudo: Address.Parse("0x529Ad04F4D83aAb25144a90267D4a1443B84f5A6"),
        TimeFrame: Address.Parse("0x8177451511dE0577b911C254E9551D981C26dc72"),
        UsageLimit: Address.Parse("0x1F34eF8311345A3A4a4566aF321b313052F51493"),
        ValueLimit: Address.Parse("0x730DA93267E7E513e932301B47F2ac7D062abC83"),
        ERC20SpendingLimit: Address.Parse("0x8e58f4945e6ba2a11b184a9c20b6c765a0891b95"),
        UniversalAction: Address.Parse("0x148CD6c24F4dd23C396E081bBc1aB1D92eeDe2BF"),
        TimeFrameLayout: TimeFrameLayout.PackedUInt128);
}

/// <summary>The init-data layout of a TimeFramePolicy build.</summary>
public enum TimeFrameLayout
{
    /// <summary><c>abi.encodePacked(uint48 validUntil, uint48 validAfter)</c>, 12 bytes (current build).</summary>
    PackedUInt48 = 0,

    /// <summary>
    /// <c>abi.encodePacked(uint128 validUntil, uint128 validAfter)</c>, 32 bytes (the October 2024 build that module-sdk 0.1.x
    /// encodes for; it keeps the low 48 bits of each, so values are still limited to <c>uint48</c>).
    /// </summary>
    PackedUInt128 = 1,
}
