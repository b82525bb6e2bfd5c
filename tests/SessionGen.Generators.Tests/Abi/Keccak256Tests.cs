using System;
using System.Text;
using CsCheck;
using Nethereum.Util;
using GeneratorKeccak = SessionGen.Generators.Abi.Keccak256;
using Xunit;

namespace SessionGen.Generators.Tests.Abi;

public class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Known_answers(string input, string expectedHex) =>
        Assert.Equal(expectedHex, Convert.ToHexString(GeneratorKeccak.Hash(Encoding.UTF8.GetBytes(input))).ToLowerInvariant());

    [Theory]
    [InlineData("transfer(address,uint256)", 0xa9059cbbu)]
    [InlineData("approve(address,uint256)", 0x095ea7b3u)]
    [InlineData("exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))", 0x414bf389u)]
    public void Known_selectors(string signature, uint selector) => Assert.Equal(selector, GeneratorKeccak.Selector(signature));

    [Fact]
    public void Equals_Nethereum_for_every_length_around_the_rate() =>
        // Lengths 0..300 cross the 136-byte rate boundary twice (padding in the same block and in a new one).
        Gen.Int[0, 300].SelectMany(length => Gen.Byte.Array[length]).Sample(
            data => Assert.Equal(new Sha3Keccack().CalculateHash(data), GeneratorKeccak.Hash(data)),
            iter: 500);
}
