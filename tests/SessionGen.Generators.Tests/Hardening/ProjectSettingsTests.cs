using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Binding;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Hardening;

/// <summary>
/// The generated code compiles, with no warning at all (as under TreatWarningsAsErrors with documentation files on),
/// whatever the user's project settings: nullable on or off, every C# version from the minimum the package supports (C# 9),
/// and the bound class in a namespace, a file-scoped namespace, the global namespace, or nested in partial classes.
/// </summary>
public sealed class ProjectSettingsTests
{
    public static TheoryData<LanguageVersion, NullableContextOptions, string> Settings()
    {
        var data = new TheoryData<LanguageVersion, NullableContextOptions, string>();
        foreach (var version in new[] { LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest })
        {
            foreach (var nullable in new[] { NullableContextOptions.Enable, NullableContextOptions.Disable, NullableContextOptions.Warnings, NullableContextOptions.Annotations })
            {
                // A file-scoped namespace is C# 10 in the user's own source.
                foreach (var shape in Shapes.Keys.Where(shape => version >= LanguageVersion.CSharp10 || shape != "file-scoped namespace"))
                {
                    data.Add(version, nullable, shape);
                }
            }
        }

        return data;
    }

    /// <summary>Where the user's class sits; <c>{0}</c> is the attribute list and class declaration.</summary>
    private static readonly Dictionary<string, string> Shapes = new()
    {
        ["namespace"] = "namespace Contracts\n{\n{0}\n}\n",
        ["file-scoped namespace"] = "namespace Contracts.Inner;\n{0}\n",
        ["global namespace"] = "{0}\n",
        ["nested partial classes"] = "namespace Contracts\n{\n    /// <summary>Outer.</summary>\n    public static partial class Outer\n    {\n        internal partial class Middle\n        {\n{0}\n        }\n    }\n}\n",
    };

    private const string Declarations = """
        /// <summary>Bound to the Uniswap router (structs, overloads, payable functions).</summary>
        [SessionGen.ContractAbi("abis/UniswapV3SwapRouter.json")]
        public partial class Router { }

        /// <summary>A one-click trading session.</summary>
        [SessionGen.ContractAbi("abis/ERC20.json")]
        [SessionGen.SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionGen.SessionAction("approve", MaxUses = 3)]
        [SessionGen.SessionValueTransfer(ValueLimit = "1e18")]
        [SessionGen.SessionExpiry(Days = 7)]
        public partial class UsdcTrading { }
        """;

    [Theory]
    [MemberData(nameof(Settings))]
    public void Generated_code_compiles_without_warnings(LanguageVersion version, NullableContextOptions nullable, string shape)
    {
        var (output, generatorDiagnostics) = Generate(version, nullable, shape);

        Assert.Empty(generatorDiagnostics);
        var generated = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToList();
        Assert.True(generated.Count >= 3, $"only {generated.Count} generated files");
        // Every warning is an error here (warnings-as-errors, warning level 9999, documentation comments checked, CS1591 included).
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        Assert.True(problems.Count == 0, $"C# {version.ToDisplayString()}, nullable {nullable}, {shape}:\n" + string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp7_3)]
    public void Older_CSharp_gets_one_clear_diagnostic_per_class_and_no_broken_code(LanguageVersion version)
    {
        var (output, generatorDiagnostics) = Generate(version, NullableContextOptions.Disable, "namespace");

        Assert.Equal(["SESSGEN102", "SESSGEN102"], generatorDiagnostics.Select(d => d.Id));
        Assert.All(generatorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(["Router", "UsdcTrading"], generatorDiagnostics.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).Select(attribute => attribute.Contains("Uniswap") ? "Router" : "UsdcTrading").Order());
        Assert.Contains($"needs C# 9.0 or later, and the project uses C# {version.ToDisplayString()}", generatorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal));
    }

    /// <summary>Records need C# 10 (record structs) and IsExternalInit (their init accessors); anything else gets the plain types, and below C# 9 nothing.</summary>
    [Theory]
    [InlineData(LanguageVersion.Latest, true, ValueTypeDeclaration.Records, null)]
    [InlineData(LanguageVersion.CSharp10, true, ValueTypeDeclaration.Records, null)]
    [InlineData(LanguageVersion.CSharp10, false, ValueTypeDeclaration.Explicit, null)]
    [InlineData(LanguageVersion.Latest, false, ValueTypeDeclaration.Explicit, null)]
    [InlineData(LanguageVersion.CSharp9, true, ValueTypeDeclaration.Explicit, null)]
    [InlineData(LanguageVersion.CSharp9, false, ValueTypeDeclaration.Explicit, null)]
    [InlineData(LanguageVersion.CSharp8, true, ValueTypeDeclaration.Explicit, "8.0")]
    internal void The_value_types_follow_the_language_version_and_IsExternalInit(LanguageVersion version, bool hasIsExternalInit, ValueTypeDeclaration expected, string? unsupported)
    {
        var language = GeneratedCodeLanguage.From(new CSharpParseOptions(version), hasIsExternalInit);

        Assert.Equal(expected, language.ValueTypes);
        Assert.Equal(unsupported, language.UnsupportedVersion);
        Assert.Equal(unsupported is null, language.IsSupported);
    }

    private static (Compilation Output, System.Collections.Immutable.ImmutableArray<Diagnostic> GeneratorDiagnostics) Generate(LanguageVersion version, NullableContextOptions nullable, string shape)
    {
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        var source = Shapes[shape].Replace("{0}", Declarations);
        var compilation = CSharpCompilation.Create(
            "Settings",
            [CSharpSyntaxTree.ParseText(source, parseOptions, path: GeneratorHarness.ProjectDirectory + "Source.cs")],
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, generalDiagnosticOption: ReportDiagnostic.Error, warningLevel: 9999));
        var abis = new[] { "UniswapV3SwapRouter.json", "ERC20.json" }.Select(f => (GeneratorHarness.ProjectDirectory + "abis/" + f, BindingHarness.ReadAbi(f)));

        var driver = CSharpGeneratorDriver.Create(
            [new ContractBindingGenerator().AsSourceGenerator(), new SessionGenerator().AsSourceGenerator()],
            abis.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Item1, f.Item2)),
            parseOptions,
            new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["build_property.projectdir"] = GeneratorHarness.ProjectDirectory }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return (output, generatorDiagnostics);
    }
}
