using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// The session in plain words, for the owner's approval screen, read from the <see cref="Session"/> itself: every limit
/// and rule is decoded from its policies' init data (<see cref="SessionPolicyDecoder"/>), so the text shown is the text of
/// what is signed. <see cref="Session.Labels"/> only supplies names: token symbols and decimals, contract names,
/// "your account", parameter names.
/// </summary>
public static class SessionDescription
{
    /// <summary>Describes <paramref name="session"/>, one line per action, then its time frame.</summary>
    /// <param name="session">The session, as it will be signed.</param>
    /// <param name="policies">Which policy contract is which kind on the session's chain (e.g. <see cref="SmartSessionDeployment.Policies"/>).</param>
    /// <exception cref="ArgumentException">A policy's init data is malformed (the chain would refuse the session).</exception>
    public static string Describe(Session session, PolicyAddresses policies)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policies);
        var labels = session.Labels;
        var text = new StringBuilder("This session lets the app, without asking you again:\n");
        foreach (var action in session.Actions)
        {
            text.Append("- ").Append(Action(action, policies, labels)).Append('\n');
        }

        var userOp = session.UserOpPolicies.Select(p => SessionPolicyDecoder.Decode(p, policies)).ToList();
        var limits = userOp.Where(p => p is not TimeFramePolicy).Select(p => Limit(p, null, null, null, labels)).Where(s => s.Length > 0).ToList();
        if (limits.Count > 0)
        {
            text.Append("across all its operations: ").Append(string.Join("; ", limits)).Append('\n');
        }

        var frame = userOp.OfType<TimeFramePolicy>().FirstOrDefault();
        text.Append(frame switch
        {
            null or { ValidUntil: 0, ValidAfter: 0 } => "with no expiry: it stays valid until you remove it.",
            { ValidUntil: 0 } => $"from {Time(frame.ValidAfter)}, with no expiry: it stays valid until you remove it.",
            _ => $"from {Time(frame.ValidAfter)} until {Time(frame.ValidUntil)}.",
        });
        return text.ToString();
    }

    private static string Action(ActionData action, PolicyAddresses policies, SessionLabels? labels)
    {
        var decoded = action.ActionPolicies.Select(p => SessionPolicyDecoder.Decode(p, policies)).ToList();
        var function = labels?.Of(action.ActionTarget, action.ActionTargetSelector);
        string head;
        if (action.IsFallback)
        {
            head = "call any function of any contract that has no action of its own";
        }
        else if (action.ActionTargetSelector == ActionId.ValueTransferSelector)
        {
            head = "send ETH to " + SessionWording.Address(action.ActionTarget, labels);
        }
        else
        {
            head = $"call {function?.Name ?? "function " + action.ActionTargetSelector} on {SessionWording.Address(action.ActionTarget, labels)}";
        }

        var parts = decoded.Select(p => Limit(p, action, function, decoded, labels)).Where(s => s.Length > 0).ToList();
        if (decoded.Count == 0 || decoded.All(p => p is SudoPolicy))
        {
            parts.Insert(0, "WITHOUT ANY LIMIT");
        }

        return head + string.Concat(parts.Select(p => "; " + p));
    }

    private static string Limit(SessionPolicy policy, ActionData? action, FunctionLabel? function, IReadOnlyList<SessionPolicy>? siblings, SessionLabels? labels)
    {
        switch (policy)
        {
            case UsageLimitPolicy usage:
                return $"at most {usage.Limit.ToString(CultureInfo.InvariantCulture)} {(usage.Limit.IsOne ? "time" : "times")}";
            case ValueLimitPolicy value:
                return $"sending at most {SessionWording.Ether(value.Limit)} in total";
            case ERC20SpendingLimitPolicy spending:
                return string.Join("; ", spending.Limits.Select(l => l.Token == action?.ActionTarget
                    ? $"at most {SessionWording.Amount(l.Limit, labels?.Of(l.Token))} in total"
                    : $"at most {SessionWording.Amount(l.Limit, labels?.Of(l.Token))} of {SessionWording.Address(l.Token, labels)} in total"));
            case UniActionPolicy uni:
                return Rules(uni.Config, action!, function, siblings!, labels);
            case UncheckedPolicy unknown:
                return $"under policy {unknown.Policy}, which this description does not know";
            default:
                return string.Empty; // Sudo adds nothing; a time frame is said once for the session
        }
    }

    private static string Rules(UniActionConfig config, ActionData action, FunctionLabel? function, IReadOnlyList<SessionPolicy> siblings, SessionLabels? labels)
    {
        var parts = new List<string>();
        foreach (var rule in config.Rules)
        {
            var parameter = function?.At(rule.Offset);
            var name = SessionWording.Parameter(parameter, rule.Offset);
            var unit = SessionWording.UnitOf(parameter, function, config, action.ActionTarget, labels);
            var reference = SessionPolicyDecoder.Word(rule.Reference.ToArray(), 0);
            var condition = SessionWording.Condition(rule.Condition, reference, parameter?.AbiType, labels, unit);
            parts.Add("only if " + name + " " + condition
                + (rule.IsLimited ? $", and {name} at most {SessionWording.Word(rule.Limit, parameter?.AbiType, labels, unit)} in total" : string.Empty));
        }

        // The per-call value limit: 0 forbids ETH, worth saying only where ETH could go along (a payable or unknown function).
        if (!siblings.Any(p => p is ValueLimitPolicy) && (function is null || function.IsPayable || !config.ValueLimitPerUse.IsZero))
        {
            parts.Add(config.ValueLimitPerUse.IsZero ? "sending no ETH" : $"sending at most {SessionWording.Ether(config.ValueLimitPerUse)} per call");
        }

        return string.Join("; ", parts);
    }

    private static string Time(ulong seconds) =>
        seconds <= (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds((long)seconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "Unix time " + seconds.ToString(CultureInfo.InvariantCulture);
}
