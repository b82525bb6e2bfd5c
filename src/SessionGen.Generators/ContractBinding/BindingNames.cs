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

    private static readonly System.Collections.Generic.HashSet<string> s_inheritedMembers = new(System.StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "Deconstruct", "PrintMembers",
    };

    /// <summary>
    /// Whether <paramref name="name"/> is a member every generated type inherits or synthesizes (object's members, and a record
    /// struct's <c>Deconstruct</c>/<c>PrintMembers</c>): a generated member of that name would hide or clash with it.
    /// </summary>
    public static bool IsInheritedMember(string name) => s_inheritedMembers.Contains(name);

    /// <summary>A member name: the ABI name with its first letter upper-cased (<c>transferFrom</c> → <c>TransferFrom</c>; <c>$</c> → <c>_</c>).</summary>
    public static string Pascal(string abiName)
    {
        var name = abiName.Replace('$', '_');
        return name.Length > 0 && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name;
    }

    /// <summary>
    /// A parameter name: as written in the ABI (<c>$</c> → <c>_</c>), <c>arg{index}</c> when unnamed, <c>@</c>-escaped when a
    /// C# keyword. Names starting with <c>__</c> (the generated code's locals) and the names of the generated nested
    /// classes (which a parameter would shadow in the method bodies) get a leading <c>_</c>, and so does <c>nameof</c>
    /// (a parameter of that name turns every <c>nameof(x)</c> in the body into a call of it: CS0149).
    /// </summary>
    public static string Parameter(string abiName, int index)
    {
        var name = abiName.Length == 0 ? "arg" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) : abiName.Replace('$', '_');
        if (name.StartsWith("__", System.StringComparison.Ordinal) || name is SelectorsClass or ErrorSelectorsClass or CalldataClass or CodecClass or "nameof")
        {
            name = "_" + name;
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
