using System;

namespace SessionGen.Protocol;

/// <summary>
/// A policy contract and the data it is initialised with for one session
/// (<c>struct PolicyData { address policy; bytes initData; }</c>). Build them with <see cref="Policies"/>.
/// </summary>
public sealed class PolicyData : IEquatable<PolicyData>
{
    private readonly byte[] _initData;

    /// <summary>Creates policy data from a policy address and its raw init data (copied).</summary>
    /// <exception cref="ArgumentException"><paramref name="policy"/> is the zero address.</exception>
    public PolicyData(Address policy, ReadOnlySpan<byte> initData)
    {
        if (policy.IsZero)
        {
            throw new ArgumentException($"policy must be a contract address, got {policy}.", nameof(policy));
        }

        Policy = policy;
        _initData = initData.ToArray();
    }

    /// <summary>The policy contract.</summary>
    public Address Policy { get; }

    /// <summary>The data the SmartSession module passes to the policy's <c>initializeWithMultiplexer</c>.</summary>
    public ReadOnlyMemory<byte> InitData => _initData;

    /// <inheritdoc/>
    public bool Equals(PolicyData? other) =>
        other is not null && Policy == other.Policy && _initData.AsSpan().SequenceEqual(other._initData);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PolicyData);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Policy, Equality.BytesHash(_initData));

    /// <summary>The policy address and its init data in hexadecimal.</summary>
    public override string ToString() => $"PolicyData {{ Policy = {Policy}, InitData = {Hex.Encode(_initData)} }}";
}
