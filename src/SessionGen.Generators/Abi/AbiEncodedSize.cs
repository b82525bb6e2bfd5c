using System;

namespace SessionGen.Generators.Abi;

/// <summary>The bound on static ABI encodings a binding accepts, so that every size the emitter computes fits an <see cref="int"/>.</summary>
internal static class AbiEncodedSize
{
    /// <summary>The largest static encoding (head) of one parameter, and of one parameter list, in bytes: 1 MiB, far beyond any real contract.</summary>
    public const long Limit = 1 << 20;

    /// <summary>
    /// Whether the static size of <paramref name="type"/>, and of every fixed array and tuple inside it (dynamic ones included,
    /// since their own heads are laid out too), is at most <see cref="Limit"/>; <paramref name="size"/> is the static size,
    /// capped at <see cref="Limit"/> + 1.
    /// </summary>
    public static bool IsWithinLimit(AbiTypeInfo type, out long size)
    {
        size = StaticSize(type, out var inner);
        return inner && size <= Limit;
    }

    /// <summary>The static size capped at <see cref="Limit"/> + 1 (computed in <see cref="long"/>: nothing can overflow), and whether every nested part is within the limit.</summary>
    private static long StaticSize(AbiTypeInfo type, out bool nestedWithinLimit)
    {
        nestedWithinLimit = true;
        long size;
        switch (type.Kind)
        {
            case AbiTypeKind.Tuple:
                size = 0;
                foreach (var component in type.Components)
                {
                    size = Math.Min(size + HeadSize(component.TypeInfo, ref nestedWithinLimit), Limit + 1);
                }

                break;
            case AbiTypeKind.FixedArray:
                size = Math.Min(type.Size * HeadSize(type.Element!, ref nestedWithinLimit), Limit + 1);
                break;
            case AbiTypeKind.Array:
                var elementSize = StaticSize(type.Element!, out var elementWithinLimit);
                nestedWithinLimit = elementWithinLimit && elementSize <= Limit;
                size = 32;
                break;
            default:
                size = 32;
                break;
        }

        return size;
    }

    private static long HeadSize(AbiTypeInfo type, ref bool nestedWithinLimit)
    {
        var size = StaticSize(type, out var within);
        nestedWithinLimit &= within && size <= Limit;
        return type.IsDynamic ? 32 : size;
    }
}
