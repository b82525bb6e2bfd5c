using System;
using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.UserOperations;

/// <summary>
/// The ERC-4337 nonce layout: <c>nonce = key &lt;&lt; 64 | sequence</c>, with a 192-bit key (one independent sequence
/// per key, read with the EntryPoint's <c>getNonce(sender, key)</c>) and a 64-bit sequence.
/// </summary>
public static class UserOperationNonce
{
    /// <summary>Combines a key and a sequence number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The key is negative or needs more than 192 bits.</exception>
    public static BigInteger Compose(BigInteger key, ulong sequence)
    {
        AbiRange.CheckUnsigned(key, 192, nameof(key));
        return (key << 64) | sequence;
    }

    /// <summary>The 192-bit key of a nonce.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The nonce is not a <c>uint256</c>.</exception>
    public static BigInteger GetKey(BigInteger nonce)
    {
        AbiRange.CheckUnsigned(nonce, 256, nameof(nonce));
        return nonce >> 64;
    }

    /// <summary>The 64-bit sequence number of a nonce.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The nonce is not a <c>uint256</c>.</exception>
    public static ulong GetSequence(BigInteger nonce)
    {
        AbiRange.CheckUnsigned(nonce, 256, nameof(nonce));
        return (ulong)(nonce & ulong.MaxValue);
    }
}
