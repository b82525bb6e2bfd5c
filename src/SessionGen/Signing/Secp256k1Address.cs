using System;
using NBitcoin.Secp256k1;

namespace SessionGen.Signing;

/// <summary>The Ethereum address of a secp256k1 public key: the last 20 bytes of keccak256(X ‖ Y).</summary>
internal static class Secp256k1Address
{
    public static Address From(ECPubKey publicKey)
    {
        Span<byte> uncompressed = stackalloc byte[65];
        publicKey.WriteToSpan(compressed: false, uncompressed, out _);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(uncompressed[1..], hash);
        return new Address(hash[12..]);
    }
}
