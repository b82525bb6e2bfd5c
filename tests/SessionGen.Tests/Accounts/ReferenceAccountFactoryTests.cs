using System;
using System.Linq;
using SessionGen.Accounts;
using SessionGen.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Tests.Accounts;

public sealed class ReferenceAccountFactoryTests
{
    [Fact]
    public void Account_init_data_and_createAccount_match_viem()
    {
        using var json = NodeVectors.Run("account-vectors.mjs", "5", "300");
        var inits = json.RootElement.GetProperty("inits").EnumerateArray().ToArray();
        Assert.Equal(100, inits.Length);
        foreach (var c in inits)
        {
            var validators = c.GetProperty("validators").EnumerateArray()
                .Select(v => new ModuleInit(Address.Parse(v.GetProperty("module").GetString()!), Hex.Decode(v.GetProperty("data").GetString()!)))
                .ToArray();
            var initData = ReferenceAccountFactory.EncodeAccountInitData(Address.Parse(c.GetProperty("bootstrap").GetString()!), validators);
            Assert.Equal(c.GetProperty("initData").GetString(), Hex.Encode(initData));
            var salt = Bytes32.Parse(c.GetProperty("salt").GetString()!);
            Assert.Equal(c.GetProperty("createAccount").GetString(), Hex.Encode(ReferenceAccountFactory.EncodeCreateAccount(salt, initData)));
        }
    }

    [Fact]
    public void Selectors_are_the_modulekit_ones()
    {
        Assert.Equal(new Selector(0x642219af), ReferenceAccountFactory.InitMsaSelector);
        Assert.Throws<ArgumentException>(() => ReferenceAccountFactory.EncodeAccountInitData(Address.Zero, Array.Empty<ModuleInit>()));
    }

    [Fact]
    public void Init_code_is_the_factory_address_then_createAccount()
    {
        var factory = Address.Parse("0x00000000000000000000000000000000000fac70");
        var initCode = ReferenceAccountFactory.EncodeInitCode(factory, Bytes32.Zero, new byte[] { 1, 2, 3 });
        Assert.Equal(factory, new Address(initCode.AsSpan(0, 20)));
        Assert.Equal(ReferenceAccountFactory.EncodeCreateAccount(Bytes32.Zero, new byte[] { 1, 2, 3 }), initCode[20..]);
    }
}
