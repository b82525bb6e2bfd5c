using System;
using System.Linq;
using SessionGen.Accounts;
using SessionGen.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Tests.Accounts;

public sealed class OwnableValidatorInitDataTests
{
    private static readonly Address A = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address B = Address.Parse("0x00000000000000000000000000000000000000b2");

    [Fact]
    public void Matches_module_sdks_getOwnableValidator_whatever_the_owners_order()
    {
        using var json = NodeVectors.Run("account-vectors.mjs", "6", "300");
        var cases = json.RootElement.GetProperty("ownable").EnumerateArray().ToArray();
        Assert.Equal(10, cases.Length);
        foreach (var c in cases)
        {
            var owners = c.GetProperty("owners").EnumerateArray().Select(o => Address.Parse(o.GetString()!)).ToArray();
            var initData = OwnableValidatorInitData.Encode(c.GetProperty("threshold").GetInt32(), owners.Reverse());
            Assert.Equal(c.GetProperty("initData").GetString(), Hex.Encode(initData));
        }
    }

    [Fact]
    public void Sorts_the_owners_ascending()
    {
        Assert.Equal(OwnableValidatorInitData.Encode(2, [A, B]), OwnableValidatorInitData.Encode(2, [B, A]));
        Assert.Equal(OwnableValidatorInitData.Encode(1, [A]), OwnableValidatorInitData.ForOwner(A));
    }

    [Fact]
    public void Refuses_what_the_module_refuses_on_install()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OwnableValidatorInitData.Encode(0, [A]));
        Assert.Throws<ArgumentOutOfRangeException>(() => OwnableValidatorInitData.Encode(3, [A, B]));
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => OwnableValidatorInitData.Encode(1, [A, B, A])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OwnableValidatorInitData.Encode(1, []));
        Assert.Throws<ArgumentException>(() => OwnableValidatorInitData.Encode(1, [A, Address.Zero]));
        var many = Enumerable.Range(1, 33).Select(i => new Address(new byte[19].Append((byte)i).ToArray()));
        Assert.Throws<ArgumentException>(() => OwnableValidatorInitData.Encode(1, many));
    }
}
