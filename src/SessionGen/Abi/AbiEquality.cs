using System;
using System.Collections.Generic;

namespace SessionGen.Abi;

/// <summary>
/// Content equality for the generated records' bytes and list members: two decoded <c>Transfer</c> events, or two
/// structs with the same <c>bytes</c>, are equal when their contents are (a record's own equality would compare the
/// byte buffers and lists by reference).
/// </summary>
public static class AbiEquality
{
    /// <summary>Compares byte strings by content.</summary>
    public static IEqualityComparer<ReadOnlyMemory<byte>> Bytes { get; } = new BytesComparer();

    /// <summary>Compares lists element by element with <paramref name="element"/>.</summary>
    public static IEqualityComparer<IReadOnlyList<T>> List<T>(IEqualityComparer<T> element) => new ListComparer<T>(element);

    private sealed class BytesComparer : IEqualityComparer<ReadOnlyMemory<byte>>
    {
        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<byte> obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj.Span);
            return hash.ToHashCode();
        }
    }

    private sealed class ListComparer<T>(IEqualityComparer<T> element) : IEqualityComparer<IReadOnlyList<T>>
    {
        public bool Equals(IReadOnlyList<T>? x, IReadOnlyList<T>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (!element.Equals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<T> obj)
        {
            var hash = new HashCode();
            hash.Add(obj.Count);
            foreach (var item in obj)
            {
                hash.Add(item is null ? 0 : element.GetHashCode(item));
            }

            return hash.ToHashCode();
        }
    }
}
