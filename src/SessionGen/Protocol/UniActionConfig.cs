using System;
using System.Collections.Generic;
using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>
/// The configuration of a UniActionPolicy for one action: a native value limit per call and up to 16 parameter rules
/// (<c>struct ActionConfig { uint256 valueLimitPerUse; ParamRules paramRules; }</c>).
/// </summary>
public sealed class UniActionConfig : IEquatable<UniActionConfig>
{
    /// <summary>The most rules one action can have (<c>ParamRule[16]</c>).</summary>
    public const int MaxRules = 16;

    /// <summary>Creates a configuration.</summary>
    /// <param name="valueLimitPerUse">The most native value (wei) one call may send (<c>uint256</c>).</param>
    /// <param name="rules">The parameter rules, all of which must hold; at most <see cref="MaxRules"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value limit is outside <c>uint256</c>.</exception>
    /// <exception cref="ArgumentException">More than 16 rules.</exception>
    public UniActionConfig(BigInteger valueLimitPerUse, IEnumerable<ParamRule> rules)
    {
        AbiRange.CheckUnsigned(valueLimitPerUse, 256, nameof(valueLimitPerUse));
        var list = Equality.Freeze(rules, nameof(rules));
        if (list.Length > MaxRules)
        {
            throw new ArgumentException($"rules has {list.Length} entries; a UniActionPolicy holds at most {MaxRules}.", nameof(rules));
        }

        ValueLimitPerUse = valueLimitPerUse;
        Rules = list;
    }

    /// <summary>Creates a configuration with the given rules.</summary>
    public UniActionConfig(BigInteger valueLimitPerUse, params ParamRule[] rules)
        : this(valueLimitPerUse, (IEnumerable<ParamRule>)rules)
    {
    }

    /// <summary>The most native value one call may send.</summary>
    public BigInteger ValueLimitPerUse { get; }

    /// <summary>The parameter rules.</summary>
    public IReadOnlyList<ParamRule> Rules { get; }

    /// <inheritdoc/>
    public bool Equals(UniActionConfig? other) =>
        other is not null && ValueLimitPerUse == other.ValueLimitPerUse && Equality.Lists(Rules, other.Rules);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UniActionConfig);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ValueLimitPerUse, Equality.ListHash(Rules));

    /// <summary>The value limit and the number of rules.</summary>
    public override string ToString() => $"UniActionConfig {{ value limit {ValueLimitPerUse}, {Rules.Count} rules }}";
}
