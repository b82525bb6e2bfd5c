using Xunit;

namespace SessionGen.IntegrationTests.Devnet;

public class DevKeyTests
{
    [Fact]
    public void Prints_the_address_and_never_the_key()
    {
        const string key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
        var devKey = new SessionGen.Devnet.DevKey(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), key);

        Assert.Equal("DevKey { Address = 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 }", devKey.ToString());
        Assert.DoesNotContain(key[2..14], devKey.ToString());
    }
}
