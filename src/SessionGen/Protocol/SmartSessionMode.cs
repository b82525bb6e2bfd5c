namespace SessionGen.Protocol;

/// <summary>
/// The first byte of a SmartSession user-op signature, and the mode byte of the module's install data.
/// </summary>
public enum SmartSessionMode : byte
{
    /// <summary>Use a session that is already enabled.</summary>
    Use = 0,

    /// <summary>Enable the session within the user operation, checking the session validator and policies against the ERC-7484 registry.</summary>
    Enable = 1,

    /// <summary>Enable the session within the user operation without the registry check (signed as <c>ignoreSecurityAttestations</c>).</summary>
    UnsafeEnable = 2,
}
