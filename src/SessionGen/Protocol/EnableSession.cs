using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace SessionGen.Protocol;

/// <summary>
/// What an ENABLE-mode user-op signature carries to enable a session in the same user operation: the session, the
/// per-chain digests the owner signed, which of them is this chain's, and the owner's signature
/// (<c>struct EnableSession { uint8 chainDigestIndex; ChainDigest[] hashesAndChainIds; Session sessionToEnable; bytes permissionEnableSig; }</c>).
/// </summary>
public sealed class EnableSession : IEquatable<EnableSession>
{
    private readonly byte[] _permissionEnableSig;

    /// <summary>Creates the enable data.</summary>
    /// <param name="chainDigestIndex">The index of this chain's entry in <paramref name="hashesAndChainIds"/>.</param>
    /// <param name="hashesAndChainIds">The session digests on every chain the owner approved at once.</param>
    /// <param name="sessionToEnable">The session to enable on this chain.</param>
    /// <param name="permissionEnableSig">
    /// The owner's signature over the enable digest, in the account's ERC-1271 format (for the ERC-7579 reference
    /// account: the owner validator's address followed by the signature). Copied.
    /// </param>
    /// <exception cref="ArgumentException">No digests, or the index does not point into them.</exception>
    public EnableSession(byte chainDigestIndex, IEnumerable<ChainDigest> hashesAndChainIds, Session sessionToEnable, ReadOnlySpan<byte> permissionEnableSig)
    {
        ArgumentNullException.ThrowIfNull(hashesAndChainIds);
        ArgumentNullException.ThrowIfNull(sessionToEnable);
        var digests = ImmutableArray.CreateRange(hashesAndChainIds);
        if (digests.IsEmpty)
        {
            throw new ArgumentException("hashesAndChainIds is empty: it must hold the digest of at least this chain.", nameof(hashesAndChainIds));
        }

        if (chainDigestIndex >= digests.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(chainDigestIndex), chainDigestIndex, $"chainDigestIndex must index into hashesAndChainIds ({digests.Length} entries).");
        }

        ChainDigestIndex = chainDigestIndex;
        HashesAndChainIds = digests;
        SessionToEnable = sessionToEnable;
        _permissionEnableSig = permissionEnableSig.ToArray();
    }

    /// <summary>The index of this chain's entry in <see cref="HashesAndChainIds"/>.</summary>
    public byte ChainDigestIndex { get; }

    /// <summary>The session digests on every chain the owner approved.</summary>
    public IReadOnlyList<ChainDigest> HashesAndChainIds { get; }

    /// <summary>The session to enable.</summary>
    public Session SessionToEnable { get; }

    /// <summary>The owner's signature over the enable digest, in the account's format.</summary>
    public ReadOnlyMemory<byte> PermissionEnableSig => _permissionEnableSig;

    /// <inheritdoc/>
    public bool Equals(EnableSession? other) =>
        other is not null
        && ChainDigestIndex == other.ChainDigestIndex
        && Equality.Lists(HashesAndChainIds, other.HashesAndChainIds)
        && SessionToEnable.Equals(other.SessionToEnable)
        && _permissionEnableSig.AsSpan().SequenceEqual(other._permissionEnableSig);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EnableSession);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(ChainDigestIndex, Equality.ListHash(HashesAndChainIds), SessionToEnable, Equality.BytesHash(_permissionEnableSig));

    /// <summary>The session and the number of chains.</summary>
    public override string ToString() => $"EnableSession {{ {SessionToEnable.PermissionId}, chain {ChainDigestIndex} of {HashesAndChainIds.Count} }}";
}
