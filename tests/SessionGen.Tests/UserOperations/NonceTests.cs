using System;
using System.Linq;
using System.Numerics;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.UserOperations;

public class NonceTests(UserOpVectors vectors) : IClassFixture<UserOpVectors>
{
    [Fact]
    public void Reference_account_keys_match_module_sdk()
    {
        var keys = vectors.Json.RootElement.GetProperty("nonceKeys").EnumerateArray().ToArray();
        Assert.True(keys.Length >= 200);
        var kind = AccountKind.Erc7579Reference;
        foreach (var vector in keys)
        {
            var validator = vector.Addr("validator");
            var key = kind.GetNonceKey(validator);
            Assert.Equal(vector.Big("key"), key);
            Assert.Equal(vector.Text("getNonce"), Hex.Encode(EntryPointV07.EncodeGetNonce(vector.Addr("sender"), key)));

            var nonce = kind.GetNonce(validator, 41);
            Assert.Equal(validator, kind.GetValidator(nonce));
            Assert.Equal(key, UserOperationNonce.GetKey(nonce));
            Assert.Equal(41UL, UserOperationNonce.GetSequence(nonce));
        }
    }

    [Fact]
    public void Composes_and_splits_nonces()
    {
        var key = (BigInteger.One << 192) - 1;
        var nonce = UserOperationNonce.Compose(key, ulong.MaxValue);
        Assert.Equal((BigInteger.One << 256) - 1, nonce);
        Assert.Equal(key, UserOperationNonce.GetKey(nonce));
        Assert.Equal(ulong.MaxValue, UserOperationNonce.GetSequence(nonce));
        Assert.Equal("key", Assert.Throws<ArgumentOutOfRangeException>(() => UserOperationNonce.Compose(key + 1, 0)).ParamName);
        Assert.Equal("nonce", Assert.Throws<ArgumentOutOfRangeException>(() => UserOperationNonce.GetKey(-1)).ParamName);
    }

    [Fact]
    public void Reference_account_erc1271_signatures_start_with_the_validator()
    {
        var validator = Address.Parse("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
        var formatted = AccountKind.Erc7579Reference.FormatErc1271Signature(validator, new byte[] { 0xaa, 0xbb });
        Assert.Equal("0x2c7536e3605d9c16a7a3d7b1898e529396a65c23aabb", Hex.Encode(formatted));
        Assert.Equal("ERC-7579 reference account (MSA)", AccountKind.Erc7579Reference.ToString());
    }
}
