using System;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>The span form of a generated encoder allocates nothing; the array form allocates only its result.</summary>
public class AllocationTests
{
    private const string Probe = """
        using System;
        using System.Numerics;
        using SessionGen;
        using Contracts;

        public static class Probe
        {
            public static long SpanForm()
            {
                Span<byte> buffer = stackalloc byte[512];
                var to = Address.Parse("0x00000000000000000000000000000000000000aa");
                var swap = new Router.ExactInputSingleParams(to, to, 3000, to, 1_700_000_000, BigInteger.Pow(10, 30), 1, 0);
                Erc20.Calldata.Transfer(buffer, to, 5_000_000); // warm up
                Router.Calldata.ExactInputSingle(buffer, swap);
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 100; i++)
                {
                    Erc20.Calldata.Transfer(buffer, to, 5_000_000);
                    Router.Calldata.ExactInputSingle(buffer, swap);
                }

                return GC.GetAllocatedBytesForCurrentThread() - before;
            }

            public static long ArrayForm()
            {
                var to = Address.Parse("0x00000000000000000000000000000000000000aa");
                Erc20.Calldata.Transfer(to, 5_000_000);
                var before = GC.GetAllocatedBytesForCurrentThread();
                var data = Erc20.Calldata.Transfer(to, 5_000_000);
                return GC.GetAllocatedBytesForCurrentThread() - before - (24 + data.Length); // minus the array itself (header + 68 bytes)
            }
        }
        """;

    [Fact]
    public void Span_form_allocates_nothing_and_array_form_only_its_result()
    {
        var run = GeneratorHarness.Run(
            [new ContractBindingGenerator()],
            GeneratorHarness.CreateCompilation([BindingHarness.Source("Erc20", "ERC20.json"), BindingHarness.Source("Router", "UniswapV3SwapRouter.json"), Probe]),
            [("/project/abis/ERC20.json", BindingHarness.ReadAbi("ERC20.json")), ("/project/abis/UniswapV3SwapRouter.json", BindingHarness.ReadAbi("UniswapV3SwapRouter.json"))])
            .AssertNoGeneratorCrash()
            .AssertNoGeneratorDiagnostics()
            .AssertCompiles();
        var probe = run.EmitAndLoad().GetType("Probe", throwOnError: true)!;

        Assert.Equal(0L, (long)probe.GetMethod("SpanForm")!.Invoke(null, null)!);
        Assert.True((long)probe.GetMethod("ArrayForm")!.Invoke(null, null)! <= 8, "the array form allocates more than its result");
    }
}
