using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Nethereum.ABI;
using Nethereum.Contracts;
using static SessionGen.Benchmarks.PeerInputs;

namespace SessionGen.Benchmarks;

/// <summary>
/// Calldata of ERC-20 <c>transfer</c>, Uniswap V3 <c>exactInputSingle</c> (a tuple) and <c>multicall(bytes[])</c>: the generated
/// bindings (new array, or a caller's buffer) vs Nethereum's <c>FunctionMessage.GetCallData()</c> and <c>ABIEncode</c>
/// (selector + <c>GetABIEncoded</c>). Every form's output is checked equal in <see cref="Setup"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CalldataBenchmarks
{
    private readonly byte[] _buffer = new byte[1024];
    private readonly ABIEncode _abiEncode = new();
    private TransferFunction _transfer = null!;
    private ExactInputSingleFunction _swap = null!;
    private MulticallFunction _multicall = null!;
    private string _recipient = "";
    private byte[][] _multicallArrays = [];

    [GlobalSetup]
    public void Setup()
    {
        _recipient = Recipient.ToString();
        _transfer = new TransferFunction { To = _recipient, Value = TransferAmount };
        _swap = new ExactInputSingleFunction
        {
            Params = new ExactInputSingleParamsDto
            {
                TokenIn = TokenIn.ToString(), TokenOut = TokenOut.ToString(), Fee = SwapFee, Recipient = _recipient,
                Deadline = Deadline, AmountIn = AmountIn, AmountOutMinimum = AmountOutMinimum, SqrtPriceLimitX96 = 0,
            },
        };
        _multicallArrays = MulticallData.Select(d => d.ToArray()).ToArray();
        _multicall = new MulticallFunction { Data = [.. _multicallArrays] };

        Check.Equal("transfer (FunctionMessage)", TransferCalldata, NethereumMessageTransfer());
        Check.Equal("transfer (ABIEncode)", TransferCalldata, NethereumAbiEncodeTransfer());
        Check.Equal("transfer (span)", TransferCalldata, _buffer.AsSpan(0, GeneratedTransferIntoBuffer()).ToArray());
        Check.Equal("exactInputSingle (FunctionMessage)", SwapCalldata, NethereumMessageSwap());
        Check.Equal("exactInputSingle (ABIEncode)", SwapCalldata, NethereumAbiEncodeSwap());
        Check.Equal("exactInputSingle (span)", SwapCalldata, _buffer.AsSpan(0, GeneratedSwapIntoBuffer()).ToArray());
        Check.Equal("multicall (FunctionMessage)", GeneratedMulticall(), NethereumMessageMulticall());
        Check.Equal("multicall (ABIEncode)", GeneratedMulticall(), NethereumAbiEncodeMulticall());
        Check.Equal("multicall (span)", GeneratedMulticall(), _buffer.AsSpan(0, GeneratedMulticallIntoBuffer()).ToArray());
    }

    [BenchmarkCategory("transfer"), Benchmark(Baseline = true, Description = "Nethereum FunctionMessage.GetCallData")]
    public byte[] NethereumMessageTransfer() => _transfer.GetCallData();

    [BenchmarkCategory("transfer"), Benchmark(Description = "Nethereum ABIEncode")]
    public byte[] NethereumAbiEncodeTransfer() =>
        WithSelector(Erc20.Selectors.Transfer, _abiEncode.GetABIEncoded(new ABIValue("address", _recipient), new ABIValue("uint256", TransferAmount)));

    [BenchmarkCategory("transfer"), Benchmark(Description = "SessionGen generated (new array)")]
    public byte[] GeneratedTransfer() => Erc20.Calldata.Transfer(Recipient, TransferAmount);

    [BenchmarkCategory("transfer"), Benchmark(Description = "SessionGen generated (caller's buffer)")]
    public int GeneratedTransferIntoBuffer() => Erc20.Calldata.Transfer(_buffer, Recipient, TransferAmount);

    [BenchmarkCategory("exactInputSingle"), Benchmark(Baseline = true, Description = "Nethereum FunctionMessage.GetCallData")]
    public byte[] NethereumMessageSwap() => _swap.GetCallData();

    // The tuple is static, so abi.encode(tuple) is abi.encode of its fields in order.
    [BenchmarkCategory("exactInputSingle"), Benchmark(Description = "Nethereum ABIEncode")]
    public byte[] NethereumAbiEncodeSwap() =>
        WithSelector(SwapRouter.Selectors.ExactInputSingle, _abiEncode.GetABIParamsEncoded(_swap.Params));

    [BenchmarkCategory("exactInputSingle"), Benchmark(Description = "SessionGen generated (new array)")]
    public byte[] GeneratedSwap() => SwapRouter.Calldata.ExactInputSingle(Swap);

    [BenchmarkCategory("exactInputSingle"), Benchmark(Description = "SessionGen generated (caller's buffer)")]
    public int GeneratedSwapIntoBuffer() => SwapRouter.Calldata.ExactInputSingle(_buffer, Swap);

    [BenchmarkCategory("multicall"), Benchmark(Baseline = true, Description = "Nethereum FunctionMessage.GetCallData")]
    public byte[] NethereumMessageMulticall() => _multicall.GetCallData();

    [BenchmarkCategory("multicall"), Benchmark(Description = "Nethereum ABIEncode")]
    public byte[] NethereumAbiEncodeMulticall() =>
        WithSelector(SwapRouter.Selectors.Multicall, _abiEncode.GetABIEncoded(new ABIValue("bytes[]", _multicall.Data)));

    [BenchmarkCategory("multicall"), Benchmark(Description = "SessionGen generated (new array)")]
    public byte[] GeneratedMulticall() => SwapRouter.Calldata.Multicall(MulticallData);

    [BenchmarkCategory("multicall"), Benchmark(Description = "SessionGen generated (caller's buffer)")]
    public int GeneratedMulticallIntoBuffer() => SwapRouter.Calldata.Multicall(_buffer, MulticallData);

    private static byte[] WithSelector(uint selector, byte[] arguments)
    {
        var calldata = new byte[4 + arguments.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(calldata, selector);
        arguments.CopyTo(calldata, 4);
        return calldata;
    }
}
