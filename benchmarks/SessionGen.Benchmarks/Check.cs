using System;

namespace SessionGen.Benchmarks;

/// <summary>Setup-time checks that every contender of a benchmark computes the same bytes (a fast wrong answer is no result).</summary>
internal static class Check
{
    public static void Equal(string what, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new InvalidOperationException($"{what}: expected {Hex.Encode(expected)}, got {Hex.Encode(actual)}.");
        }
    }
}
