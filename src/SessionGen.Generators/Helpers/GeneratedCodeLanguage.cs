using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionGen.Generators.Helpers;

/// <summary>
/// What the project's C# version means for the generated code: which declarations its value types get (records from
/// C# 10, plain types with their members written out in C# 9, as Unity 6 compiles), or, below C# 9, that nothing is
/// generated and SESSGEN102 says why instead of syntax errors in generated files.
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

    /// <summary>The project's language, read from its parse options (one value per compilation; changes only with LangVersion).</summary>
    public static IncrementalValueProvider<GeneratedCodeLanguage> Provider(IncrementalGeneratorInitializationContext context) =>
        context.ParseOptionsProvider.Select(static (options, _) => From(options));

    /// <summary>The language of code parsed with <paramref name="options"/>; the newest flavour for anything but C#.</summary>
    public static GeneratedCodeLanguage From(ParseOptions options)
    {
        var version = options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest;
        return new GeneratedCodeLanguage(
            version >= RecordStructs ? ValueTypeDeclaration.Records : ValueTypeDeclaration.Explicit,
            version < Minimum ? version.ToDisplayString() : null);
    }
}

/// <summary>How generated value types (ABI tuples, multi-value returns, custom errors, events) are declared.</summary>
internal enum ValueTypeDeclaration
{
    /// <summary><c>readonly record struct</c> and <c>sealed record</c> (C# 10 and later): the compiler writes the members.</summary>
    Records,

    /// <summary>
    /// <c>readonly struct</c> and <c>sealed class</c> with a constructor, get-only properties, <c>Deconstruct</c>, value
    /// equality and <c>ToString</c> written out as the records would have them (C# 9: no record structs, and no init-only
    /// setters where <c>IsExternalInit</c> is missing, as in Unity 6).
    /// </summary>
    Explicit,
}
