using Microsoft.CodeAnalysis;

namespace SessionGen.Generators.Diagnostics;

/// <summary>Every descriptor SessionGen reports. Each area keeps its descriptors in its own partial file.</summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>Where the docs pages live; each diagnostic links to <c>docs/diagnostics/{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/sessiongen/sessiongen/blob/main/docs/diagnostics/";

    /// <summary>Creates a descriptor with the help link to the ID's docs page.</summary>
    internal static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string? description = null) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md");
}
