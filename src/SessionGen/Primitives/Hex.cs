using System;
using System.Diagnostics.CodeAnalysis;

namespace SessionGen;

/// <summary>Hexadecimal text as Ethereum tooling writes it: lowercase, with a <c>0x</c> prefix.</summary>
public static class Hex
{
    /// <summary>Formats bytes as <c>0x</c>-prefixed lowercase hexadecimal.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? "0x" : "0x" + Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>Parses hexadecimal text, with or without a <c>0x</c> prefix, of an even number of digits.</summary>
    /// <exception cref="FormatException">The text is not hexadecimal or has an odd number of digits.</exception>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!TryDecode(hex, out var bytes))
        {
            throw new FormatException($"'{Truncate(hex)}' is not an even-length hexadecimal string.");
        }

        return bytes;
    }

    /// <summary>Parses hexadecimal text; returns <see langword="false"/> instead of throwing.</summary>
    public static bool TryDecode(string? hex, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (hex is null)
        {
            return false;
        }

        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        bytes = Convert.FromHexString(digits);
        return true;
    }

    internal static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    internal static string Truncate(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
