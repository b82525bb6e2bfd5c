using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>The generated source of representative bindings, compared with reviewed snapshots (Binding/SnapshotBindingTests.*.verified.txt).</summary>
public class SnapshotBindingTests
{
    [Theory]
    [InlineData("Erc20", "ERC20.json")]
    [InlineData("SwapRouter", "UniswapV3SwapRouter.json")]
    [InlineData("Erc721", "ERC721.json")]
    [InlineData("MulticallExtended", "IMulticallExtended.json")]
    [InlineData("Weth", "WETH9.json")]
    public void Generated_binding_matches_the_snapshot(string className, string file)
    {
        var run = BindingHarness.Run(className, file, BindingHarness.ReadAbi(file))
            .AssertNoGeneratorCrash()
            .AssertNoGeneratorDiagnostics()
            .AssertCompiles(allowWarnings: false);

        Snapshot.Verify(run.Source($"Contracts.{className}.ContractAbi.g.cs"), className);
    }

    [Fact]
    public void All_types_binding_matches_the_snapshot()
    {
        var run = BindingHarness.Run("AllTypes", "AllTypes.json", BindingHarness.ReadFixture("AllTypes.json"), ns: null)
            .AssertNoGeneratorCrash()
            .AssertNoGeneratorDiagnostics()
            .AssertCompiles(allowWarnings: false);

        Snapshot.Verify(run.Source("AllTypes.ContractAbi.g.cs"), "AllTypes");
    }

    /// <summary>
    /// C# 9 (Unity 6): the tuple structs and the return, error and event records are plain types with their members
    /// written out; everything else is the C# 10 output (each snapshot differs from its C# 10 one in the value types only).
    /// </summary>
    [Theory]
    [InlineData("Erc20", "ERC20.json")]
    [InlineData("SwapRouter", "UniswapV3SwapRouter.json")]
    public void CSharp9_binding_matches_the_snapshot(string className, string file)
    {
        var run = BindingHarness.RunCSharp9(className, file, BindingHarness.ReadAbi(file))
            .AssertNoGeneratorCrash()
            .AssertNoGeneratorDiagnostics()
            .AssertCompiles(allowWarnings: false);

        Snapshot.Verify(run.Source($"Contracts.{className}.ContractAbi.g.cs"), className + ".CSharp9");
    }

    [Fact]
    public void CSharp9_all_types_binding_matches_the_snapshot()
    {
        var run = BindingHarness.RunCSharp9("AllTypes", "AllTypes.json", BindingHarness.ReadFixture("AllTypes.json"), ns: null)
            .AssertNoGeneratorCrash()
            .AssertNoGeneratorDiagnostics()
            .AssertCompiles(allowWarnings: false);

        Snapshot.Verify(run.Source("AllTypes.ContractAbi.g.cs"), "AllTypes.CSharp9");
    }
}
