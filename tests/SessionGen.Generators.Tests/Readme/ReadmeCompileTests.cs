using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Readme;

/// <summary>
/// Every ```csharp block of README.md compiles, as a reader would copy it: with only the usings it shows (no implicit
/// usings), against the runtime and its dependencies, with the package's generators and the repository's abis/ as
/// AdditionalFiles (what the package's <c>abis/**/*.json</c> default gives a consumer). The blocks of one <c>##</c>
/// section are one program: blocks that only declare types are files of their own, and blocks with statements follow
/// each other in one Program.cs. An error names the README line and the compiler's message.
/// </summary>
public sealed class ReadmeCompileTests
{
    public static TheoryData<string> Sections => [.. ReadmeSnippets.BySection.Select(group => group.Key)];

    [Fact]
    public void The_readme_has_csharp_blocks_in_the_tutorial_and_the_reference_sections()
    {
        // Guards the extraction itself: a changed fence or heading must not turn this suite into a test of nothing.
        Assert.True(ReadmeSnippets.All.Count >= 6, $"only {ReadmeSnippets.All.Count} ```csharp blocks found in {ReadmeSnippets.ReadmePath}");
        Assert.Contains(ReadmeSnippets.BySection, group => group.Key.StartsWith("Tutorial", System.StringComparison.Ordinal) && group.Count() >= 3);
    }

    [Fact]
    public void A_block_that_does_not_compile_is_named_by_its_readme_line()
    {
        var snippets = ReadmeSnippets.Extract(["## Broken", "", "```csharp", "using SessionGen;", "", "Address a = 42;", "```"]);

        var errors = Compile(snippets);

        var error = Assert.Single(errors);
        Assert.Contains("README.md line 6", error);
        Assert.Contains("CS0029", error);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_csharp_block_of_the_section_compiles(string section)
    {
        var errors = Compile(ReadmeSnippets.BySection.Single(group => group.Key == section).ToList());

        Assert.True(errors.Count == 0, $"README.md, section \"{section}\": the C# blocks do not compile as written:\n" + string.Join("\n", errors));
    }

    private static List<string> Compile(IReadOnlyList<ReadmeSnippet> snippets)
    {
        var parsed = snippets.Select(snippet => (Snippet: snippet, Root: CSharpSyntaxTree.ParseText(snippet.Code, GeneratorHarness.ParseOptions).GetCompilationUnitRoot())).ToList();
        var sources = parsed.Where(p => !HasStatements(p.Root)).Select(p => Mapped(p.Snippet)).ToList();
        var program = parsed.Where(p => HasStatements(p.Root)).Select(p => Mapped(p.Snippet)).ToList();
        if (program.Count > 0)
        {
            sources.Add(string.Join("\n", program));
        }

        var compilation = CSharpCompilation.Create(
            "ReadmeSnippets",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: $"{GeneratorHarness.ProjectDirectory}Readme{i}.cs")),
            References,
            new CSharpCompilationOptions(program.Count > 0 ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var run = GeneratorHarness.Run([new ContractBindingGenerator(), new SessionGenerator()], compilation, Abis());
        run.AssertNoGeneratorCrash();

        return [.. run.GeneratorDiagnostics.Concat(run.OutputCompilation.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"README.md line {d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    // What a consumer of the package compiles against, plus the repository's devnet helper (SessionGen.Devnet, not
    // packaged), which the README shows in blocks of their own that say `using SessionGen.Devnet;`.
    private static readonly ImmutableArray<MetadataReference> References =
        [.. GeneratorHarness.References, MetadataReference.CreateFromFile(typeof(SessionGen.Devnet.Devnet).Assembly.Location)];

    private static bool HasStatements(CompilationUnitSyntax root) => root.Members.OfType<GlobalStatementSyntax>().Any();

    // #line makes every diagnostic report the README's own line numbers.
    private static string Mapped(ReadmeSnippet snippet) => $"#line {snippet.FirstLine} \"README.md\"\n{snippet.Code}";

    private static IEnumerable<(string Path, string Text)> Abis()
    {
        var root = Path.GetDirectoryName(ReadmeSnippets.ReadmePath)!;
        return Directory.EnumerateFiles(Path.Combine(root, "abis"), "*.json", SearchOption.AllDirectories)
            .Select(file => (GeneratorHarness.ProjectDirectory + Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
    }
}
