using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Abi;

/// <summary>
/// The ABI files of a project, read once per change of their text and shared by the binding generator, the session
/// generator and the session analyzer.
/// </summary>
/// <remarks>
/// Two generators cannot share a pipeline node, so the sharing is one level down: every reader goes through
/// <see cref="Read"/>, which keeps the result per <see cref="SourceText"/> (the compiler and the IDE hand every
/// generator and analyzer the same text object until the file changes). A changed file is a new text and is read again;
/// the old result goes with the old text.
/// </remarks>
internal static class AbiFiles
{
    private static readonly ConditionalWeakTable<SourceText, AbiReadResult> s_byText = new();

    /// <summary>
    /// Every <c>.json</c> AdditionalFile, read (tracked as <see cref="TrackingNames.AbiFiles"/>, all together as
    /// <see cref="TrackingNames.AbiFileCollection"/>), with the project directory that attribute paths are relative to
    /// (<see cref="TrackingNames.ProjectDirectory"/>).
    /// </summary>
    public static IncrementalValueProvider<(EquatableArray<AbiReadResult> Files, string? ProjectDirectory)> Provider(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => Read(file.Path, file.GetText(cancellationToken)))
            .WithTrackingName(TrackingNames.AbiFiles)
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray())
            .WithTrackingName(TrackingNames.AbiFileCollection);

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) ? directory : null)
            .WithTrackingName(TrackingNames.ProjectDirectory);

        return files.Combine(projectDirectory);
    }

    /// <summary>The ABI in <paramref name="text"/>, read once per text object (and path, which locates the diagnostics).</summary>
    public static AbiReadResult Read(string path, SourceText? text)
    {
        if (text is null)
        {
            return AbiReader.Read(path, text);
        }

        var result = s_byText.GetValue(text, t => AbiReader.Read(path, t));
        return result.Path == path ? result : AbiReader.Read(path, text);
    }
}
