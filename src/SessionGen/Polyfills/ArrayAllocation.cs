#if !NET8_0_OR_GREATER
using System;

namespace SessionGen;

/// <summary>
/// <c>GC.AllocateUninitializedArray</c> (.NET 5) and <c>Array.Clear(Array)</c> (.NET 6) for netstandard2.1. netstandard
/// has no pinned object heap: the array is an ordinary (zeroed) one there, which the GC may move, so a secret kept in it may
/// leave copies behind in memory that .NET's pinned array would not; it is cleared all the same.
/// </summary>
internal static class ArrayAllocation
{
    extension(GC)
    {
        public static T[] AllocateUninitializedArray<T>(int length, bool pinned = false) => new T[length];
    }

    extension(Array)
    {
        public static void Clear(Array array)
        {
            ArgumentNullException.ThrowIfNull(array);
            Array.Clear(array, 0, array.Length);
        }
    }
}
#endif
