using System;
using Nethereum.Signer;
using SessionGen.Signing;
using Xunit;

namespace SessionGen.Tests.Signing;

public class SignatureAndMessageTests
{
    [Fact]
    public void Hashes_personal_messages_like_nethereum()
    {
        var random = new Random(191);
        var reference = new EthereumMessageSigner();
        for (var length = 0; length < 200; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            Assert.Equal(Hex.Encode(reference.HashPrefixedMessage(message)), Eip191.HashMessage(message).ToString());
        }

        var userOpHash = Keccak256.Hash("user op");
        Assert.Equal(Hex.Encode(reference.HashPrefixedMessage(userOpHash.ToArray())), Eip191.HashMessage(userOpHash).ToString());
    }

    [Fact]
    public void An_eth_sign_signature_recovers_through_nethereums_message_signer()
    {
        using var signer = PrivateKeySigner.Generate();
        var userOpHash = Keccak256.Hash("op");
        var signature = signer.SignHash(Eip191.HashMessage(userOpHash));
        Assert.Equal(signer.Address.ToString(), new EthereumMessageSigner().EcRecover(userOpHash.ToArray(), signature.ToString()));
    }

    [Fact]
    public void Reads_back_what_it_writes_and_rejects_bad_bytes()
    {
        using var signer = PrivateKeySigner.Generate();
        var signature = signer.SignHash(Keccak256.Hash("x"));
        Assert.Equal(signature, EcdsaSignature.FromBytes(signature.ToArray()));

        var shortEx = Assert.Throws<ArgumentException>(() => EcdsaSignature.FromBytes(new byte[64]));
        Assert.Contains("got 64", shortEx.Message);
        var bytes = signature.ToArray();
        bytes[64] = 1;
        var vEx = Assert.Throws<ArgumentException>(() => EcdsaSignature.FromBytes(bytes));
        Assert.Contains("got 1", vEx.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcdsaSignature(signature.R, signature.S, 0));
    }
}
