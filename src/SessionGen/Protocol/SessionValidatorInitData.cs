using System;
using System.Collections.Generic;
using System.Linq;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>Init data for the session validators a session can name.</summary>
public static class SessionValidatorInitData
{
    /// <summary>
    /// OwnableValidator: <c>abi.encode(uint256 threshold, address[] owners)</c> with the owners sorted ascending, as the
    /// validator requires. Any <paramref name="threshold"/> of the owners must sign.
    /// </summary>
    /// <exception cref="ArgumentException">No owners, a zero owner, or an owner listed twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not between 1 and the number of owners.</exception>
    public static byte[] Ownable(int threshold, IEnumerable<Address> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var sorted = owners.ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("owners is empty: give at least one owner.", nameof(owners));
        }

        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].IsZero)
            {
                throw new ArgumentException("owners contains the zero address.", nameof(owners));
            }

            if (i > 0 && sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException($"owners lists {sorted[i]} twice.", nameof(owners));
            }
        }

        if (threshold < 1 || threshold > sorted.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold must be between 1 and the number of owners ({sorted.Length}).");
        }

        var buffer = new byte[(2 * AbiSize.Word) + AbiSize.Word + (sorted.Length * AbiSize.Word)];
        var writer = new AbiWriter(buffer, 0, 2 * AbiSize.Word);
        writer.WriteUInt64((ulong)threshold);
        var array = writer.BeginDynamicArray(sorted.Length, AbiSize.Word);
        foreach (var owner in sorted)
        {
            array.WriteAddress(owner);
        }

        writer.End(array);
        return buffer;
    }

    /// <summary>OwnableValidator with the given owners.</summary>
    public static byte[] Ownable(int threshold, params Address[] owners) => Ownable(threshold, (IEnumerable<Address>)owners);

    /// <summary>
    /// A single-key ECDSA session validator (the project's devnet validator): <c>abi.encodePacked(address key)</c>, 20 bytes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="sessionKey"/> is the zero address.</exception>
    public static byte[] SingleKey(Address sessionKey)
    {
        if (sessionKey.IsZero)
        {
            throw new ArgumentException("sessionKey is the zero address.", nameof(sessionKey));
        }

        return sessionKey.ToArray();
    }
}
