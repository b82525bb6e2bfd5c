using System.Collections.Generic;
using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace SessionGen.Benchmarks;

// Nethereum's typed function messages for the calldata benchmarks, written the way Nethereum's code generator writes them.

/// <summary>ERC-20 <c>transfer(address,uint256)</c>.</summary>
[Function("transfer", "bool")]
public sealed class TransferFunction : FunctionMessage
{
    /// <summary>Recipient.</summary>
    [Parameter("address", "to", 1)]
    public string To { get; set; } = "";

    /// <summary>Amount in base units.</summary>
    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}

/// <summary>Uniswap V3 <c>exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))</c>.</summary>
[Function("exactInputSingle", "uint256")]
public sealed class ExactInputSingleFunction : FunctionMessage
{
    /// <summary>The swap.</summary>
    [Parameter("tuple", "params", 1)]
    public ExactInputSingleParamsDto Params { get; set; } = new();
}

/// <summary>The <c>ExactInputSingleParams</c> struct.</summary>
public sealed class ExactInputSingleParamsDto
{
    /// <summary>Input token.</summary>
    [Parameter("address", "tokenIn", 1)]
    public string TokenIn { get; set; } = "";

    /// <summary>Output token.</summary>
    [Parameter("address", "tokenOut", 2)]
    public string TokenOut { get; set; } = "";

    /// <summary>Pool fee.</summary>
    [Parameter("uint24", "fee", 3)]
    public uint Fee { get; set; }

    /// <summary>Recipient.</summary>
    [Parameter("address", "recipient", 4)]
    public string Recipient { get; set; } = "";

    /// <summary>Deadline.</summary>
    [Parameter("uint256", "deadline", 5)]
    public BigInteger Deadline { get; set; }

    /// <summary>Amount in.</summary>
    [Parameter("uint256", "amountIn", 6)]
    public BigInteger AmountIn { get; set; }

    /// <summary>Minimum amount out.</summary>
    [Parameter("uint256", "amountOutMinimum", 7)]
    public BigInteger AmountOutMinimum { get; set; }

    /// <summary>Price limit.</summary>
    [Parameter("uint160", "sqrtPriceLimitX96", 8)]
    public BigInteger SqrtPriceLimitX96 { get; set; }
}

/// <summary><c>multicall(bytes[])</c>.</summary>
[Function("multicall", "bytes[]")]
public sealed class MulticallFunction : FunctionMessage
{
    /// <summary>The calls.</summary>
    [Parameter("bytes[]", "data", 1)]
    public List<byte[]> Data { get; set; } = [];
}
