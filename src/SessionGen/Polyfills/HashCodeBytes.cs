#if !NET8_0_OR_GREATER
using System;
using System.Runtime.InteropServices;

namespace SessionGen;

/// <summary>
/// <c>HashCode.AddBytes</c> (.NET 6) for netstandard2.1: four bytes at a time, then the rest one by one, as .NET does it.
/// Hash codes are per process anyway; what matters is that equal bytes hash alike.
/// </summary>
internal static class HashCodeBytes
{
    public static void AddBytes(ref this HashCode hash, ReadOnlySpan<byte> value)
    {
        var i = 0;
        for (; value.Length - i >= sizeof(int); i += sizeof(int))
        {
            hash.Add(MemoryMarshal.Read<int>(value.Slice(i))); // an unaligned read, like .NET's Unsafe.ReadUnaligned
        }

        for (; i < value.Length; i++)
        {
            hash.Add((int)value[i]);
        }
    }
}
#endif
