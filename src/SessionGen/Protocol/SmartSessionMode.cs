namespace SessionGen.Protocol;

/// <summary>
/// The first byte of a SmartSession user-op signature, and the mode byte of the module's install data.
/// </summary>
public enum SmartSessionMode : byte
{
    /// <summary>Use a session that is already enabled.</summary>
    Use = 0,

    /// <summary>
    /// Enable the session within the user operation. The legacy module checks the session validator and policies against
    /// the ERC-7484 registry; the current one no longer consults a registry.
    /// </summary>
    Enable = 1,

    /// <summary>
    /// Enable the session within the user operation without the registry check; the owner's signature covers this choice
    /// (<c>ignoreSecurityAttestations</c> in the current module's digest, <c>mode</c> in the legacy one's).
    /// </summary>
    UnsafeEnable = 2,
}
