using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionGen.Generators.Helpers;

/// <summary>
/// What the project's C# version and framework mean for the generated code: which declarations its value types get
/// (records from C# 10 where <c>IsExternalInit</c> is available, plain types with their members written out otherwise:
/// C# 9 as Unity 6 compiles it, netstandard2.x, .NET Framework), or, below C# 9, that nothing is generated and
/// SESSGEN102 says why instead of syntax errors in generated files.
/// </summary>
/// <param name="ValueTypes">How the binding declares its tuple structs and its return, error and event records.</param>
/// <param name="UnsupportedVersion">The project's C# version when it is older than <see cref="GeneratedCodeLanguage.Minimum"/> (as the compiler displays it), otherwise <see langword="null"/>.</param>
internal sealed record GeneratedCodeLanguage(ValueTypeDeclaration ValueTypes, string? UnsupportedVersion)
{
    /// <summary>The oldest C# version the generated code compiles with (it uses <c>is not</c> patterns, C# 9).</summary>
    public const LanguageVersion Minimum = LanguageVersion.CSharp9;

    /// <summary>The first C# version with record structs, from which the value types are records.</summary>
    private const LanguageVersion RecordStructs = LanguageVersion.CSharp10;

    /// <summary>Whether code is generated at all.</summary>
    public bool IsSupported => UnsupportedVersion is null;

    /// <summary>The type records' init accessors need; .NET 5 and later have it, netstandard and .NET Framework do not.</summary>
    private const string IsExternalInit = "System.Runtime.CompilerServices.IsExternalInit";

    /// <summary>
    /// The project's language, from its parse options and whether its compilation can use <c>IsExternalInit</c> (one
    /// type lookup per compilation; the value, and so everything after it, changes only with LangVersion or the framework).
    /// </summary>
    public static IncrementalValueProvider<GeneratedCodeLanguage> Provider(IncrementalGeneratorInitializationContext context) =>
        context.ParseOptionsProvider
            .Combine(context.CompilationProvider.Select(static (compilation, _) => HasIsExternalInit(compilation)))
            .Select(static (input, _) => From(input.Left, input.Right));

    /// <summary>The language of code parsed with <paramref name="options"/>; the newest flavour for anything but C#.</summary>
    /// <param name="options">The project's parse options.</param>
    /// <param name="hasIsExternalInit">Whether the compilation can use <c>IsExternalInit</c> (from its framework or its own polyfill).</param>
    public static GeneratedCodeLanguage From(ParseOptions options, bool hasIsExternalInit)
    {
        var version = options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest;
        return new GeneratedCodeLanguage(
            version >= RecordStructs && hasIsExternalInit ? ValueTypeDeclaration.Records : ValueTypeDeclaration.Explicit,
            version < Minimum ? version.ToDisplayString() : null);
    }

    /// <summary>
    /// Whether exactly one <c>IsExternalInit</c> is visible to the compilation (when none is, or several are, a record
    /// would not compile, and the plain types, which compile everywhere, are the safe choice).
    /// </summary>
    private static bool HasIsExternalInit(Compilation compilation) =>
        compilation.GetTypeByMetadataName(IsExternalInit) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);
}

/// <summary>How generated value types (ABI tuples, multi-value returns, custom errors, events) are declared.</summary>
internal enum ValueTypeDeclaration
{
    /// <summary><c>readonly record struct</c> and <c>sealed record</c> (C# 10 and later, with <c>IsExternalInit</c>): the compiler writes the members.</summary>
    Records,

    /// <summary>
    /// <c>readonly struct</c> and <c>sealed class</c> with a constructor, get-only properties, <c>Deconstruct</c>, value
    /// equality and <c>ToString</c> written out as the records would have them: in C# 9 (no record structs; Unity 6), and
    /// wherever <c>IsExternalInit</c> is missing (netstandard2.x, .NET Framework), since records' init accessors need it.
    /// </summary>
    Explicit,
}
