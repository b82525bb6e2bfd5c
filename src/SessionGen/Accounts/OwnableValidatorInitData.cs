using System;
using System.Collections.Generic;
using System.Linq;
using SessionGen.Abi;

namespace SessionGen.Accounts;

/// <summary>
/// Init data of Rhinestone's OwnableValidator (rhinestonewtf/core-modules) and of validators that read its format:
/// <c>abi.encode(uint256 threshold, address[] owners)</c> with the owners sorted ascending and unique, which the module
/// checks on install (it reverts on anything else, including <c>abi.encode(owner)</c>). Its signatures are
/// <c>threshold</c> 65-byte ECDSA signatures concatenated.
/// </summary>
public static class OwnableValidatorInitData
{
    /// <summary>The most owners the module accepts.</summary>
    public const int MaxOwners = 32;

    /// <summary>The init data for one owner who signs alone (threshold 1).</summary>
    public static byte[] ForOwner(Address owner) => Encode(1, [owner]);

    /// <summary>The init data for <paramref name="threshold"/>-of-<paramref name="owners"/>; the owners are sorted here.</summary>
    /// <param name="threshold">How many owners must sign: 1 to the number of owners.</param>
    /// <param name="owners">The owners, in any order; no duplicates, no zero address, at most <see cref="MaxOwners"/>.</param>
    /// <exception cref="ArgumentException">No owners, a duplicate or zero owner, or more than <see cref="MaxOwners"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is 0 or more than the number of owners.</exception>
    public static byte[] Encode(int threshold, IEnumerable<Address> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var sorted = owners.ToArray();
        Array.Sort(sorted); // Address orders as the uint160 it is, as the module compares them
        if (sorted.Length == 0)
        {
            throw new ArgumentException("OwnableValidator needs at least one owner.", nameof(owners));
        }

        if (sorted.Length > MaxOwners)
        {
            throw new ArgumentException($"OwnableValidator takes at most {MaxOwners} owners, got {sorted.Length}.", nameof(owners));
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] == Address.Zero)
            {
                throw new ArgumentException("The zero address cannot be an owner.", nameof(owners));
            }

            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException($"Owner {sorted[i]} is listed twice.", nameof(owners));
            }
        }

        if (threshold < 1 || threshold > sorted.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The threshold must be between 1 and the number of owners ({sorted.Length}).");
        }

        var result = new byte[(2 * AbiSize.Word) + AbiSize.Word + (sorted.Length * AbiSize.Word)];
        var writer = new AbiWriter(result, 0, 2 * AbiSize.Word);
        writer.WriteUInt64((ulong)threshold);
        var array = writer.BeginDynamicArray(sorted.Length, AbiSize.Word);
        foreach (var owner in sorted)
        {
            array.WriteAddress(owner);
        }

        writer.End(array);
        return result;
    }
}
