using System;
using Xunit;

namespace SessionGen.Tests.Primitives;

public class AddressTests
{
    // The test vectors of EIP-55 itself.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Formats_and_parses_eip55_checksums(string checksummed)
    {
        var address = Address.Parse(checksummed);
        Assert.Equal(checksummed, address.ToString());
        Assert.Equal(address, Address.Parse(checksummed.ToLowerInvariant()));
        Assert.Equal(address, Address.Parse("0x" + checksummed[2..].ToUpperInvariant()));
        Assert.Equal(checksummed, new Nethereum.Util.AddressUtil().ConvertToChecksumAddress(checksummed.ToLowerInvariant()));
    }

    [Fact]
    public void Rejects_a_wrong_checksum_and_names_the_right_one()
    {
        var ex = Assert.Throws<FormatException>(() => Address.Parse("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        Assert.Contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd")]
    [InlineData("0xzzAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void Rejects_malformed_text(string text)
    {
        Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.False(Address.TryParse(text, out _));
    }

    [Fact]
    public void Orders_numerically()
    {
        var low = Address.Parse("0x00000000000000000000000000000000000000ff");
        var high = Address.Parse("0x0100000000000000000000000000000000000000");
        Assert.True(low < high);
        Assert.True(high.CompareTo(low) > 0);
    }
}
