using System;

namespace SessionGen;

/// <summary>
/// Permits the session key to send native currency (ETH) with empty calldata to a recipient chosen when the
/// session is created (the Smart Sessions value-only action, selector <c>0xFFFFFFFF</c>).
/// </summary>
/// <example>
/// <code>
/// [SessionValueTransfer(ValueLimit = "1e18")]   // at most 1 ETH in total to the recipient
/// [SessionExpiry(Days = 1)]
/// public partial class Allowance { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SessionValueTransferAttribute : Attribute
{
    /// <summary>The most wei the session may send in total (value-limit policy), e.g. <c>"1e18"</c> = 1 ETH.</summary>
    public string? ValueLimit { get; set; }

    /// <summary>How many transfers the session may make in total (usage-limit policy). Must be positive.</summary>
    public long MaxUses { get; set; }

    /// <summary>Explicitly allows unbounded transfers (sudo policy). Analyzer SESSGEN205 warns about it.</summary>
    public bool Sudo { get; set; }
}
