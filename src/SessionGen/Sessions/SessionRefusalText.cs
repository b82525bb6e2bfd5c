using System.Numerics;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// The wording of the guard's parameter-rule refusals: the parameter by its path (<c>params.recipient</c>) and every value
/// in its ABI type (an address checksummed with its name, an amount in token units), from the session's
/// <see cref="Session.Labels"/>; without labels, the parameter's offset and the raw value.
/// </summary>
internal static class SessionRefusalText
{
    /// <summary>A call whose parameter breaks rule <paramref name="ruleIndex"/> of <paramref name="policy"/>.</summary>
    public static string RuleBroken(Session session, Call call, UniActionPolicy policy, int ruleIndex, BigInteger value)
    {
        var rule = policy.Config.Rules[ruleIndex];
        var (name, type, labels, unit) = Parameter(session, call, policy.Config, rule);
        var reference = SessionPolicyDecoder.Word(rule.Reference.ToArray(), 0);
        var typeText = type is null ? string.Empty : $" ({type})";
        return $"its {name}{typeText} is {SessionWording.Word(value, type, labels, unit)}, but the session requires {name} {SessionWording.Condition(rule.Condition, reference, type, labels, unit)} (rule {ruleIndex} of UniActionPolicy {policy.Policy})";
    }

    /// <summary>A call whose parameter would take cumulative rule <paramref name="ruleIndex"/> of <paramref name="policy"/> over its limit.</summary>
    public static string LimitExceeded(Session session, Call call, UniActionPolicy policy, int ruleIndex, BigInteger value, BigInteger total, BigInteger limit)
    {
        var rule = policy.Config.Rules[ruleIndex];
        var (name, type, labels, unit) = Parameter(session, call, policy.Config, rule);
        return $"its {name} of {SessionWording.Word(value, type, labels, unit)} would bring the session's total of {name} to {SessionWording.Word(total, type, labels, unit)}, over its limit of {SessionWording.Word(limit, type, labels, unit)} (rule {ruleIndex} of UniActionPolicy {policy.Policy})";
    }

    /// <summary>The rule's parameter as the labels of the called function name it (a fallback action's calls may have none).</summary>
    private static (string Name, string? Type, SessionLabels? Labels, AddressLabel? Unit) Parameter(Session session, Call call, UniActionConfig config, ParamRule rule)
    {
        var labels = session.Labels;
        var function = call.Selector is { } selector ? labels?.Of(call.Target, selector) : null;
        var parameter = function?.At(rule.Offset);
        var unit = SessionWording.UnitOf(parameter, function, config, call.Target, labels);
        return (SessionWording.Parameter(parameter, rule.Offset), parameter?.AbiType, labels, unit);
    }
}
