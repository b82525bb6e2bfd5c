using System;
using System.Collections.Generic;
using System.Text;

namespace SessionGen.Generators.Abi;

/// <summary>Canonical signatures (<c>name(type,…)</c>), as hashed for selectors.</summary>
internal static class AbiSignature
{
    /// <summary>Builds <c>name(t1,t2,…)</c> from canonical parameter types.</summary>
    public static string Build(string name, IEnumerable<AbiParameterModel> inputs)
    {
        var builder = new StringBuilder(name).Append('(');
        var first = true;
        foreach (var input in inputs)
        {
            if (!first)
            {
                builder.Append(',');
            }

            builder.Append(input.Type);
            first = false;
        }

        return builder.Append(')').ToString();
    }

    /// <summary>
    /// Turns a hand-written signature into canonical form: whitespace, parameter names and data locations dropped,
    /// <c>uint</c>/<c>int</c> widened, a leading <c>tuple</c> keyword removed
    /// (<c>"swap( (address a, uint x)[] calldata p )"</c> → <c>"swap((address,uint256)[])"</c>).
    /// Returns the input trimmed when it is not a signature at all.
    /// </summary>
    public static string Normalize(string signature)
    {
        var open = signature.IndexOf('(');
        if (open < 0)
        {
            return signature.Trim();
        }

        var close = MatchingParenthesis(signature, open);
        if (close < 0)
        {
            return signature.Trim();
        }

        return signature.Substring(0, open).Trim() + NormalizeList(signature.Substring(open + 1, close - open - 1));
    }

    /// <summary>The index of the <c>)</c> matching the <c>(</c> at <paramref name="open"/>, or -1.</summary>
    public static int MatchingParenthesis(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string NormalizeList(string list)
    {
        var builder = new StringBuilder("(");
        var depth = 0;
        var start = 0;
        var first = true;
        for (var i = 0; i <= list.Length; i++)
        {
            var c = i < list.Length ? list[i] : ',';
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                var item = list.Substring(start, i - start).Trim();
                start = i + 1;
                if (item.Length == 0 && first && i == list.Length)
                {
                    break; // "()"
                }

                if (!first)
                {
                    builder.Append(',');
                }

                builder.Append(NormalizeType(item));
                first = false;
            }
        }

        return builder.Append(')').ToString();
    }

    private static string NormalizeType(string item)
    {
        if (item.StartsWith("tuple", StringComparison.Ordinal) && item.Substring(5).TrimStart().StartsWith("(", StringComparison.Ordinal))
        {
            item = item.Substring(5).TrimStart();
        }

        if (item.StartsWith("(", StringComparison.Ordinal))
        {
            var close = MatchingParenthesis(item, 0);
            if (close < 0)
            {
                return item;
            }

            return NormalizeList(item.Substring(1, close - 1)) + ArraySuffix(item.Substring(close + 1));
        }

        // "uint256[] memory amounts" → "uint256[]"; "uint" → "uint256".
        var end = 0;
        while (end < item.Length && !char.IsWhiteSpace(item[end]))
        {
            end++;
        }

        var type = item.Substring(0, end);
        var bracket = type.IndexOf('[');
        var baseType = bracket < 0 ? type : type.Substring(0, bracket);
        var suffix = bracket < 0 ? string.Empty : type.Substring(bracket);
        return (baseType switch { "uint" => "uint256", "int" => "int256", _ => baseType }) + suffix;
    }

    private static string ArraySuffix(string rest)
    {
        var builder = new StringBuilder();
        foreach (var c in rest)
        {
            if (c == '[' || c == ']' || char.IsDigit(c))
            {
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                break;
            }
        }

        return builder.ToString();
    }
}
