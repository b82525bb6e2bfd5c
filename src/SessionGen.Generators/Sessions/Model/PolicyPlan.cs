using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Sessions.Model;

/// <summary>The on-chain policy contracts an action can get (DESIGN §1).</summary>
internal enum PolicyKind
{
    /// <summary>ERC20SpendingLimitPolicy on the action's own token; <see cref="PolicyPlan.Amount"/> is the limit.</summary>
    Erc20SpendingLimit,

    /// <summary>UniActionPolicy; <see cref="PolicyPlan.Amount"/> is the value limit per call, <see cref="PolicyPlan.Rules"/> the rules.</summary>
    UniversalAction,

    /// <summary>UsageLimitPolicy; <see cref="PolicyPlan.Amount"/> is the number of uses.</summary>
    UsageLimit,

    /// <summary>ValueLimitPolicy; <see cref="PolicyPlan.Amount"/> is the total in wei.</summary>
    ValueLimit,

    /// <summary>SudoPolicy: no check.</summary>
    Sudo,
}

/// <summary>
/// One policy an action gets, decided once by <see cref="SessionPolicyPlanner"/>: the emitter prints these in order, the
/// analyzer reads them (what forbids ETH on a payable function, what is unlimited), and the runtime description decodes the
/// session built from them.
/// </summary>
/// <param name="Kind">Which policy contract.</param>
/// <param name="Amount">Its number (decimal string), per <see cref="Kind"/>; null for Sudo.</param>
/// <param name="Rules">The UniActionPolicy's rules; empty for the other kinds.</param>
internal sealed record PolicyPlan(PolicyKind Kind, string? Amount, EquatableArray<RuleSpec> Rules)
{
    public static PolicyPlan Of(PolicyKind kind, string? amount = null) => new(kind, amount, EquatableArray<RuleSpec>.Empty);
}
