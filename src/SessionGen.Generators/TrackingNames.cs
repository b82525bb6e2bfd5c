namespace SessionGen.Generators;

/// <summary>Names of the incremental pipeline steps, so tests can assert which steps were cached.</summary>
internal static partial class TrackingNames
{
}
