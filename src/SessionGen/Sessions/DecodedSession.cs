using System;
using System.Collections.Generic;
using System.Linq;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// A session's policies decoded and arranged as the module configures them: per action id (actions listed twice share one
/// configuration) and for user operations, each policy address once with its latest init data (enabling again overwrites).
/// </summary>
internal sealed class DecodedSession
{
    private DecodedSession(SessionPolicy[] userOp, SessionPolicy[][] perAction, IReadOnlyList<ActionRules> actions)
    {
        UserOp = userOp;
        PerAction = perAction;
        Actions = actions;
    }

    /// <summary>User-op policies, one per address.</summary>
    public SessionPolicy[] UserOp { get; }

    /// <summary>The decoded policies of each of the session's actions, by index, as listed.</summary>
    public SessionPolicy[][] PerAction { get; }

    /// <summary>One entry per action id, in first-listed order.</summary>
    public IReadOnlyList<ActionRules> Actions { get; }

    /// <exception cref="ArgumentException">Malformed init data, or an action-only policy used as a user-op policy.</exception>
    public static DecodedSession Decode(Session session, PolicyAddresses policies)
    {
        var userOp = Distinct(session.UserOpPolicies.Select(p => SessionPolicyDecoder.Decode(p, policies)));
        foreach (var policy in userOp)
        {
            if (policy is ERC20SpendingLimitPolicy or UniActionPolicy)
            {
                throw new ArgumentException($"The {policy.GetType().Name} at {policy.Policy} is an action policy; the session lists it as a user-op policy, which the module cannot check.", nameof(session));
            }
        }

        var perAction = session.Actions.Select(a => a.ActionPolicies.Select(p => SessionPolicyDecoder.Decode(p, policies)).ToArray()).ToArray();
        var actions = session.Actions
            .Select((action, index) => (action, index))
            .GroupBy(x => (x.action.ActionTarget, x.action.ActionTargetSelector))
            .Select(g => new ActionRules(g.First().action, Distinct(g.SelectMany(x => perAction[x.index]))))
            .ToArray();
        return new DecodedSession(userOp, perAction, actions);
    }

    private static SessionPolicy[] Distinct(IEnumerable<SessionPolicy> policies)
    {
        var list = new List<SessionPolicy>();
        foreach (var policy in policies)
        {
            list.RemoveAll(p => p.Policy == policy.Policy);
            list.Add(policy);
        }

        return list.ToArray();
    }
}

/// <summary>The policies one action id is checked against.</summary>
/// <param name="Action">The action (the first listed with this target and selector).</param>
/// <param name="Policies">Its policies, one per address.</param>
internal sealed record ActionRules(ActionData Action, SessionPolicy[] Policies);
