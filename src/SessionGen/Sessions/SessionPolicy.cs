using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// A session policy decoded from its <see cref="PolicyData"/> into the terms the pre-flight check enforces
/// (see <see cref="SessionPolicyDecoder"/>). The kind is known from the policy's address.
/// </summary>
/// <param name="Policy">The policy contract.</param>
public abstract record SessionPolicy(Address Policy)
{
    /// <summary>
    /// Whether <see cref="SessionGuard"/> enforces this policy before signing. Only <see cref="UncheckedPolicy"/> is not:
    /// the chain still enforces it, but the guard cannot vouch for it.
    /// </summary>
    public virtual bool IsCheckedLocally => true;
}

/// <summary>SudoPolicy: allows everything, nothing to check.</summary>
/// <param name="Policy">The policy contract.</param>
public sealed record SudoPolicy(Address Policy) : SessionPolicy(Policy);

/// <summary>TimeFramePolicy: valid from <see cref="ValidAfter"/> until (not including) <see cref="ValidUntil"/>, Unix seconds.</summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="ValidUntil">The end (Unix seconds); 0 means no end.</param>
/// <param name="ValidAfter">The start (Unix seconds); 0 means no start.</param>
public sealed record TimeFramePolicy(Address Policy, ulong ValidUntil, ulong ValidAfter) : SessionPolicy(Policy);

/// <summary>UsageLimitPolicy: at most <see cref="Limit"/> uses (user operations as a user-op policy, calls as an action policy).</summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="Limit">The number of uses (<c>uint128</c>).</param>
public sealed record UsageLimitPolicy(Address Policy, BigInteger Limit) : SessionPolicy(Policy);

/// <summary>ValueLimitPolicy: at most <see cref="Limit"/> wei of native value in total (per batch sum as a user-op policy, per call as an action policy).</summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="Limit">The total in wei (<c>uint256</c>).</param>
public sealed record ValueLimitPolicy(Address Policy, BigInteger Limit) : SessionPolicy(Policy);

/// <summary>
/// ERC20SpendingLimitPolicy: the call's target is the token; <c>transfer</c> and <c>approve</c> count their second argument,
/// <c>transferFrom</c> its third; no native value; a token not listed has limit 0.
/// </summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="Limits">The tokens and their total limits, in init-data order.</param>
public sealed record ERC20SpendingLimitPolicy(Address Policy, IReadOnlyList<TokenLimit> Limits) : SessionPolicy(Policy)
{
    /// <summary>The limit of <paramref name="token"/>: the last one listed for it, as the contract overwrites, or 0 when it is not listed.</summary>
    public BigInteger LimitOf(Address token)
    {
        for (var i = Limits.Count - 1; i >= 0; i--)
        {
            if (Limits[i].Token == token)
            {
                return Limits[i].Limit;
            }
        }

        return BigInteger.Zero;
    }

    /// <inheritdoc/>
    public bool Equals(ERC20SpendingLimitPolicy? other) =>
        other is not null && Policy == other.Policy && Limits.SequenceEqual(other.Limits);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Policy, Limits.Count);
}

/// <summary>UniActionPolicy: a native value limit per call and rules on 32-byte calldata words (<see cref="UniActionConfig"/>).</summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="Config">The decoded configuration; a rule's <see cref="ParamRule.Used"/> is where its cumulative count starts.</param>
public sealed record UniActionPolicy(Address Policy, UniActionConfig Config) : SessionPolicy(Policy);

/// <summary>
/// A policy whose address is none of the known policies: the chain enforces it, the pre-flight check does not
/// (it neither refuses nor vouches for the call on its account; see <see cref="SessionGuard.UncheckedPolicies"/>).
/// </summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="InitData">Its init data, as given.</param>
public sealed record UncheckedPolicy(Address Policy, ReadOnlyMemory<byte> InitData) : SessionPolicy(Policy)
{
    /// <inheritdoc/>
    public override bool IsCheckedLocally => false;

    /// <inheritdoc/>
    public bool Equals(UncheckedPolicy? other) =>
        other is not null && Policy == other.Policy && InitData.Span.SequenceEqual(other.InitData.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Policy, InitData.Length);
}
