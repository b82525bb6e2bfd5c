using System;
using System.Buffers;

namespace SessionGen.Compression;

/// <summary>
/// FastLZ (level 1) exactly as Solady's <c>LibZip.flzCompress</c> / <c>flzDecompress</c> implement it:
/// the format the SmartSession module decompresses on chain (ENABLE signatures, and legacy USE signatures).
/// </summary>
/// <remarks>
/// Hand-written because no .NET library implements Solady's variant: it is FastLZ level 1 with an 8,192-entry
/// hash table keyed on 3 bytes, literal runs of at most 32 bytes, and no FastLZ block header, and
/// <see cref="Compress"/> reproduces the reference JavaScript byte for byte (the SDKs produce signatures
/// with it, so equal output means equal signatures and equal gas). Two details of that script are kept on
/// purpose: the hash multiplies in IEEE double precision (the product can exceed 2^53 and round before its
/// bits 19–31 are taken), and reads past the end of the input count as zero bytes.
/// </remarks>
public static class FastLz
{
    private const int HashBits = 13;
    private const int MaxDistance = 8192;
    private const int MaxLiteralRun = 32;
    private const int MaxLongMatch = 262;

    /// <summary>Compresses <paramref name="data"/>; the result is what Solady's <c>LibZip.flzCompress</c> returns.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        // Worst case: every 32 input bytes become a 1-byte literal header and the 32 bytes.
        var output = ArrayPool<byte>.Shared.Rent(data.Length + (data.Length / MaxLiteralRun) + 16);
        var table = ArrayPool<int>.Shared.Rent(1 << HashBits);
        try
        {
            Array.Clear(table, 0, 1 << HashBits);
            var length = CompressInto(data, output, table);
            return output.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(table);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <summary>Decompresses a FastLZ stream produced by <see cref="Compress"/> or by Solady's <c>LibZip.flzCompress</c>.</summary>
    /// <exception cref="ArgumentException">The stream is truncated or refers back before the start of the output.</exception>
    public static byte[] Decompress(ReadOnlySpan<byte> compressed)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(64, compressed.Length * 2));
        var i = 0;
        while (i < compressed.Length)
        {
            var control = compressed[i];
            var kind = control >> 5;
            if (kind == 0)
            {
                var count = control + 1;
                if (i + 1 + count > compressed.Length)
                {
                    throw Malformed(i, $"a literal run of {count} bytes goes past the end");
                }

                output.Write(compressed.Slice(i + 1, count));
                i += 1 + count;
                continue;
            }

            int length, distance;
            if (kind < 7)
            {
                if (i + 2 > compressed.Length)
                {
                    throw Malformed(i, "a short match is cut off");
                }

                length = kind + 2;
                distance = ((control & 31) << 8) + compressed[i + 1] + 1;
                i += 2;
            }
            else
            {
                if (i + 3 > compressed.Length)
                {
                    throw Malformed(i, "a long match is cut off");
                }

                length = compressed[i + 1] + 9;
                distance = ((control & 31) << 8) + compressed[i + 2] + 1;
                i += 3;
            }

            var written = output.WrittenCount;
            if (distance > written)
            {
                throw Malformed(i, $"a match refers {distance} bytes back but only {written} bytes were written");
            }

            // Byte by byte: a match may overlap the bytes it produces (a run).
            var target = output.GetSpan(length);
            var source = output.WrittenSpan;
            for (var k = 0; k < length; k++)
            {
                target[k] = k < distance ? source[written - distance + k] : target[k - distance];
            }

            output.Advance(length);
        }

        return output.WrittenSpan.ToArray();
    }

    private static int CompressInto(ReadOnlySpan<byte> input, Span<byte> output, int[] table)
    {
        var limit = input.Length - 4 - 9;
        var anchor = 0;
        var i = 2;
        var o = 0;
        while (i < limit)
        {
            int reference, distance, sequence, candidate;
            do
            {
                sequence = Read24(input, i);
                var slot = Hash(sequence);
                reference = table[slot];
                table[slot] = i;
                distance = i - reference;
                candidate = distance < MaxDistance ? Read24(input, reference) : 0x1000000;
            }
            while (i < limit && i++ >= 0 && sequence != candidate);

            if (i >= limit)
            {
                break;
            }

            i--;
            if (i > anchor)
            {
                o = WriteLiterals(input, anchor, i - anchor, output, o);
            }

            var matchLength = MatchLength(input, reference + 3, i + 3, input.Length - 4);
            i += matchLength;
            distance--;
            for (; matchLength > MaxLongMatch; matchLength -= MaxLongMatch)
            {
                output[o++] = (byte)(224 + (distance >> 8));
                output[o++] = 253;
                output[o++] = (byte)distance;
            }

            if (matchLength < 7)
            {
                output[o++] = (byte)((matchLength << 5) + (distance >> 8));
                output[o++] = (byte)distance;
            }
            else
            {
                output[o++] = (byte)(224 + (distance >> 8));
                output[o++] = (byte)(matchLength - 7);
                output[o++] = (byte)distance;
            }

            table[Hash(Read24(input, i))] = i;
            i++;
            table[Hash(Read24(input, i))] = i;
            i++;
            anchor = i;
        }

        return WriteLiterals(input, anchor, input.Length - anchor, output, o);
    }

    // The reference counts the bytes that match after the first three and then one more when it stops at a
    // mismatch (it only leaves its loop after the increment); at the bound it stops without the extra one.
    private static int MatchLength(ReadOnlySpan<byte> input, int from, int at, int bound)
    {
        var available = bound - at;
        var length = 0;
        while (length < available)
        {
            var same = input[from + length] == input[at + length];
            length++;
            if (!same)
            {
                break;
            }
        }

        return length;
    }

    private static int WriteLiterals(ReadOnlySpan<byte> input, int start, int count, Span<byte> output, int o)
    {
        while (count > 0)
        {
            var run = Math.Min(count, MaxLiteralRun);
            output[o++] = (byte)(run - 1);
            input.Slice(start, run).CopyTo(output[o..]);
            o += run;
            start += run;
            count -= run;
        }

        return o;
    }

    private static int Read24(ReadOnlySpan<byte> input, int i) =>
        At(input, i) | (At(input, i + 1) << 8) | (At(input, i + 2) << 16);

    private static int At(ReadOnlySpan<byte> input, int i) => (uint)i < (uint)input.Length ? input[i] : 0;

    // JavaScript: ((2654435769 * x) >> 19) & 8191, where the product is a double and ">>" takes it modulo 2^32.
    private static int Hash(int sequence)
    {
        var product = (long)(2654435769.0 * sequence);
        return (int)((ulong)product >> 19) & ((1 << HashBits) - 1);
    }

    private static ArgumentException Malformed(int position, string problem) =>
        new($"The FastLZ stream is malformed at byte {position}: {problem}.", "compressed");
}
