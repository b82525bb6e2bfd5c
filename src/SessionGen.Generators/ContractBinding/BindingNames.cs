using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SessionGen.Generators.ContractBinding;

/// <summary>How ABI names become C# names: PascalCase members, parameters as written (escaped), predictable fallbacks.</summary>
internal static class BindingNames
{
    /// <summary>The nested class holding function selector constants.</summary>
    public const string SelectorsClass = "Selectors";

    /// <summary>The nested class holding custom-error selector constants.</summary>
    public const string ErrorSelectorsClass = "ErrorSelectors";

    /// <summary>The nested class holding the calldata encoders.</summary>
    public const string CalldataClass = "Calldata";

    /// <summary>The private nested class holding the per-type encoding helpers.</summary>
    public const string CodecClass = "AbiCodec";

    /// <summary>
    /// Whether <paramref name="name"/> is a member every C# type inherits from <see cref="object"/> or every record
    /// declares: a generated member of that name would hide it (CS0108, an error under warnings-as-errors), clash with it
    /// in a record struct (CS8866), or, as a struct name, collide with the struct's own <c>ToString</c> (CS0542).
    /// </summary>
    public static bool IsObjectMember(string name) => name is
        "ToString" or "Equals" or "GetHashCode" or "GetType" or "MemberwiseClone" or "Finalize" or "ReferenceEquals"
        or "Deconstruct" or "PrintMembers" or "EqualityContract";

    /// <summary>
    /// Whether a parameter of this name would change what the generated method bodies mean: a parameter named
    /// <c>nameof</c> turns every <c>nameof(x)</c> into a call of it (CS0149), one named like a nested class the bodies
    /// use (<c>Calldata.F(…)</c>, <c>Selectors.F</c>) hides that class, and one named like a local would clash with it.
    /// </summary>
    private static bool ShadowsGeneratedCode(string name) => name is
        "nameof" or SelectorsClass or ErrorSelectorsClass or CalldataClass or CodecClass or "__buffer" or "__destination" or "__length" or "__writer";

    /// <summary>A member name: the ABI name with its first letter upper-cased (<c>transferFrom</c> → <c>TransferFrom</c>; <c>$</c> → <c>_</c>).</summary>
    public static string Pascal(string abiName)
    {
        var name = abiName.Replace('$', '_');
        return name.Length > 0 && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name;
    }

    /// <summary>A parameter name: as written in the ABI (<c>$</c> → <c>_</c>), <c>arg{index}</c> when unnamed, <c>@</c>-escaped when a C# keyword, with a trailing <c>_</c> when it would shadow generated code.</summary>
    public static string Parameter(string abiName, int index)
    {
        var name = abiName.Length == 0 ? "arg" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) : abiName.Replace('$', '_');
        if (ShadowsGeneratedCode(name))
        {
            return name + "_";
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    /// <summary>A struct member (positional record property): PascalCase, <c>Item{index+1}</c> when unnamed.</summary>
    public static string Member(string abiName, int index) =>
        abiName.Length == 0 ? "Item" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Pascal(abiName);

    /// <summary>
    /// The struct name Solidity gives a tuple (<c>struct ISwapRouter.ExactInputSingleParams[]</c> →
    /// <c>ExactInputSingleParams</c>), or null when the ABI does not say.
    /// </summary>
    public static string? StructNameFromInternalType(string? internalType)
    {
        const string Prefix = "struct ";
        if (internalType is null || !internalType.StartsWith(Prefix, System.StringComparison.Ordinal))
        {
            return null;
        }

        var name = internalType.Substring(Prefix.Length);
        var bracket = name.IndexOf('[');
        if (bracket >= 0)
        {
            name = name.Substring(0, bracket);
        }

        name = name.Substring(name.LastIndexOf('.') + 1).Trim();
        return IsIdentifier(name) ? Pascal(name) : null;
    }

    /// <summary>Joins suffix parts into the overload suffix: <c>_address_address_uint256</c>, or <c>_NoArgs</c> for no parameters.</summary>
    public static string Suffix(System.Collections.Generic.IReadOnlyList<string> parts)
    {
        if (parts.Count == 0)
        {
            return "_NoArgs";
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append('_').Append(part);
        }

        return builder.ToString();
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
