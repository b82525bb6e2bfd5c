using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>Whether the tracked session already grants what another session would (reuse instead of re-prompting the owner).</summary>
public sealed partial class SessionGuard
{
    /// <summary>
    /// Whether this session, with what is left of it now, grants everything <paramref name="requested"/> would: each of its
    /// actions (or the fallback action), each limit at least as large as the request's (spending per token, uses, native
    /// value, parameter rules as strict), and its time frame at least as long. When it does, the app can act within this
    /// session instead of asking the owner for <paramref name="requested"/>; when it does not, the answer names the first rule
    /// that is missing.
    /// </summary>
    /// <param name="requested">The session the app would ask for (with the same policy addresses).</param>
    /// <param name="chainTime">The chain's time.</param>
    /// <exception cref="ArgumentException">A policy's init data in <paramref name="requested"/> is malformed.</exception>
    public SessionCoverage Covers(Session requested, DateTimeOffset chainTime)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var asked = DecodedSession.Decode(requested, _policyAddresses);
        var ledger = _store.Read(Scope);
        var now = (ulong)Math.Max(0, chainTime.ToUnixTimeSeconds());
        lock (Gate)
        {
            var askedUntil = Until(asked.UserOp);
            var missing = Grants(_userOpPolicies, null, asked.UserOp, askedUntil, now, ledger);
            if (missing is not null)
            {
                return missing;
            }

            foreach (var rules in asked.Actions)
            {
                var key = (rules.Action.ActionTarget, rules.Action.ActionTargetSelector);
                var mine = _actions.GetValueOrDefault(key) ?? _fallback;
                if (mine is null)
                {
                    return SessionCoverage.NotCovered(SessionRule.ActionNotPermitted, $"the session has no action for target {rules.Action.ActionTarget} and selector {rules.Action.ActionTargetSelector}");
                }

                var until = Min(askedUntil, Until(rules.Policies));
                missing = Grants(mine.Policies, mine.Action, rules.Policies, until, now, ledger);
                if (missing is not null)
                {
                    return missing;
                }
            }

            return SessionCoverage.Covered;
        }
    }

    /// <summary>Whether <paramref name="mine"/> (one scope's policies) are no stricter than <paramref name="asked"/>; the first gap, else null.</summary>
    private SessionCoverage? Grants(SessionPolicy[] mine, ActionData? action, SessionPolicy[] asked, ulong askedUntil, ulong now, SessionLedger ledger)
    {
        foreach (var policy in mine)
        {
            switch (policy)
            {
                case TimeFramePolicy frame:
                    if (frame.ValidUntil != 0 && now >= frame.ValidUntil)
                    {
                        return SessionCoverage.NotCovered(SessionRule.Expired, $"the session expired at Unix time {frame.ValidUntil}", policy: frame.Policy);
                    }

                    if (now < frame.ValidAfter)
                    {
                        return SessionCoverage.NotCovered(SessionRule.NotYetValid, $"the session is valid only from Unix time {frame.ValidAfter}", policy: frame.Policy);
                    }

                    if (frame.ValidUntil != 0 && (askedUntil == 0 || askedUntil > frame.ValidUntil))
                    {
                        return SessionCoverage.NotCovered(SessionRule.Expired, $"the session ends at Unix time {frame.ValidUntil}, before the requested one would ({(askedUntil == 0 ? "never" : "at Unix time " + askedUntil)})", policy: frame.Policy);
                    }

                    break;
                case UsageLimitPolicy usage:
                    var uses = Left(ledger, new LimitKey(action?.Id, usage.Policy, 0, default));
                    var askedUses = asked.OfType<UsageLimitPolicy>().Select(p => (BigInteger?)p.Limit).Min();
                    if (askedUses is null || askedUses > uses)
                    {
                        return SessionCoverage.NotCovered(SessionRule.UsageLimitExceeded, $"the session has {uses} uses left (policy {usage.Policy}); the request allows {(askedUses is null ? "unlimited uses" : askedUses.ToString())}", policy: usage.Policy);
                    }

                    break;
                case ValueLimitPolicy value:
                    var wei = Left(ledger, new LimitKey(action?.Id, value.Policy, 0, default));
                    var askedWei = asked.OfType<ValueLimitPolicy>().Select(p => (BigInteger?)p.Limit).Min()
                        ?? (asked.OfType<ERC20SpendingLimitPolicy>().Any() ? BigInteger.Zero : null);
                    if (askedWei is null || askedWei > wei)
                    {
                        return SessionCoverage.NotCovered(SessionRule.ValueLimitExceeded, $"the session has {wei} wei of native value left (policy {value.Policy}); the request allows {(askedWei is null ? "unlimited value" : askedWei + " wei")}", policy: value.Policy);
                    }

                    break;
                case ERC20SpendingLimitPolicy spending:
                    var askedSpending = asked.OfType<ERC20SpendingLimitPolicy>().ToArray();
                    if (askedSpending.Length == 0)
                    {
                        return SessionCoverage.NotCovered(SessionRule.SpendingLimitExceeded, $"the session limits token spending (policy {spending.Policy}); the request does not", policy: spending.Policy);
                    }

                    foreach (var token in askedSpending.SelectMany(p => p.Limits).Select(l => l.Token).Distinct())
                    {
                        var askedLimit = askedSpending.Min(p => p.LimitOf(token) is { IsZero: false } l ? l : BigInteger.Zero);
                        var left = _counters.ContainsKey(new LimitKey(action?.Id, spending.Policy, 0, token)) ? Left(ledger, new LimitKey(action?.Id, spending.Policy, 0, token)) : BigInteger.Zero;
                        if (askedLimit > left)
                        {
                            return SessionCoverage.NotCovered(SessionRule.SpendingLimitExceeded, $"the session has {left} of token {token} left (policy {spending.Policy}); the request allows {askedLimit}", policy: spending.Policy, token: token);
                        }
                    }

                    break;
                case UniActionPolicy uni:
                    var askedUni = asked.OfType<UniActionPolicy>().FirstOrDefault();
                    if (askedUni is null || askedUni.Config.ValueLimitPerUse > uni.Config.ValueLimitPerUse)
                    {
                        return SessionCoverage.NotCovered(SessionRule.ValueLimitExceeded, $"the session allows at most {uni.Config.ValueLimitPerUse} wei per call (policy {uni.Policy}); the request {(askedUni is null ? "has no such limit" : "allows " + askedUni.Config.ValueLimitPerUse)}", policy: uni.Policy);
                    }

                    for (var r = 0; r < uni.Config.Rules.Count; r++)
                    {
                        var rule = uni.Config.Rules[r];
                        var same = askedUni.Config.Rules.FirstOrDefault(a => a.Condition == rule.Condition && a.Offset == rule.Offset && a.Reference.Equals(rule.Reference));
                        var ruleLeft = rule.IsLimited ? Left(ledger, new LimitKey(action?.Id, uni.Policy, r, default)) : BigInteger.Zero;
                        if (same is null || (rule.IsLimited && (!same.IsLimited || same.Limit - same.Used > ruleLeft)))
                        {
                            return SessionCoverage.NotCovered(rule.IsLimited ? SessionRule.ParamLimitExceeded : SessionRule.ParamRuleViolated, $"the session's parameter rule {r} (offset {rule.Offset}, {rule.Condition}) is not in the request as strict (policy {uni.Policy})", policy: uni.Policy);
                        }
                    }

                    break;
                case UncheckedPolicy @unchecked when !IsUncheckedAllowed(@unchecked.Policy):
                    return SessionCoverage.NotCovered(SessionRule.PolicyNotCheckable, $"policy {@unchecked.Policy} is no policy kind the guard knows, so it cannot say what the session grants", policy: @unchecked.Policy);
            }
        }

        return null;
    }

    private BigInteger Left(SessionLedger ledger, LimitKey key)
    {
        var counter = _counters[key];
        var entry = ledger[key.Id];
        return BigInteger.Max(BigInteger.Zero, counter.Limit - entry.Committed - entry.Reserved);
    }

    private static ulong Until(IEnumerable<SessionPolicy> policies) =>
        policies.OfType<TimeFramePolicy>().Where(f => f.ValidUntil != 0).Select(f => f.ValidUntil).DefaultIfEmpty(0UL).Min();

    private static ulong Min(ulong a, ulong b) => a == 0 ? b : b == 0 ? a : Math.Min(a, b);
}
