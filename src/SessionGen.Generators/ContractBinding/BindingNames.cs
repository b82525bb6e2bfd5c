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

    /// <summary>The nested class holding the return-data decoders.</summary>
    public const string ReturnsClass = "Returns";

    /// <summary>The nested class holding the <c>eth_call</c> helpers of view functions.</summary>
    public const string ReadClass = "Read";

    /// <summary>The nested class that decodes revert data into any of the contract's custom errors.</summary>
    public const string ErrorsClass = "Errors";

    private static readonly System.Collections.Generic.HashSet<string> s_inheritedMembers = new(System.StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "Deconstruct", "PrintMembers",
    };

    /// <summary>
    /// Whether <paramref name="name"/> is a member every generated type inherits or synthesizes (object's members, and a record
    /// struct's <c>Deconstruct</c>/<c>PrintMembers</c>): a generated member of that name would hide or clash with it.
    /// </summary>
    public static bool IsInheritedMember(string name) => s_inheritedMembers.Contains(name);

    /// <summary>The members every generated type inherits or synthesizes (see <see cref="IsInheritedMember"/>).</summary>
    public static System.Collections.Generic.IEnumerable<string> InheritedMembers => s_inheritedMembers;

    /// <summary>A member name: the ABI name with its first letter upper-cased (<c>transferFrom</c> → <c>TransferFrom</c>; <c>$</c> → <c>_</c>).</summary>
    public static string Pascal(string abiName)
    {
        var name = abiName.Replace('$', '_');
        return name.Length > 0 && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name;
    }

    /// <summary>
    /// A parameter name: as written in the ABI (<c>$</c> → <c>_</c>), <c>arg{index}</c> when unnamed, <c>@</c>-escaped when a
    /// C# keyword (or <c>await</c>). Names starting with <c>__</c> (the generated code's locals) and the names of the generated nested
    /// classes (which a parameter would shadow in the method bodies) get a leading <c>_</c>, and so does <c>nameof</c>
    /// (a parameter of that name turns every <c>nameof(x)</c> in the body into a call of it: CS0149).
    /// </summary>
    public static string Parameter(string abiName, int index)
    {
        var name = abiName.Length == 0 ? "arg" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) : abiName.Replace('$', '_');
        if (name.StartsWith("__", System.StringComparison.Ordinal) || name is SelectorsClass or ErrorSelectorsClass or CalldataClass or CodecClass or ReturnsClass or ReadClass or ErrorsClass or "nameof")
        {
            name = "_" + name;
        }

        // await is only contextual, but the read helpers are async methods, where it is a keyword.
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || name == "await" ? "@" + name : name;
    }

    /// <summary>
    /// The parameter names of a parameter list: <see cref="Parameter"/> of each, made unique in order (a name already
    /// taken, e.g. an unnamed <c>arg1</c> beside a parameter named <c>arg1</c>, or <c>a$</c> beside <c>a_</c>, gets a
    /// trailing <c>_</c> until it is free), so that every parameter list a compiler can produce binds.
    /// </summary>
    public static string[] Parameters(System.Collections.Generic.IReadOnlyList<string> abiNames, System.Collections.Generic.IEnumerable<string> reserved) =>
        Unique(abiNames, Parameter, reserved);

    /// <summary>
    /// The member names of a struct or record: <see cref="Member"/> of each, made unique in order like
    /// <see cref="Parameters"/> (Solidity's <c>a</c> and <c>A</c> are both <c>A</c> in PascalCase), and never one of
    /// <paramref name="reserved"/> (the type's own name, members it inherits or declares).
    /// </summary>
    public static string[] Members(System.Collections.Generic.IReadOnlyList<string> abiNames, System.Collections.Generic.IEnumerable<string> reserved) =>
        Unique(abiNames, Member, reserved);

    /// <summary>Appends <c>_</c> to <paramref name="name"/> until <paramref name="isTaken"/> says it is free.</summary>
    public static string FirstFree(string name, System.Func<string, bool> isTaken)
    {
        while (isTaken(name))
        {
            name += "_";
        }

        return name;
    }

    private static string[] Unique(System.Collections.Generic.IReadOnlyList<string> abiNames, System.Func<string, int, string> name, System.Collections.Generic.IEnumerable<string> reserved)
    {
        var taken = new System.Collections.Generic.HashSet<string>(reserved, System.StringComparer.Ordinal);
        var names = new string[abiNames.Count];
        for (var i = 0; i < names.Length; i++)
        {
            // Escaped keywords (@class) stay escaped; the suffix goes on the identifier itself.
            var candidate = name(abiNames[i], i);
            var escaped = candidate.StartsWith("@", System.StringComparison.Ordinal);
            var free = FirstFree(candidate.TrimStart('@'), taken.Contains);
            taken.Add(free);
            names[i] = escaped && free == candidate.Substring(1) ? candidate : free;
        }

        return names;
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
        return IsIdentifier(name) && name.Length <= Abi.AbiReader.MaxIdentifierLength ? Pascal(name) : null;
    }

    /// <summary>
    /// Joins suffix parts into the overload suffix: <c>_address_address_uint256</c>, or <c>_NoArgs</c> for no parameters.
    /// A suffix longer than <see cref="MaxSuffixLength"/> (dozens of parameters, long struct names) becomes the
    /// selector's hex, <c>_0x095ea7b3</c>, which is unique among the overloads and keeps the name within .NET's limits.
    /// </summary>
    public static string Suffix(System.Collections.Generic.IReadOnlyList<string> parts, uint selector)
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

        return builder.Length <= MaxSuffixLength ? builder.ToString() : "_0x" + selector.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The longest overload suffix spelled out (see <see cref="Suffix"/>).</summary>
    public const int MaxSuffixLength = 200;

    /// <summary>
    /// A derived type name (a struct named after where it is used, <c>SwapParamsItem2</c>) kept within .NET's limits:
    /// beyond <see cref="Abi.AbiReader.MaxIdentifierLength"/> characters it is cut and given a hash of the whole name.
    /// </summary>
    public static string Capped(string name)
    {
        if (name.Length <= Abi.AbiReader.MaxIdentifierLength)
        {
            return name;
        }

        var hash = Abi.Keccak256.Selector(name);
        return name.Substring(0, 64) + "_" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
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
