using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.Tests.Shared;
using Xunit;

namespace SessionGen.Roslyn43.Tests;

/// <summary>
/// SessionGen in a Roslyn 4.3 host (Unity 6): the analyzer assemblies load, and the host corpus compiles at C# 9 against
/// netstandard2.1 with the diagnostics the current Roslyn reports too (HostCorpusTests in SessionGen.Generators.Tests).
/// </summary>
public sealed class Roslyn43HostTests
{
    [Fact]
    public void This_host_is_Roslyn_4_3()
    {
        var compiler = typeof(CSharpCompilation).Assembly;
        Assert.Equal(new Version(4, 3, 0, 0), compiler.GetName().Version);
        Assert.StartsWith("4.3.1", compiler.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, StringComparison.Ordinal);
        Assert.Equal(new Version(4, 3, 0, 0), typeof(Compilation).Assembly.GetName().Version);
    }

    [Fact]
    public void The_compile_is_against_netstandard_2_1_and_the_runtime_s_netstandard_build()
    {
        var paths = Roslyn43Host.ReferencePaths.Select(p => p.Replace('\\', '/')).ToList();
        Assert.EndsWith("/netstandard2.1/SessionGen.dll", paths[0], StringComparison.Ordinal);
        Assert.Contains(paths, p => p.EndsWith("/netstandard.library.ref/2.1.0/ref/netstandard2.1/netstandard.dll", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(paths, p => Path.GetFileName(p) == "Nethereum.JsonRpc.Client.dll");
        // Nothing of a .NET (Core) target: no System.Runtime/System.Private.CoreLib of a Microsoft.NETCore.App pack, no net8/net10 builds.
        Assert.DoesNotContain(paths, p => p.Contains("/Microsoft.NETCore.App", StringComparison.OrdinalIgnoreCase) || p.Contains("/net8.0/", StringComparison.Ordinal) || p.Contains("/net10.0/", StringComparison.Ordinal));
        var sessionGen = (PortableExecutableReference)Roslyn43Host.References[0];
        var compilation = CSharpCompilation.Create("probe", references: Roslyn43Host.References);
        var assembly = (IAssemblySymbol)compilation.GetAssemblyOrModuleSymbol(sessionGen)!;
        Assert.Contains(assembly.Modules.Single().ReferencedAssemblies, a => a.Name == "netstandard" && a.Version == new Version(2, 1, 0, 0));
    }

    [Fact]
    public void The_host_loads_both_generators_and_the_analyzer_without_a_failure()
    {
        var (generators, analyzers, failures) = Roslyn43Host.Load(Roslyn43Host.Generators);

        Assert.Empty(failures);
        Assert.Equal(["SessionGen.Generators.ContractBinding.ContractBindingGenerator", "SessionGen.Generators.Sessions.SessionGenerator"],
            generators.Select(g => g.GetGeneratorType().FullName).Order(StringComparer.Ordinal));
        Assert.Equal(["SessionGen.Generators.Analyzers.SessionAnalyzer"], analyzers.Select(a => a.GetType().FullName));
        // Built against Roslyn 4.3: it references no newer compiler (a 4.3 host could not bind it).
        var loaded = analyzers[0].GetType().Assembly;
        Assert.All(loaded.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)),
            a => Assert.True(a.Version <= new Version(4, 3, 0, 0), $"{a.Name} {a.Version}"));
    }

    /// <summary>
    /// The code fixes (built against Workspaces 4.8, which a 4.3 compiler lacks) ship in the same folder: the host finds no
    /// analyzer or generator in them and so never loads them — no CS8032/CS8034 warning.
    /// </summary>
    [Fact]
    public void The_host_skips_the_code_fixes_without_loading_them()
    {
        var (generators, analyzers, failures) = Roslyn43Host.Load(Roslyn43Host.CodeFixes);

        Assert.Empty(failures);
        Assert.Empty(generators);
        Assert.Empty(analyzers);
        Assert.DoesNotContain(Roslyn43Host.Loader.Loaded, p => Path.GetFileName(p) == "SessionGen.CodeFixes.dll");
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name is "SessionGen.CodeFixes" or "Microsoft.CodeAnalysis.Workspaces");
    }

    /// <summary>A netstandard2.1 project at C# 10 that declares its own IsExternalInit gets the record output, and it compiles.</summary>
    [Fact]
    public void A_project_with_its_own_IsExternalInit_gets_records()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp10);
        var source = """
            namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }
            namespace Demo { [SessionGen.ContractAbi("abis/UniswapV3SwapRouter.json")] public partial class Router { } }
            """;
        var compilation = CSharpCompilation.Create("Polyfilled", [CSharpSyntaxTree.ParseText(source, parseOptions, path: "/project/Source.cs")], Roslyn43Host.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        var abi = new Generators.Tests.Infrastructure.InMemoryAdditionalText("/project/abis/UniswapV3SwapRouter.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "abis", "UniswapV3SwapRouter.json")));
        var options = new Generators.Tests.Infrastructure.TestAnalyzerConfigOptionsProvider(new System.Collections.Generic.Dictionary<string, string> { ["build_property.projectdir"] = "/project/" });

        CSharpGeneratorDriver.Create(Roslyn43Host.Load(Roslyn43Host.Generators).Generators, [abi], parseOptions, options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains("public readonly partial record struct ExactInputParams(", output.SyntaxTrees.Last().ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, LanguageVersion> Cases() => HostCorpus.At(LanguageVersion.CSharp9, LanguageVersion.CSharp10);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Roslyn_4_3_reports_what_the_corpus_expects(string name, LanguageVersion version)
    {
        var (generators, analyzers, failures) = Roslyn43Host.Load(Roslyn43Host.Generators);
        Assert.Empty(failures);

        var generated = await HostCorpusRun.AssertExpectedDiagnosticsAsync(
            HostCorpus.Cases.Single(c => c.Name == name), version, Roslyn43Host.References, generators, analyzers, Path.Combine(AppContext.BaseDirectory, "abis"));

        // netstandard2.1 has no IsExternalInit, which records' init accessors need: no records at C# 9 or 10.
        var text = string.Concat(generated.Select(t => t.ToString()));
        Assert.DoesNotContain("partial record ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("record struct ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("init;", text, StringComparison.Ordinal);
    }
}
