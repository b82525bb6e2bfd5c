#if !NET8_0_OR_GREATER
using System;
using System.Buffers;
using Org.BouncyCastle.Crypto.Digests;

namespace SessionGen;

/// <summary>
/// The span overloads of <see cref="KeccakDigest"/> that BouncyCastle.Cryptography has and Portable.BouncyCastle (the
/// BouncyCastle that Nethereum.KeyStore brings on netstandard) lacks: the same digest, fed through a pooled array.
/// </summary>
internal static class KeccakDigestSpans
{
    public static void BlockUpdate(this KeccakDigest digest, ReadOnlySpan<byte> input)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(input.Length);
        try
        {
            input.CopyTo(buffer);
            digest.BlockUpdate(buffer, 0, input.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static int DoFinal(this KeccakDigest digest, Span<byte> output)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(digest.GetDigestSize());
        try
        {
            var written = digest.DoFinal(buffer, 0);
            buffer.AsSpan(0, written).CopyTo(output);
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
#endif
