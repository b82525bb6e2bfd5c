using System;
using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>Values as single 32-byte ABI words (which are also their EIP-712 encodings).</summary>
internal static class Words
{
    /// <summary>An unsigned integer of at most <paramref name="bits"/> bits, big-endian and left-padded.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value does not fit (the message names <paramref name="name"/>).</exception>
    public static Bytes32 FromUInt(BigInteger value, int bits, string name)
    {
        AbiRange.CheckUnsigned(value, bits, name);
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
        return new Bytes32(word);
    }

    /// <summary>A <c>bytes4</c> value: left-aligned, zero-padded.</summary>
    public static Bytes32 FromSelector(Selector selector)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        selector.WriteTo(word);
        return new Bytes32(word);
    }

    /// <summary>An <c>address</c>: right-aligned, zero-padded.</summary>
    public static Bytes32 FromAddress(Address address)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        address.WriteTo(word[12..]);
        return new Bytes32(word);
    }
}
