using System;
using Microsoft.CodeAnalysis.CSharp;
using SessionGen.Generators.Abi;

namespace SessionGen.Generators.ContractBinding;

/// <summary>
/// The C# type names of bound ABI values: the one place that maps ABI types to C# types and that writes them from
/// outside the binding class. Every name is a C# keyword type (<c>bool</c>, <c>byte</c>, <c>string</c>), a
/// <c>global::</c>-qualified runtime or BCL type, a list of one of these, or the bare name of a struct nested in the
/// binding class; only the last is qualified with the binding class when written elsewhere.
/// </summary>
internal static class CSharpTypeNames
{
    public const string Address = "global::SessionGen.Address";
    public const string BigInteger = "global::System.Numerics.BigInteger";
    public const string Memory = "global::System.ReadOnlyMemory<byte>";
    public const string Bytes32 = "global::SessionGen.Bytes32";
    private const string ListPrefix = "global::System.Collections.Generic.IReadOnlyList<";

    /// <summary>The C# type of an elementary (non-tuple, non-array) ABI type.</summary>
    public static string Elementary(AbiTypeInfo type) => type.Kind switch
    {
        AbiTypeKind.Address => Address,
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.UInt => type.Size switch { <= 8 => "byte", <= 16 => "ushort", <= 32 => "uint", <= 64 => "ulong", _ => BigInteger },
        AbiTypeKind.Int => type.Size switch { <= 8 => "sbyte", <= 16 => "short", <= 32 => "int", <= 64 => "long", _ => BigInteger },
        AbiTypeKind.FixedBytes => type.Size == 32 ? Bytes32 : Memory,
        AbiTypeKind.Bytes => Memory,
        AbiTypeKind.String => "string",
        _ => throw new ArgumentException($"'{type.Canonical}' is not an elementary type.", nameof(type)),
    };

    /// <summary>The C# type of an ABI array (fixed or dynamic) of <paramref name="element"/>s.</summary>
    public static string ListOf(string element) => ListPrefix + element + ">";

    /// <summary>The element type of a list type made by <see cref="ListOf"/>; the type itself otherwise.</summary>
    public static string ElementOf(string type) =>
        type.StartsWith(ListPrefix, StringComparison.Ordinal) ? type.Substring(ListPrefix.Length, type.Length - ListPrefix.Length - 1) : type;

    /// <summary>
    /// <paramref name="type"/> (a name made by this class, used inside the binding class) as written outside it:
    /// nested struct names are qualified with <paramref name="bindingClass"/> (a <c>global::</c>-qualified type name);
    /// keyword types, <c>global::</c> names and their type arguments are left as they are.
    /// </summary>
    /// <example><c>Qualified("bool", "global::Demo.Nft")</c> is <c>bool</c>; <c>Qualified("IReadOnlyList&lt;Order&gt;", …)</c> is <c>IReadOnlyList&lt;global::Demo.Nft.Order&gt;</c>.</example>
    public static string Qualified(string type, string bindingClass)
    {
        if (type.StartsWith(ListPrefix, StringComparison.Ordinal))
        {
            return ListOf(Qualified(ElementOf(type), bindingClass));
        }

        return type.StartsWith("global::", StringComparison.Ordinal) || SyntaxFacts.GetKeywordKind(type) != SyntaxKind.None
            ? type
            : bindingClass + "." + type;
    }
}
