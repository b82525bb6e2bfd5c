using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SessionGen.Generators.Analyzers;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Sessions;
using SessionGen.Generators.Tests.Binding;
using SessionGen.Generators.Tests.Infrastructure;
using SessionGen.Generators.Tests.Shared;
using Xunit;

namespace SessionGen.Generators.Tests.Hosts;

/// <summary>
/// The host corpus (tests/Shared/HostCorpus) under the current Roslyn, at C# 9 and the latest C#: the expectation
/// SessionGen.Roslyn43.Tests asserts under Roslyn 4.3.1 too, so that both hosts are held to the same diagnostics.
/// </summary>
public sealed class HostCorpusTests
{
    public static TheoryData<string, LanguageVersion> Cases() => HostCorpus.At(LanguageVersion.CSharp9, LanguageVersion.Latest);

    [Fact]
    public void The_corpus_binds_every_ABI_of_the_repository() =>
        Assert.Equal(
            System.IO.Directory.GetFiles(BindingHarness.AbiDirectory, "*.json").Select(System.IO.Path.GetFileName).Order(System.StringComparer.Ordinal),
            HostCorpus.Cases.Single(c => c.Name == "Bindings").Abis.Order(System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_current_Roslyn_reports_what_the_corpus_expects(string name, LanguageVersion version) =>
        await HostCorpusRun.AssertExpectedDiagnosticsAsync(
            HostCorpus.Cases.Single(c => c.Name == name),
            version,
            GeneratorHarness.References,
            [new ContractBindingGenerator().AsSourceGenerator(), new SessionGenerator().AsSourceGenerator()],
            [new SessionAnalyzer()],
            BindingHarness.AbiDirectory);
}
