using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// A session's state as the chain holds it, read from the module and the policies' own getters by
/// <see cref="SessionStateReader"/>: whether it is enabled, what each limit allows and has used, its time frames, and the
/// policies whose state could not be read. Seed a <see cref="SessionGuard"/> with it (<see cref="SessionGuard.Seed"/>).
/// </summary>
/// <param name="PermissionId">The session.</param>
/// <param name="Account">The account it is enabled on (or not).</param>
/// <param name="IsEnabled">Whether the module has it enabled for the account (<c>isPermissionEnabled</c>).</param>
/// <param name="ChainTime">The chain time of the block read.</param>
/// <param name="Limits">Every cumulative limit read: ERC-20 spending per token, usage and native value.</param>
/// <param name="TimeFrames">Every time frame read.</param>
/// <param name="Unread">Policies whose state the reader could not read (no getter, or not configured on chain), with the reason.</param>
public sealed record SessionState(
    PermissionId PermissionId,
    Address Account,
    bool IsEnabled,
    DateTimeOffset ChainTime,
    IReadOnlyList<LimitState> Limits,
    IReadOnlyList<TimeFrameState> TimeFrames,
    IReadOnlyList<UnreadPolicyState> Unread)
{
    /// <summary>The latest start of all time frames (Unix seconds; 0 when none has one).</summary>
    public ulong ValidAfter => TimeFrames.Select(f => f.ValidAfter).DefaultIfEmpty(0UL).Max();

    /// <summary>The earliest end of all time frames (Unix seconds; 0 when none ends).</summary>
    public ulong ValidUntil => TimeFrames.Where(f => f.ValidUntil != 0).Select(f => f.ValidUntil).DefaultIfEmpty(0UL).Min();

    /// <summary>Whether the chain time lies inside every time frame.</summary>
    public bool IsWithinTimeFrame
    {
        get
        {
            var now = (ulong)Math.Max(0, ChainTime.ToUnixTimeSeconds());
            return now >= ValidAfter && (ValidUntil == 0 || now < ValidUntil);
        }
    }

    /// <summary>What is left of <paramref name="token"/> under every spending limit that lists it (the smallest), or <see langword="null"/> when none does.</summary>
    public BigInteger? RemainingOf(Address token) =>
        Limits.Where(l => l.Rule == SessionRule.SpendingLimitExceeded && l.Token == token).Select(l => (BigInteger?)l.Remaining).Min();

    /// <summary>Operations left under the user-op usage limits (the smallest), or <see langword="null"/> when there is none.</summary>
    public BigInteger? UsesLeft =>
        Limits.Where(l => l.Rule == SessionRule.UsageLimitExceeded).Select(l => (BigInteger?)l.Remaining).Min();

    /// <summary>Native value (wei) left under the value limits (the smallest), or <see langword="null"/> when there is none.</summary>
    public BigInteger? NativeValueLeft =>
        Limits.Where(l => l.Rule == SessionRule.ValueLimitExceeded).Select(l => (BigInteger?)l.Remaining).Min();

    /// <summary>A plain-text printout, one line per fact.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"session {PermissionId} on {Account}: {(IsEnabled ? "enabled" : "NOT enabled")} (chain time {Time((ulong)Math.Max(0, ChainTime.ToUnixTimeSeconds()))})\n");
        foreach (var frame in TimeFrames)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Scope(frame.Action)} time frame (policy {frame.Policy}): valid from {(frame.ValidAfter == 0 ? "the start" : Time(frame.ValidAfter))} until {(frame.ValidUntil == 0 ? "no end" : Time(frame.ValidUntil))}\n");
        }

        foreach (var limit in Limits)
        {
            var what = limit.Rule switch
            {
                SessionRule.SpendingLimitExceeded => $"token {limit.Token} spending limit",
                SessionRule.UsageLimitExceeded => "usage limit",
                SessionRule.ValueLimitExceeded => "native value limit (wei)",
                _ => "limit",
            };
            text.Append(CultureInfo.InvariantCulture, $"  {Scope(limit.Action)} {what} (policy {limit.Policy}): used {limit.Used} of {limit.Limit}, {limit.Remaining} left\n");
        }

        foreach (var unread in Unread)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Scope(unread.Action)} policy {unread.Policy}: not read ({unread.Reason})\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Scope(ActionData? action) =>
        action is null ? "user op:" : $"action {action.ActionTarget}.{action.ActionTargetSelector}:";

    private static string Time(ulong seconds) =>
        seconds <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds((long)seconds).ToString("u", CultureInfo.InvariantCulture) : $"Unix time {seconds}";
}

/// <summary>A cumulative limit as the chain holds it.</summary>
/// <param name="Rule">Which kind: <see cref="SessionRule.SpendingLimitExceeded"/> (ERC-20), <see cref="SessionRule.UsageLimitExceeded"/> or <see cref="SessionRule.ValueLimitExceeded"/>.</param>
/// <param name="Policy">The policy contract.</param>
/// <param name="Action">The action it belongs to, or <see langword="null"/> for a user-op policy.</param>
/// <param name="Token">The token, for an ERC-20 spending limit.</param>
/// <param name="Limit">The limit on chain (0 when the policy is not configured for this session: the chain then refuses).</param>
/// <param name="Used">What the chain has counted (for ERC-20: spent plus approved, which the limit bounds together).</param>
public sealed record LimitState(SessionRule Rule, Address Policy, ActionData? Action, Address? Token, BigInteger Limit, BigInteger Used)
{
    /// <summary>What is left (0 when exhausted).</summary>
    public BigInteger Remaining => BigInteger.Max(BigInteger.Zero, Limit - Used);

    internal LimitKey Key => new(Action?.Id, Policy, 0, Token ?? default);
}

/// <summary>A time frame as the chain holds it (Unix seconds; 0 means no bound).</summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="Action">The action it belongs to, or <see langword="null"/> for a user-op policy.</param>
/// <param name="ValidUntil">The end, not included.</param>
/// <param name="ValidAfter">The start.</param>
public sealed record TimeFrameState(Address Policy, ActionData? Action, ulong ValidUntil, ulong ValidAfter);

/// <summary>A policy whose state could not be read.</summary>
/// <param name="Policy">The policy contract.</param>
/// <param name="Action">The action it belongs to, or <see langword="null"/> for a user-op policy.</param>
/// <param name="Reason">Why.</param>
public sealed record UnreadPolicyState(Address Policy, ActionData? Action, string Reason);
