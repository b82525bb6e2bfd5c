using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Nethereum.Signer;
using SessionGen.Signing;
using Xunit;

namespace SessionGen.Tests.Signing;

public class PrivateKeySignerTests
{
    private const string KnownKey = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    [Fact]
    public void Signs_byte_for_byte_like_nethereum_and_recovers_to_the_address()
    {
        var random = new Random(4337);
        for (var i = 0; i < 250; i++)
        {
            var keyBytes = new byte[32];
            random.NextBytes(keyBytes);
            var hashBytes = new byte[32];
            random.NextBytes(hashBytes);
            var hash = new Bytes32(hashBytes);

            using var signer = PrivateKeySigner.FromPrivateKey(keyBytes);
            var reference = new EthECKey(keyBytes, isPrivate: true);
            var expected = reference.SignAndCalculateV(hashBytes);

            var signature = signer.SignHash(hash);

            Assert.Equal(reference.GetPublicAddress(), signer.Address.ToString());
            Assert.Equal(EthECDSASignature.CreateStringSignature(expected), signature.ToString());
            Assert.Equal(signer.Address, signature.RecoverAddress(hash));
            if (i % 4 == 0)
            {
                // Nethereum's recovery is slow (tens of ms); a quarter of the cases is plenty on top of the byte equality.
                Assert.Equal(signer.Address.ToString(), EthECKey.RecoverFromSignature(EthECDSASignatureFactory.ExtractECDSASignature(signature.ToString()), hashBytes).GetPublicAddress());
            }
        }
    }

    [Fact]
    public void Makes_low_s_signatures()
    {
        // s ≤ n/2, as Ethereum (EIP-2) requires.
        var halfOrder = Bytes32.Parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
        using var signer = PrivateKeySigner.Generate();
        for (var i = 0; i < 100; i++)
        {
            var signature = signer.SignHash(Keccak256.Hash(BitConverter.GetBytes(i)));
            Assert.True(string.CompareOrdinal(signature.S.ToString(), halfOrder.ToString()) <= 0, signature.ToString());
        }
    }

    [Fact]
    public void Generates_distinct_valid_keys()
    {
        var signers = Enumerable.Range(0, 20).Select(_ => PrivateKeySigner.Generate()).ToList();
        Assert.Equal(20, signers.Select(s => s.Address).Distinct().Count());
        foreach (var signer in signers)
        {
            Assert.Equal(signer.Address.ToString(), new EthECKey(signer.ExportPrivateKey(), isPrivate: true).GetPublicAddress());
            signer.Dispose();
        }
    }

    [Fact]
    public async Task Signs_through_the_async_seam()
    {
        using var signer = PrivateKeySigner.FromPrivateKey(KnownKey);
        IAsyncSigner seam = signer;
        var hash = Keccak256.Hash("hello");
        Assert.Equal(signer.SignHash(hash), await seam.SignHashAsync(hash));
        Assert.Equal("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", seam.Address.ToString());
    }

    [Fact]
    public void Never_shows_the_private_key()
    {
        var keyDigits = KnownKey[2..];
        using var signer = PrivateKeySigner.FromPrivateKey(KnownKey);

        Assert.DoesNotContain(keyDigits, signer.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(signer.Address.ToString(), signer.ToString());

        var display = typeof(PrivateKeySigner).GetCustomAttribute<DebuggerDisplayAttribute>();
        Assert.NotNull(display);
        Assert.Equal("PrivateKeySigner {Address}", display.Value);

        // Bad keys: the messages name the parameter, never the text.
        var almost = "0x" + keyDigits[..63] + "g";
        var notHex = Assert.Throws<ArgumentException>(() => PrivateKeySigner.FromPrivateKey(almost));
        Assert.Equal("privateKeyHex", notHex.ParamName);
        Assert.DoesNotContain(keyDigits[..20], notHex.Message, StringComparison.OrdinalIgnoreCase);

        var order = "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
        var invalid = Assert.Throws<ArgumentException>(() => PrivateKeySigner.FromPrivateKey(order));
        Assert.DoesNotContain("baaedce6af48a03bbfd25e8cd0364141", invalid.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => PrivateKeySigner.FromPrivateKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => PrivateKeySigner.FromPrivateKey(new byte[31]));
    }

    [Fact]
    public void Dispose_zeroes_the_key_and_stops_signing()
    {
        var signer = PrivateKeySigner.FromPrivateKey(KnownKey);
        var field = typeof(PrivateKeySigner).GetField("_key", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var key = (byte[])field.GetValue(signer)!;
        Assert.Contains(key, b => b != 0);

        signer.Dispose();

        Assert.All(key, b => Assert.Equal(0, b));
        var ex = Assert.Throws<ObjectDisposedException>(() => signer.SignHash(Bytes32.Zero));
        Assert.DoesNotContain(KnownKey[2..], ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ObjectDisposedException>(() => signer.ExportPrivateKey());
        Assert.Equal("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", signer.ToString()["PrivateKeySigner ".Length..]);
    }
}
