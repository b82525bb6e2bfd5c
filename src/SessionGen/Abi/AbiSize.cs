using System;
using System.Text;

namespace SessionGen.Abi;

/// <summary>
/// Encoded sizes of ABI values, used to size a buffer exactly once before an <see cref="AbiWriter"/> fills it.
/// </summary>
/// <remarks>Generated call builders add these up so that the calldata is a single allocation.</remarks>
public static class AbiSize
{
    /// <summary>The size of one ABI word.</summary>
    public const int Word = 32;

    /// <summary>Rounds a byte count up to a whole number of words.</summary>
    public static int PadToWord(int length) => checked((length + 31) & ~31);

    /// <summary>The tail size of a <c>bytes</c> value: a length word and the padded content.</summary>
    public static int Bytes(int length) => checked(Word + PadToWord(length));

    /// <summary>The tail size of a <c>bytes</c> value.</summary>
    public static int Bytes(ReadOnlySpan<byte> value) => Bytes(value.Length);

    /// <summary>The tail size of a <c>string</c> value (UTF-8).</summary>
    public static int String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Bytes(Encoding.UTF8.GetByteCount(value));
    }
}
