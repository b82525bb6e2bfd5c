using System;
using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>
/// One UniActionPolicy rule on a 32-byte word of the calldata (<c>struct ParamRule { ParamCondition condition; uint64 offset;
/// bool isLimited; bytes32 ref; LimitUsage usage; }</c>). Comparisons are on the word as an unsigned 256-bit number.
/// A limited (cumulative) rule also adds each call's parameter to <see cref="Used"/> and rejects the call that would exceed <see cref="Limit"/>.
/// </summary>
public sealed class ParamRule : IEquatable<ParamRule>
{
    /// <summary>Creates a rule from its raw fields.</summary>
    /// <param name="condition">The comparison.</param>
    /// <param name="offset">The parameter's byte offset in the calldata after the selector (the n-th static parameter is at 32·n).</param>
    /// <param name="reference">The reference word.</param>
    /// <param name="isLimited">Whether the rule also enforces a cumulative limit.</param>
    /// <param name="limit">The cumulative limit (<c>uint256</c>), when <paramref name="isLimited"/>.</param>
    /// <param name="used">The amount already used (<c>uint256</c>); normally zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown condition, or a limit outside <c>uint256</c>.</exception>
    public ParamRule(ParamCondition condition, ulong offset, Bytes32 reference, bool isLimited = false, BigInteger limit = default, BigInteger used = default)
    {
        if (condition > ParamCondition.InRange)
        {
            throw new ArgumentOutOfRangeException(nameof(condition), condition, "condition must be one of EQUAL (0) … IN_RANGE (6).");
        }

        AbiRange.CheckUnsigned(limit, 256, nameof(limit));
        AbiRange.CheckUnsigned(used, 256, nameof(used));
        Condition = condition;
        Offset = offset;
        Reference = reference;
        IsLimited = isLimited;
        Limit = limit;
        Used = used;
    }

    /// <summary>The comparison.</summary>
    public ParamCondition Condition { get; }

    /// <summary>The parameter's byte offset in the calldata after the selector.</summary>
    public ulong Offset { get; }

    /// <summary>The reference word (<c>ref</c>).</summary>
    public Bytes32 Reference { get; }

    /// <summary>Whether the rule enforces a cumulative limit.</summary>
    public bool IsLimited { get; }

    /// <summary>The cumulative limit.</summary>
    public BigInteger Limit { get; }

    /// <summary>The amount already used.</summary>
    public BigInteger Used { get; }

    /// <summary>A rule comparing the parameter at <paramref name="offset"/> with an unsigned number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reference"/> is outside <c>uint256</c>.</exception>
    public static ParamRule Compare(ParamCondition condition, ulong offset, BigInteger reference) =>
        new(condition, offset, Words.FromUInt(reference, 256, nameof(reference)));

    /// <summary>A rule comparing the <c>address</c> parameter at <paramref name="offset"/> with <paramref name="reference"/> (e.g. a value bound when the session is created).</summary>
    public static ParamRule Compare(ParamCondition condition, ulong offset, Address reference) =>
        new(condition, offset, Words.FromAddress(reference));

    /// <summary>A rule comparing the <c>bytesN</c> or raw-word parameter at <paramref name="offset"/> with <paramref name="reference"/>.</summary>
    public static ParamRule Compare(ParamCondition condition, ulong offset, Bytes32 reference) =>
        new(condition, offset, reference);

    /// <summary>A rule comparing the <c>bool</c> parameter at <paramref name="offset"/> with <paramref name="reference"/> (1 for true, 0 for false).</summary>
    public static ParamRule Compare(ParamCondition condition, ulong offset, bool reference) =>
        Compare(condition, offset, reference ? BigInteger.One : BigInteger.Zero);

    /// <summary>A rule requiring the parameter at <paramref name="offset"/> to be the address <paramref name="value"/>.</summary>
    public static ParamRule EqualTo(ulong offset, Address value) => new(ParamCondition.Equal, offset, Words.FromAddress(value));

    /// <summary>A rule requiring <paramref name="min"/> ≤ parameter ≤ <paramref name="max"/> (each a <c>uint128</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound outside <c>uint128</c>, or <paramref name="min"/> &gt; <paramref name="max"/>.</exception>
    public static ParamRule InRange(ulong offset, BigInteger min, BigInteger max)
    {
        AbiRange.CheckUnsigned(min, 128, nameof(min));
        AbiRange.CheckUnsigned(max, 128, nameof(max));
        if (min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, $"min must not exceed max ({max}).");
        }

        return new ParamRule(ParamCondition.InRange, offset, Words.FromUInt((min << 128) | max, 256, nameof(max)));
    }

    /// <summary>
    /// A cumulative rule: the parameters at <paramref name="offset"/> of all calls together may not exceed
    /// <paramref name="limit"/> (e.g. the total amount of a token moved by a function other than ERC-20 <c>transfer</c>).
    /// </summary>
    public static ParamRule CumulativeLimit(ulong offset, BigInteger limit)
    {
        AbiRange.CheckUnsigned(limit, 256, nameof(limit));
        return new ParamRule(ParamCondition.LessThanOrEqual, offset, Words.FromUInt(limit, 256, nameof(limit)), isLimited: true, limit: limit);
    }

    /// <inheritdoc/>
    public bool Equals(ParamRule? other) =>
        other is not null
        && Condition == other.Condition
        && Offset == other.Offset
        && Reference == other.Reference
        && IsLimited == other.IsLimited
        && Limit == other.Limit
        && Used == other.Used;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParamRule);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Condition, Offset, Reference, IsLimited, Limit, Used);

    /// <summary>The rule's fields.</summary>
    public override string ToString() =>
        $"ParamRule {{ {Condition} at {Offset} {Reference}{(IsLimited ? $", limit {Limit} (used {Used})" : string.Empty)} }}";
}
