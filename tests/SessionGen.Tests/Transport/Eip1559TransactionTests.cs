using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading.Tasks;
using Nethereum.Model;
using Nethereum.Signer;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;

namespace SessionGen.Tests.Transport;

public sealed class Eip1559TransactionTests
{
    public static IEnumerable<object[]> Cases()
    {
        var random = new Random(1559);
        BigInteger Next(int maxBytes)
        {
            var bytes = new byte[random.Next(maxBytes + 1)];
            random.NextBytes(bytes);
            return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        }

        yield return [1UL, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, new BigInteger(21_000), BigInteger.Zero, 0];
        for (var i = 0; i < 40; i++)
        {
            yield return [(ulong)random.Next(1, int.MaxValue), Next(3), Next(9), Next(12), Next(4), Next(32), random.Next(600)];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Signs_exactly_like_Nethereum(ulong chainId, BigInteger nonce, BigInteger priorityFee, BigInteger maxFee, BigInteger gas, BigInteger value, int dataLength)
    {
        var random = new Random(dataLength);
        var data = new byte[dataLength];
        random.NextBytes(data);
        var key = new byte[32];
        random.NextBytes(key);
        key[0] = 0x01;
        var to = Address.Parse("0x0000000071727De22E5E9d8BAf0edAc6f37da032");
        using var signer = PrivateKeySigner.FromPrivateKey(key);

        var ours = await Eip1559Transaction.SignAsync(signer, chainId, nonce, priorityFee, maxFee, gas, to, value, data, default);

        var theirs = new Transaction1559Signer().SignTransaction(
            key, new Transaction1559(chainId, nonce, priorityFee, maxFee, gas, to.ToString(), value, Hex.Encode(data), new List<AccessListItem>()));
        Assert.Equal(theirs.StartsWith("0x", StringComparison.Ordinal) ? theirs : "0x" + theirs, Hex.Encode(ours));
    }
}
