#if !NET8_0_OR_GREATER
using System;

namespace SessionGen;

/// <summary>
/// The span searches of .NET 7–8 (<c>IndexOfAnyExcept</c>, <c>ContainsAnyExcept</c>, <c>IndexOfAnyInRange</c>) that
/// netstandard2.1 lacks, as plain loops with the same results (.NET's are vectorised; the spans searched here are at most a
/// word or an address).
/// </summary>
internal static class SpanSearch
{
    public static int IndexOfAnyExcept(this ReadOnlySpan<byte> span, byte value)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] != value)
            {
                return i;
            }
        }

        return -1;
    }

    public static int IndexOfAnyExcept(this Span<byte> span, byte value) => ((ReadOnlySpan<byte>)span).IndexOfAnyExcept(value);

    public static bool ContainsAnyExcept(this ReadOnlySpan<byte> span, byte value) => span.IndexOfAnyExcept(value) >= 0;

    public static bool ContainsAnyExcept(this Span<byte> span, byte value) => ((ReadOnlySpan<byte>)span).IndexOfAnyExcept(value) >= 0;

    public static int IndexOfAnyInRange(this ReadOnlySpan<char> span, char lowInclusive, char highInclusive)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if ((uint)(span[i] - lowInclusive) <= (uint)(highInclusive - lowInclusive))
            {
                return i;
            }
        }

        return -1;
    }
}
#endif
