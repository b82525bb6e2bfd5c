using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>Every ABI in the repository's corpus binds without diagnostics, compiles without warnings, and has Nethereum's selectors.</summary>
public class CorpusTests
{
    public static TheoryData<string> CorpusFiles => new(BindingHarness.CorpusFiles().Select(Path.GetFileName).OfType<string>().Order());

    [Fact]
    public void The_corpus_has_the_required_contracts() =>
        Assert.Superset(
            new[] { "ERC20.json", "WETH9.json", "ERC721.json", "ERC4626.json", "UniswapV3SwapRouter.json", "Multicall3.json", "IMulticallExtended.json" }.ToHashSet(),
            BindingHarness.CorpusFiles().Select(Path.GetFileName).OfType<string>().ToHashSet());

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_function_and_error_is_bound_with_Nethereums_selector(string file)
    {
        var json = BindingHarness.ReadAbi(file);
        var className = Path.GetFileNameWithoutExtension(file);

        var run = BindingHarness.Run(className, file, json)
            .AssertNoGeneratorCrash()
            .AssertNoGeneratorDiagnostics()
            .AssertCompiles(allowWarnings: false);

        var binding = run.EmitAndLoad().GetType("Contracts." + className, throwOnError: true)!;
        Assert.Equal(NethereumOracle.FunctionSelectors(json).Order(), Constants(binding, "Selectors").Order());
        Assert.Equal(NethereumOracle.ErrorSelectors(json).Order(), Constants(binding, "ErrorSelectors").Order());
    }

    private static uint[] Constants(System.Type binding, string nestedClass) =>
        [.. binding.GetNestedType(nestedClass)!.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (uint)f.GetRawConstantValue()!)];
}
