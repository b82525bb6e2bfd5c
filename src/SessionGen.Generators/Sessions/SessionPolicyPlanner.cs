using System.Collections.Generic;
using System.Globalization;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Sessions.Model;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// Decides, once, which policies an action gets (DESIGN §1): SpendingLimit → ERC20SpendingLimit, rules → UniAction (its
/// per-call value limit is the ValueLimit, or 0: no ETH), MaxUses → UsageLimit, ValueLimit → ValueLimit, and Sudo when
/// nothing else limits it (an action needs at least one policy). The emitter prints the plan; the analyzer reads it.
/// </summary>
internal static class SessionPolicyPlanner
{
    public static EquatableArray<PolicyPlan> ForAction(string? spendingLimit, long? maxUses, string? valueLimit, EquatableArray<RuleSpec> rules)
    {
        var plan = new List<PolicyPlan>();
        if (spendingLimit is not null)
        {
            plan.Add(PolicyPlan.Of(PolicyKind.Erc20SpendingLimit, spendingLimit));
        }

        if (rules.Count > 0)
        {
            // valueLimitPerUse: the UniActionPolicy rejects any call carrying more native value than this.
            plan.Add(new PolicyPlan(PolicyKind.UniversalAction, valueLimit ?? "0", rules));
        }

        plan.AddRange(ValuePolicies(valueLimit, maxUses, hasOtherPolicies: plan.Count > 0));
        return plan.ToEquatableArray();
    }

    /// <summary>The native value-transfer action: UsageLimit and ValueLimit, or Sudo when neither is set.</summary>
    public static EquatableArray<PolicyPlan> ForValueTransfer(string? valueLimit, long? maxUses) =>
        ValuePolicies(valueLimit, maxUses, hasOtherPolicies: false).ToEquatableArray();

    /// <summary>
    /// Whether the plan keeps native value off a payable function: a value limit, or a policy that refuses any ETH beyond its
    /// own bound (UniAction's per-call limit, the ERC-20 spending-limit policy). Sudo and UsageLimit alone let any amount through.
    /// </summary>
    public static bool BoundsNativeValue(EquatableArray<PolicyPlan> plan)
    {
        foreach (var policy in plan)
        {
            if (policy.Kind is PolicyKind.ValueLimit or PolicyKind.UniversalAction or PolicyKind.Erc20SpendingLimit)
            {
                return true;
            }
        }

        return false;
    }

    private static List<PolicyPlan> ValuePolicies(string? valueLimit, long? maxUses, bool hasOtherPolicies)
    {
        var plan = new List<PolicyPlan>();
        if (maxUses is { } uses)
        {
            plan.Add(PolicyPlan.Of(PolicyKind.UsageLimit, uses.ToString(CultureInfo.InvariantCulture)));
        }

        // A zero value limit is refused by the policy at init (SESSGEN208); it never gets here from the parser.
        if (valueLimit is not null)
        {
            plan.Add(PolicyPlan.Of(PolicyKind.ValueLimit, valueLimit));
        }

        if (!hasOtherPolicies && plan.Count == 0)
        {
            plan.Add(PolicyPlan.Of(PolicyKind.Sudo));
        }

        return plan;
    }
}
