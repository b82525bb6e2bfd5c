using System;
using System.Numerics;

namespace SessionGen;

/// <summary>One call an account makes: the target contract, the native value sent, and the calldata.</summary>
/// <param name="Target">The contract called.</param>
/// <param name="Value">The native value (wei) sent with the call.</param>
/// <param name="Data">The calldata: a 4-byte selector and the ABI-encoded arguments, or empty for a plain transfer.</param>
public readonly record struct Call(Address Target, BigInteger Value, ReadOnlyMemory<byte> Data)
{
    /// <summary>The selector the call invokes, or <see langword="null"/> when the calldata is shorter than 4 bytes.</summary>
    public Selector? Selector => Data.Length >= 4 ? new Selector(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Data.Span)) : null;

    /// <summary>A call with no native value.</summary>
    public static Call To(Address target, ReadOnlyMemory<byte> data) => new(target, BigInteger.Zero, data);
}
