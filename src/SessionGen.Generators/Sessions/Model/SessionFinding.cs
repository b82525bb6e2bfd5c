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
}
