using System.Globalization;

namespace SessionGen.Generators.Abi;

/// <summary>Whether a type string is wrong (malformed) or valid Solidity that SessionGen does not bind (unsupported).</summary>
internal enum AbiTypeProblem
{
    None,
    Malformed,
    Unsupported,
}

/// <summary>Parses and canonicalizes the type strings of ABI JSON (<c>uint</c>, <c>bytes32[2][]</c>, <c>tuple[]</c>, …).</summary>
internal static class AbiTypeSyntax
{
    /// <summary>Fixed-size arrays are unrolled into a static head; beyond this the binding would be absurd (and sizes could overflow).</summary>
    public const int MaxFixedArrayLength = 1024;

    /// <summary>
    /// Splits a type string as written in ABI JSON into its base (<c>tuple</c> or a canonical elementary type)
    /// and its array suffix (e.g. <c>[2][]</c>), checking every part.
    /// </summary>
    public static AbiTypeProblem TryParse(string type, out string baseType, out string arraySuffix, out string error)
    {
        baseType = string.Empty;
        arraySuffix = string.Empty;
        var bracket = type.IndexOf('[');
        var baseText = bracket < 0 ? type : type.Substring(0, bracket);
        if (baseText == "tuple")
        {
            baseType = "tuple";
        }
        else
        {
            var problem = ParseElementary(baseText, out _, out _, out baseType, out error);
            if (problem != AbiTypeProblem.None)
            {
                return problem;
            }
        }

        if (bracket >= 0 && !TryParseArraySuffix(type.Substring(bracket), out arraySuffix, out error))
        {
            return AbiTypeProblem.Malformed;
        }

        error = string.Empty;
        return AbiTypeProblem.None;
    }

    /// <summary>Parses an elementary type (no tuple, no array suffix), resolving the <c>uint</c>/<c>int</c> aliases.</summary>
    public static bool TryParseElementary(string text, out AbiTypeKind kind, out int size, out string canonical, out string error) =>
        ParseElementary(text, out kind, out size, out canonical, out error) == AbiTypeProblem.None;

    private static AbiTypeProblem ParseElementary(string text, out AbiTypeKind kind, out int size, out string canonical, out string error)
    {
        kind = default;
        size = 0;
        canonical = text;
        error = string.Empty;
        switch (text)
        {
            case "address":
                kind = AbiTypeKind.Address;
                return AbiTypeProblem.None;
            case "bool":
                kind = AbiTypeKind.Bool;
                return AbiTypeProblem.None;
            case "string":
                kind = AbiTypeKind.String;
                return AbiTypeProblem.None;
            case "bytes":
                kind = AbiTypeKind.Bytes;
                return AbiTypeProblem.None;
            case "uint":
                kind = AbiTypeKind.UInt;
                size = 256;
                canonical = "uint256";
                return AbiTypeProblem.None;
            case "int":
                kind = AbiTypeKind.Int;
                size = 256;
                canonical = "int256";
                return AbiTypeProblem.None;
            case "function":
                error = "'function' (an external function reference) is not supported";
                return AbiTypeProblem.Unsupported;
            case "":
                error = "the type is empty";
                return AbiTypeProblem.Malformed;
        }

        if (text.StartsWith("ufixed", System.StringComparison.Ordinal) || text.StartsWith("fixed", System.StringComparison.Ordinal))
        {
            error = $"fixed-point type '{text}' is not supported (Solidity cannot use it either)";
            return AbiTypeProblem.Unsupported;
        }

        if (TrySplitWidth(text, "uint", out var digits) || TrySplitWidth(text, "int", out digits))
        {
            kind = text[0] == 'u' ? AbiTypeKind.UInt : AbiTypeKind.Int;
            if (!TryParseDecimal(digits, out size) || size < 8 || size > 256 || size % 8 != 0)
            {
                error = $"'{text}' has an invalid width (integers are 8 to 256 bits in steps of 8)";
                return AbiTypeProblem.Malformed;
            }

            return AbiTypeProblem.None;
        }

        if (TrySplitWidth(text, "bytes", out digits))
        {
            kind = AbiTypeKind.FixedBytes;
            if (!TryParseDecimal(digits, out size) || size < 1 || size > 32)
            {
                error = $"'{text}' has an invalid length (bytes1 to bytes32)";
                return AbiTypeProblem.Malformed;
            }

            return AbiTypeProblem.None;
        }

        error = $"'{text}' is not an ABI type";
        return AbiTypeProblem.Malformed;
    }

    private static bool TrySplitWidth(string text, string prefix, out string digits)
    {
        digits = string.Empty;
        if (text.Length <= prefix.Length || !text.StartsWith(prefix, System.StringComparison.Ordinal))
        {
            return false;
        }

        digits = text.Substring(prefix.Length);
        return true;
    }

    private static bool TryParseDecimal(string digits, out int value)
    {
        value = 0;
        if (digits.Length == 0 || digits.Length > 9 || (digits.Length > 1 && digits[0] == '0'))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        value = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool TryParseArraySuffix(string suffix, out string canonical, out string error)
    {
        canonical = suffix;
        error = string.Empty;
        var position = 0;
        while (position < suffix.Length)
        {
            var close = suffix.IndexOf(']', position);
            if (suffix[position] != '[' || close < 0)
            {
                error = $"the array suffix '{suffix}' is malformed (expected [] or [k])";
                return false;
            }

            var length = suffix.Substring(position + 1, close - position - 1);
            var count = 0;
            if (length.Length > 0 && (!TryParseDecimal(length, out count) || count == 0))
            {
                error = $"the array length '{length}' in '{suffix}' is not a positive integer";
                return false;
            }

            if (length.Length > 0 && count > MaxFixedArrayLength)
            {
                error = $"the array length {count} in '{suffix}' is larger than the {MaxFixedArrayLength} elements a binding supports";
                return false;
            }

            position = close + 1;
        }

        return true;
    }
}
