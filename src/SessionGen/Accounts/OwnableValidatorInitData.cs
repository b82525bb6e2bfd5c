using System;
using System.Collections.Generic;
using System.Linq;
using SessionGen.Protocol;

namespace SessionGen.Accounts;

/// <summary>
/// Init data of Rhinestone's OwnableValidator (rhinestonewtf/core-modules) installed as an account's owner validator:
/// <c>abi.encode(uint256 threshold, address[] owners)</c> with the owners sorted ascending and unique, which the module
/// checks on install (it reverts on anything else, including <c>abi.encode(owner)</c>). Its signatures are
/// <c>threshold</c> 65-byte ECDSA signatures concatenated. The same format as a session's OwnableValidator data
/// (<see cref="SessionValidatorInitData.Ownable(int, IEnumerable{Address})"/>), plus the module's install-time limit on owners.
/// </summary>
public static class OwnableValidatorInitData
{
    /// <summary>The most owners the module accepts on install.</summary>
    public const int MaxOwners = 32;

    /// <summary>The init data for one owner who signs alone (threshold 1).</summary>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is the zero address.</exception>
    public static byte[] ForOwner(Address owner) => Encode(1, [owner]);

    /// <summary>The init data for <paramref name="threshold"/>-of-<paramref name="owners"/>; the owners are sorted here.</summary>
    /// <param name="threshold">How many owners must sign: 1 to the number of owners.</param>
    /// <param name="owners">The owners, in any order; no duplicates, no zero address, at most <see cref="MaxOwners"/>.</param>
    /// <exception cref="ArgumentException">No owners, a duplicate or zero owner, or more than <see cref="MaxOwners"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is 0 or more than the number of owners.</exception>
    public static byte[] Encode(int threshold, IEnumerable<Address> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var list = owners as IReadOnlyCollection<Address> ?? owners.ToArray();
        if (list.Count > MaxOwners)
        {
            throw new ArgumentException($"OwnableValidator takes at most {MaxOwners} owners on install, got {list.Count}.", nameof(owners));
        }

        return SessionValidatorInitData.Ownable(threshold, list);
    }
}
