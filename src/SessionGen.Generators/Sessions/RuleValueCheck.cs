using System;
using System.Globalization;
using System.Numerics;
using SessionGen.Generators.Sessions.Model;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// SESSGEN210: literal rule values that no call can satisfy, judged against the parameter's ABI type: a value wider than
/// the type (a 22-byte address never equals a 20-byte one), <c>LessThan "0"</c>, <c>GreaterThan</c> the type's largest value.
/// Signed and <c>bytesN</c> parameters are compared as raw words on chain and are not judged here.
/// </summary>
internal static class RuleValueCheck
{
    private const byte GreaterThan = 1, LessThan = 2, InRange = 6;

    /// <summary>Why the rule can never hold, or null.</summary>
    public static string? Problem(ParamRuleDeclaration rule, string abiType)
    {
        if (rule.Reference is null || MaxOf(abiType) is not { } max)
        {
            return null;
        }

        var reference = BigInteger.Parse(rule.Reference, CultureInfo.InvariantCulture);
        if (rule.Condition == InRange)
        {
            return reference > max ? "has a lower bound above the largest " + abiType + " (" + Show(max, abiType) + ")" : null;
        }

        if (reference > max)
        {
            return abiType == "address"
                ? "compares with " + Show(reference, abiType) + ", which is " + ((Show(reference, abiType).Length - 1) / 2).ToString(CultureInfo.InvariantCulture) + " bytes long: an address has 20"
                : "compares with " + rule.Reference + ", above the largest " + abiType + " (" + Show(max, abiType) + ")";
        }

        return rule.Condition switch
        {
            LessThan when reference.IsZero => "requires a value less than 0, which no unsigned value is",
            GreaterThan when reference == max => "requires a value greater than the largest " + abiType,
            _ => null,
        };
    }

    /// <summary>The largest value of an unsigned word type; null for types not judged.</summary>
    private static BigInteger? MaxOf(string abiType)
    {
        if (abiType == "address")
        {
            return (BigInteger.One << 160) - 1;
        }

        if (abiType == "bool")
        {
            return BigInteger.One;
        }

        return abiType.StartsWith("uint", StringComparison.Ordinal) && int.TryParse(abiType.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            ? (BigInteger.One << bits) - 1
            : null;
    }

    private static string Show(BigInteger value, string abiType) =>
        abiType == "address" ? "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0') : value.ToString(CultureInfo.InvariantCulture);
}
