using SessionGen.Generators.Models;

namespace SessionGen.Generators.Sessions.Model;

/// <summary>
/// A diagnostic of the ABI-dependent session checks, with the one value its code fix needs
/// (<see cref="FixData"/>: the suggested function name for SESSGEN111, the amount parameter for SESSGEN204).
/// </summary>
internal sealed record SessionFinding(DiagnosticInfo Info, string? FixData = null)
{
    /// <summary>The key under which <see cref="FixData"/> travels in <c>Diagnostic.Properties</c>.</summary>
    public const string FixDataKey = "SessionGen.FixData";

    /// <summary>The key under which <see cref="FixKind"/> travels in <c>Diagnostic.Properties</c>.</summary>
    public const string FixKindKey = "SessionGen.FixKind";

    /// <summary><see cref="FixKind"/> of SESSGEN204 on a payable function without an amount parameter: the limit becomes a ValueLimit.</summary>
    public const string ValueLimitFix = "ValueLimit";

    /// <summary>Which fix applies when a diagnostic has several (null: its only one).</summary>
    public string? FixKind { get; init; }
}
