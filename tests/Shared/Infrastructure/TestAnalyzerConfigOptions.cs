using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SessionGen.Generators.Tests.Infrastructure;

/// <summary>Global analyzer-config options (e.g. <c>build_property.projectdir</c>) as MSBuild would pass them.</summary>
public sealed class TestAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> globalOptions) : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions s_empty = new(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(globalOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
