using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>
/// Analyzer and code-fix tests against the .NET 10 reference assemblies (offline, from Basic.Reference.Assemblies)
/// plus the SessionGen runtime, with ABI files as AdditionalFiles. Sources get <c>using SessionGen; using SessionGen.Protocol;</c> prepended.
/// </summary>
internal static class SessionVerifier
{
    public const string Usings = "using SessionGen;\nusing SessionGen.Protocol;\n";

    /// <summary>A compilation context with no reference packages to download: all references are added explicitly.</summary>
    private static readonly ReferenceAssemblies NoPackages = new("net10.0");

    public static async Task VerifyAnalyzerAsync<TAnalyzer>(string source, IEnumerable<(string Path, string Text)>? abis = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        Configure(test.TestState, abis);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, IEnumerable<(string Path, string Text)>? abis = null, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = CodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource, abis);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A code-fix test to adjust (action index, iterations) before running it.</summary>
    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CodeFixTest<TAnalyzer, TCodeFix>(string source, string fixedSource, IEnumerable<(string Path, string Text)>? abis = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = Usings + source, FixedCode = Usings + fixedSource };
        Configure(test.TestState, abis);
        Configure(test.FixedState, abis);
        return test;
    }

    private static void Configure(SolutionState state, IEnumerable<(string Path, string Text)>? abis)
    {
        state.ReferenceAssemblies = NoPackages;
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(SessionActionAttribute).Assembly.Location));
        foreach (var (path, text) in abis ?? TestAbis.All)
        {
            state.AdditionalFiles.Add((path, text));
        }
    }
}
