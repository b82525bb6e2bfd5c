using System;
using System.Linq;
using System.Numerics;
using SessionGen.Accounts;
using SessionGen.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Tests.Accounts;

public sealed class Erc7579ExecutionTests
{
    [Fact]
    public void Single_and_batch_calldata_match_viem()
    {
        using var json = NodeVectors.Run("account-vectors.mjs", "11", "300");
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(300, cases.Length);
        var singles = 0;
        foreach (var c in cases)
        {
            var calls = c.GetProperty("calls").EnumerateArray()
                .Select(x => new Call(
                    Address.Parse(x.GetProperty("target").GetString()!),
                    BigInteger.Parse(x.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    Hex.Decode(x.GetProperty("data").GetString()!)))
                .ToArray();
            Assert.Equal(c.GetProperty("batch").GetString(), Hex.Encode(Erc7579Execution.EncodeBatch(calls)));
            if (c.TryGetProperty("single", out var single))
            {
                singles++;
                Assert.Equal(single.GetString(), Hex.Encode(Erc7579Execution.EncodeSingle(calls[0])));
                Assert.Equal(single.GetString(), Hex.Encode(Erc7579Execution.Encode(calls)));
            }
            else
            {
                Assert.Equal(c.GetProperty("batch").GetString(), Hex.Encode(Erc7579Execution.Encode(calls)));
            }
        }

        Assert.InRange(singles, 30, 270);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_field_named()
    {
        Assert.Throws<ArgumentException>(() => Erc7579Execution.EncodeBatch(Array.Empty<Call>()));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Erc7579Execution.EncodeSingle(new Call(Address.Zero, -1, Array.Empty<byte>())));
        Assert.Contains("Value", negative.ParamName, StringComparison.Ordinal);
    }
}
