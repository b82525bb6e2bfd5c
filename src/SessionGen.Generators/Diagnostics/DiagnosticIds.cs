namespace SessionGen.Generators.Diagnostics;

/// <summary>
/// The stable IDs of every SessionGen diagnostic, shared by the generator, the analyzers and the code fixes.
/// Ranges: 0xx ABI files and bindings, 1xx declarations and attributes, 2xx session policies.
/// </summary>
internal static partial class DiagnosticIds
{
}
