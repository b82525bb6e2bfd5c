using System;
using System.Globalization;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Abi;

/// <summary>The kinds of ABI types SessionGen binds.</summary>
internal enum AbiTypeKind
{
    /// <summary><c>address</c>.</summary>
    Address,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>uint8</c> … <c>uint256</c>; <see cref="AbiTypeInfo.Size"/> is the bit width.</summary>
    UInt,

    /// <summary><c>int8</c> … <c>int256</c>; <see cref="AbiTypeInfo.Size"/> is the bit width.</summary>
    Int,

    /// <summary><c>bytes1</c> … <c>bytes32</c>; <see cref="AbiTypeInfo.Size"/> is the byte length.</summary>
    FixedBytes,

    /// <summary>Dynamic <c>bytes</c>.</summary>
    Bytes,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary>A tuple (struct); its members are <see cref="AbiTypeInfo.Components"/>.</summary>
    Tuple,

    /// <summary><c>T[]</c>; the element is <see cref="AbiTypeInfo.Element"/>.</summary>
    Array,

    /// <summary><c>T[k]</c>; <see cref="AbiTypeInfo.Size"/> is k.</summary>
    FixedArray,
}

/// <summary>The structure of a canonical ABI type, as the emitter and analyzers need it.</summary>
/// <param name="Kind">What the type is.</param>
/// <param name="Size">Bit width of integers, byte length of <c>bytesN</c>, element count of <c>T[k]</c>; 0 otherwise.</param>
/// <param name="Element">The element type of an array.</param>
/// <param name="Components">The members of a tuple.</param>
/// <param name="Canonical">The canonical type string (as in <see cref="AbiParameterModel.Type"/>).</param>
/// <param name="InternalType">Solidity's name of a tuple's struct, array suffixes removed (e.g. <c>struct ISwapRouter.ExactInputSingleParams</c>).</param>
internal sealed record AbiTypeInfo(AbiTypeKind Kind, int Size, AbiTypeInfo? Element, EquatableArray<AbiParameterModel> Components, string Canonical, string? InternalType)
{
    /// <summary>Whether the value is encoded in the tail (with an offset in the head) rather than inline.</summary>
    public bool IsDynamic => Kind switch
    {
        AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.Array => true,
        AbiTypeKind.FixedArray => Element!.IsDynamic,
        AbiTypeKind.Tuple => AnyDynamicComponent(),
        _ => false,
    };

    /// <summary>The bytes the value takes in its enclosing tuple's head: 32 for a dynamic value, its full size for a static one.</summary>
    public int HeadSize => IsDynamic ? 32 : StaticSize;

    /// <summary>The encoded size of a static value (elementary: one word; static tuple and <c>T[k]</c>: the sum of their members).</summary>
    public int StaticSize => Kind switch
    {
        AbiTypeKind.Tuple => SumOfComponentHeads(),
        AbiTypeKind.FixedArray => Size * Element!.HeadSize,
        _ => 32,
    };

    /// <summary>Parses the canonical type of <paramref name="parameter"/> (which the reader has already validated).</summary>
    public static AbiTypeInfo Of(AbiParameterModel parameter)
    {
        var type = parameter.Type;
        int baseEnd;
        AbiTypeInfo info;
        var internalBase = StripArraySuffixes(parameter.InternalType);
        if (type.StartsWith("(", StringComparison.Ordinal))
        {
            baseEnd = AbiSignature.MatchingParenthesis(type, 0) + 1;
            info = new AbiTypeInfo(AbiTypeKind.Tuple, 0, null, parameter.Components, type.Substring(0, baseEnd), internalBase);
        }
        else
        {
            baseEnd = type.IndexOf('[');
            if (baseEnd < 0)
            {
                baseEnd = type.Length;
            }

            var baseType = type.Substring(0, baseEnd);
            if (!AbiTypeSyntax.TryParseElementary(baseType, out var kind, out var size, out _, out var error))
            {
                throw new InvalidOperationException($"'{type}' is not a canonical ABI type: {error}");
            }

            info = new AbiTypeInfo(kind, size, null, EquatableArray<AbiParameterModel>.Empty, baseType, null);
        }

        var position = baseEnd;
        while (position < type.Length)
        {
            var close = type.IndexOf(']', position);
            var length = type.Substring(position + 1, close - position - 1);
            var canonical = type.Substring(0, close + 1);
            info = length.Length == 0
                ? new AbiTypeInfo(AbiTypeKind.Array, 0, info, EquatableArray<AbiParameterModel>.Empty, canonical, null)
                : new AbiTypeInfo(AbiTypeKind.FixedArray, int.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture), info, EquatableArray<AbiParameterModel>.Empty, canonical, null);
            position = close + 1;
        }

        return info;
    }

    private bool AnyDynamicComponent()
    {
        foreach (var component in Components)
        {
            if (component.TypeInfo.IsDynamic)
            {
                return true;
            }
        }

        return false;
    }

    private int SumOfComponentHeads()
    {
        var size = 0;
        foreach (var component in Components)
        {
            size += component.TypeInfo.HeadSize;
        }

        return size;
    }

    private static string? StripArraySuffixes(string? internalType)
    {
        if (internalType is null)
        {
            return null;
        }

        var bracket = internalType.IndexOf('[');
        return bracket < 0 ? internalType : internalType.Substring(0, bracket);
    }
}
