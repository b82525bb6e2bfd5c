using System.Linq;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Models;

/// <summary>A diagnostic as equatable data, reported from its own pipeline step (never from the emitter).</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor, location, messageArgs.ToEquatableArray());

    /// <summary>The diagnostic, located in the compilation's syntax tree when its file is one (see <see cref="LocationInfo.ToLocation(Compilation)"/>).</summary>
    public Diagnostic ToDiagnostic(Compilation compilation) =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(compilation) ?? Microsoft.CodeAnalysis.Location.None, MessageArgs.Cast<object>().ToArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, MessageArgs.Cast<object>().ToArray());
}
