namespace SessionGen.Protocol;

/// <summary>
/// A session's EIP-712 struct hash on one chain, as listed in an <see cref="EnableSession"/>
/// (<c>struct ChainDigest { uint64 chainId; bytes32 sessionDigest; }</c>). The owner signs the digest of the whole list
/// (<see cref="EnableDigest.Compute(System.Collections.Generic.IReadOnlyList{ChainDigest}, SmartSessionVersion)"/>).
/// </summary>
/// <param name="ChainId">The chain the session is enabled on.</param>
/// <param name="SessionDigest">The session's struct hash (<see cref="EnableDigest.HashSession"/>).</param>
public readonly record struct ChainDigest(ulong ChainId, Bytes32 SessionDigest);
