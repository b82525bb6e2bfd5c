using System;

namespace SessionGen.Abi;

/// <summary>Writes the ABI tuple into the writer it is given.</summary>
internal delegate void AbiWrite(ref AbiWriter writer);

/// <summary>
/// ABI encoding for the cold paths (account creation, module calls) whose nested layouts are not worth sizing exactly:
/// the tuple is written into a buffer of an upper-bound size and cut to what was written.
/// </summary>
internal static class AbiScratch
{
    /// <summary><c>[selector ‖] abi.encode(…)</c> of a tuple with a head of <paramref name="headWords"/> words.</summary>
    /// <param name="selector">A function selector to put first, or null for bare <c>abi.encode</c>.</param>
    /// <param name="headWords">The tuple's head size in words.</param>
    /// <param name="capacity">An upper bound of the encoding's size in bytes (after the selector).</param>
    /// <param name="write">Writes the tuple.</param>
    public static byte[] Encode(Selector? selector, int headWords, int capacity, AbiWrite write)
    {
        var prefix = selector is null ? 0 : 4;
        var buffer = new byte[prefix + capacity];
        selector?.WriteTo(buffer);
        var writer = new AbiWriter(buffer, prefix, headWords * AbiSize.Word);
        write(ref writer);
        return buffer.AsSpan(0, writer.Position).ToArray();
    }

    /// <summary>A generous bound for <paramref name="bytes"/> of dynamic content in <paramref name="values"/> values.</summary>
    public static int Bound(int bytes, int values) => checked(bytes + ((values + 16) * 3 * AbiSize.Word));
}
