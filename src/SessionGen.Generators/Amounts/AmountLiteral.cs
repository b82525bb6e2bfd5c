using System.Globalization;
using System.Numerics;

namespace SessionGen.Generators.Amounts;

/// <summary>
/// Parses the amount literals written in session attributes: decimal integers with optional <c>_</c> digit
/// separators (<c>"1_000_000"</c>), a decimal mantissa with an exponent (<c>"100e6"</c>, <c>"1.5e18"</c>) and
/// hexadecimal (<c>"0x5f5e100"</c>). The value must be an exact integer in [0, 2^256-1]; anything else is
/// rejected with a reason, never rounded or truncated.
/// </summary>
internal static class AmountLiteral
{
    /// <summary>2^256-1, the largest uint256.</summary>
    public static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;

    /// <summary>Decimal digits of 2^256-1; a value with more integer digits cannot fit.</summary>
    private const int MaxDecimalDigits = 78;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why, in words fit for a diagnostic.</summary>
    public static bool TryParse(string? text, out BigInteger value, out string error)
    {
        value = BigInteger.Zero;
        if (text is null || text.Length == 0)
        {
            error = "the amount is empty";
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                error = "the amount contains whitespace at position " + i.ToString(CultureInfo.InvariantCulture);
                return false;
            }
        }

        if (text[0] == '-')
        {
            error = "amounts cannot be negative";
            return false;
        }

        return text.Length > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')
            ? TryParseHex(text, out value, out error)
            : TryParseDecimal(text, out value, out error);
    }

    private static bool TryParseHex(string text, out BigInteger value, out string error)
    {
        value = BigInteger.Zero;
        if (!TryCollectDigits(text, 2, text.Length, hex: true, out var digits, out error))
        {
            return false;
        }

        if (digits.Length == 0)
        {
            error = "'0x' must be followed by hexadecimal digits";
            return false;
        }

        // A leading "0" keeps BigInteger from reading the top bit as a sign.
        value = BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return CheckRange(value, out error);
    }

    private static bool TryParseDecimal(string text, out BigInteger value, out string error)
    {
        value = BigInteger.Zero;
        var exponentAt = text.IndexOfAny(new[] { 'e', 'E' });
        var mantissaEnd = exponentAt < 0 ? text.Length : exponentAt;
        var pointAt = text.IndexOf('.', 0, mantissaEnd);
        var integerEnd = pointAt < 0 ? mantissaEnd : pointAt;

        if (!TryCollectDigits(text, 0, integerEnd, hex: false, out var integerDigits, out error))
        {
            return false;
        }

        var fractionDigits = string.Empty;
        if (pointAt >= 0 && !TryCollectDigits(text, pointAt + 1, mantissaEnd, hex: false, out fractionDigits, out error))
        {
            return false;
        }

        if (integerDigits.Length == 0 || pointAt >= 0 && fractionDigits.Length == 0)
        {
            error = "a number needs digits on both sides of '.' and before the exponent";
            return false;
        }

        var exponent = 0L;
        if (exponentAt >= 0 && !TryParseExponent(text, exponentAt + 1, out exponent, out error))
        {
            return false;
        }

        // value = significand * 10^scale, with the significand stripped of leading and trailing zeros.
        var significand = (integerDigits + fractionDigits).TrimStart('0');
        var scale = exponent - fractionDigits.Length;
        var trimmed = significand.TrimEnd('0');
        scale += significand.Length - trimmed.Length;
        significand = trimmed;

        if (significand.Length == 0)
        {
            error = string.Empty;
            return true;
        }

        if (scale < 0)
        {
            error = "the amount has a fractional part; amounts are whole numbers of the smallest unit (e.g. \"1.5e6\" is fine, \"1.5\" is not)";
            return false;
        }

        if (significand.Length + scale > MaxDecimalDigits)
        {
            error = "the amount exceeds 2^256-1, the largest uint256";
            return false;
        }

        value = BigInteger.Parse(significand, NumberStyles.None, CultureInfo.InvariantCulture) * BigInteger.Pow(10, (int)scale);
        return CheckRange(value, out error);
    }

    /// <summary>Digits in [start, end) with single '_' separators between digits only.</summary>
    private static bool TryCollectDigits(string text, int start, int end, bool hex, out string digits, out string error)
    {
        var builder = new System.Text.StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                if (i == start || i == end - 1 || text[i - 1] == '_' || text[i + 1] == '_')
                {
                    error = "a '_' separator must stand between two digits (position " + i.ToString(CultureInfo.InvariantCulture) + ")";
                    digits = string.Empty;
                    return false;
                }

                continue;
            }

            if (!(c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')))
            {
                error = "unexpected character '" + c + "' at position " + i.ToString(CultureInfo.InvariantCulture)
                    + "; write a decimal integer (\"1_000_000\"), a mantissa with an exponent (\"100e6\") or hexadecimal (\"0x…\")";
                digits = string.Empty;
                return false;
            }

            builder.Append(c);
        }

        error = string.Empty;
        digits = builder.ToString();
        return true;
    }

    /// <summary>An optionally signed decimal exponent, saturated far beyond any meaningful scale.</summary>
    private static bool TryParseExponent(string text, int start, out long exponent, out string error)
    {
        exponent = 0;
        var negative = false;
        var i = start;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        if (i == text.Length)
        {
            error = "the exponent has no digits";
            return false;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9')
            {
                error = "unexpected character '" + c + "' in the exponent at position " + i.ToString(CultureInfo.InvariantCulture);
                return false;
            }

            exponent = exponent > 1_000_000_000L ? exponent : exponent * 10 + (c - '0');
        }

        exponent = negative ? -exponent : exponent;
        error = string.Empty;
        return true;
    }

    private static bool CheckRange(BigInteger value, out string error)
    {
        error = value > MaxUInt256 ? "the amount exceeds 2^256-1, the largest uint256" : string.Empty;
        return error.Length == 0;
    }
}
