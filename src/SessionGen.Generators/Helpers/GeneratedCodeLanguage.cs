using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionGen.Generators.Helpers;

/// <summary>The C# version the generated code needs, and the project's, so that an older project gets one clear diagnostic (SESSGEN102) instead of syntax errors in generated files.</summary>
internal static class GeneratedCodeLanguage
{
    /// <summary>The oldest C# version the generated code compiles with: it declares record structs (C# 10).</summary>
    public const LanguageVersion Minimum = LanguageVersion.CSharp10;

    /// <summary>The project's C# version when it is older than <see cref="Minimum"/> (as the compiler displays it), otherwise <see langword="null"/>.</summary>
    public static IncrementalValueProvider<string?> UnsupportedVersion(IncrementalGeneratorInitializationContext context) =>
        context.ParseOptionsProvider.Select(static (options, _) =>
            options is CSharpParseOptions { LanguageVersion: var version } && version < Minimum ? version.ToDisplayString() : null);
}
