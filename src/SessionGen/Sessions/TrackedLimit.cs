using System.Numerics;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// One cumulative limit a <see cref="SessionGuard"/> tracks (a snapshot): what the policy allows, what committed operations
/// have used and what open reservations hold. Pass it to <see cref="SessionGuard.SetSpent"/> to restore a count.
/// </summary>
/// <param name="Rule">The rule refused when the limit would be exceeded (usage, value, spending or parameter limit).</param>
/// <param name="Policy">The policy contract that enforces it.</param>
/// <param name="Action">The action the policy belongs to, or <see langword="null"/> for a user-op policy.</param>
/// <param name="Token">The token, for an ERC-20 spending limit.</param>
/// <param name="ParamRuleIndex">The rule's index in the UniActionPolicy, for a cumulative parameter limit.</param>
/// <param name="Limit">The limit in the policy's unit.</param>
/// <param name="Spent">What committed operations have used (and, for a parameter rule, its initial <see cref="ParamRule.Used"/>).</param>
/// <param name="Reserved">What open reservations hold.</param>
public sealed record TrackedLimit(SessionRule Rule, Address Policy, ActionData? Action, Address? Token, int? ParamRuleIndex, BigInteger Limit, BigInteger Spent, BigInteger Reserved)
{
    /// <summary>What is left: the limit less what is spent and held (0 when exhausted).</summary>
    public BigInteger Remaining => BigInteger.Max(BigInteger.Zero, Limit - Spent - Reserved);

    /// <summary>The limit's id in an <see cref="ISessionReservationStore"/>: the same in every guard of the same session.</summary>
    public string Id => Key.Id;

    internal LimitKey Key { get; init; }
}

/// <summary>
/// Identifies a tracked limit as the chain does: the action id (<see langword="null"/> for user-op policies), the policy contract,
/// the parameter rule (or 0) and the token (or zero).
/// </summary>
internal readonly record struct LimitKey(ActionId? Action, Address Policy, int Rule, Address Token)
{
    /// <summary>A stable text form, e.g. <c>action:0x…/policy:0x…/token:0x…</c>.</summary>
    public string Id => (Action is { } action ? "action:" + action : "userop") + "/policy:" + Policy + (Token.IsZero ? string.Empty : "/token:" + Token) + (Rule == 0 ? string.Empty : "/rule:" + Rule);
}
