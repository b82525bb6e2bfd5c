using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionGen.Roslyn43.Tests;

/// <summary>
/// This process as a Roslyn 4.3 compiler host: the analyzer assemblies loaded from their build output through
/// <see cref="AnalyzerFileReference"/> (what <c>csc /analyzer:</c> does, and where a load failure becomes CS8032/CS8034),
/// and the references of a netstandard2.1 project using SessionGen (listed by the build in netstandard2.1-references.txt).
/// </summary>
internal static class Roslyn43Host
{
    /// <summary>The loader every analyzer assembly goes through; it records what the host actually loaded.</summary>
    public static RecordingLoader Loader { get; } = new();

    /// <summary>SessionGen.Generators.dll and SessionGen.CodeFixes.dll, as built (the files the package ships).</summary>
    public static IReadOnlyList<string> AnalyzerPaths { get; } = ReadList("analyzers.txt");

    /// <summary>The paths the netstandard2.1 compile uses: SessionGen's netstandard2.1 build first, then what it compiles against.</summary>
    public static IReadOnlyList<string> ReferencePaths { get; } = ReadList("netstandard2.1-references.txt").Distinct(StringComparer.Ordinal).ToList();

    public static ImmutableArray<MetadataReference> References { get; } =
        ReferencePaths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();

    public static string Generators => AnalyzerPaths.Single(p => Path.GetFileName(p) == "SessionGen.Generators.dll");

    public static string CodeFixes => AnalyzerPaths.Single(p => Path.GetFileName(p) == "SessionGen.CodeFixes.dll");

    /// <summary>The generators and analyzers of <paramref name="path"/> as the host gets them, with every load failure it reported.</summary>
    public static (ImmutableArray<ISourceGenerator> Generators, ImmutableArray<DiagnosticAnalyzer> Analyzers, IReadOnlyList<string> Failures) Load(string path)
    {
        var failures = new List<string>();
        var reference = new AnalyzerFileReference(path, Loader);
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.ErrorCode} {e.TypeName}: {e.Message}");
        return (reference.GetGenerators(LanguageNames.CSharp), reference.GetAnalyzers(LanguageNames.CSharp), failures);
    }

    private static List<string> ReadList(string fileName) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, fileName)).Where(line => line.Length > 0).ToList();

    /// <summary>Loads analyzer assemblies into the default context (beside this process's Roslyn 4.3.1) and remembers which.</summary>
    public sealed class RecordingLoader : IAnalyzerAssemblyLoader
    {
        private readonly List<string> _loaded = new();

        public IReadOnlyList<string> Loaded
        {
            get
            {
                lock (_loaded)
                {
                    return _loaded.ToList();
                }
            }
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath)
        {
            lock (_loaded)
            {
                _loaded.Add(fullPath);
            }

            return Assembly.LoadFrom(fullPath);
        }
    }
}
