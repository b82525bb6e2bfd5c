using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace SessionGen.Protocol;

/// <summary>
/// Value equality for the protocol's immutable types, whose members are lists and byte strings
/// (compared by content, not by reference: two sessions with the same fields are the same session).
/// </summary>
internal static class Equality
{
    public static bool Lists<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static int ListHash<T>(IReadOnlyList<T> items)
    {
        var hash = new HashCode();
        hash.Add(items.Count);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public static int BytesHash(ReadOnlyMemory<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes.Span);
        return hash.ToHashCode();
    }

    /// <summary>Copies a caller's sequence into an immutable list, rejecting null elements.</summary>
    public static ImmutableArray<T> Freeze<T>(IEnumerable<T> items, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        var array = ImmutableArray.CreateRange(items);
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentException($"{paramName}[{i}] is null.", paramName);
            }
        }

        return array;
    }
}
