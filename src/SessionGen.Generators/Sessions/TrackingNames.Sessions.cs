namespace SessionGen.Generators;

/// <summary>Steps of the session generator.</summary>
internal static partial class TrackingNames
{
    public const string SessionTargets = nameof(SessionTargets);
    public const string SessionValueTransferTargets = nameof(SessionValueTransferTargets);
    public const string SessionSpecs = nameof(SessionSpecs);
}
