using System;
using System.Collections.Generic;

namespace SessionGen.Protocol;

/// <summary>
/// One function a session may call and the policies every such call must pass
/// (<c>struct ActionData { bytes4 actionTargetSelector; address actionTarget; PolicyData[] actionPolicies; }</c>).
/// </summary>
public sealed class ActionData : IEquatable<ActionData>
{
    /// <summary>Creates an action.</summary>
    /// <param name="actionTarget">The contract called, or <see cref="ActionId.FallbackTarget"/> for the fallback action.</param>
    /// <param name="actionTargetSelector">The function's selector, or <see cref="ActionId.ValueTransferSelector"/> for a plain value transfer.</param>
    /// <param name="actionPolicies">The policies checked on each call; at least one (the module rejects a call to an action without policies).</param>
    /// <exception cref="ArgumentException">The target is the zero address, or there are no policies.</exception>
    public ActionData(Address actionTarget, Selector actionTargetSelector, IEnumerable<PolicyData> actionPolicies)
    {
        if (actionTarget.IsZero)
        {
            throw new ArgumentException($"actionTarget must be a contract address, got {actionTarget}.", nameof(actionTarget));
        }

        var policies = Equality.Freeze(actionPolicies, nameof(actionPolicies));
        if (policies.IsEmpty)
        {
            throw new ArgumentException(
                $"actionPolicies of the action {actionTarget} {actionTargetSelector} is empty: every action needs at least one policy (use Policies.Sudo() to allow any call).",
                nameof(actionPolicies));
        }

        ActionTarget = actionTarget;
        ActionTargetSelector = actionTargetSelector;
        ActionPolicies = policies;
        Id = ActionId.Compute(actionTarget, actionTargetSelector);
    }

    /// <summary>Creates an action with the given policies.</summary>
    public ActionData(Address actionTarget, Selector actionTargetSelector, params PolicyData[] actionPolicies)
        : this(actionTarget, actionTargetSelector, (IEnumerable<PolicyData>)actionPolicies)
    {
    }

    /// <summary>The function's selector.</summary>
    public Selector ActionTargetSelector { get; }

    /// <summary>The contract called.</summary>
    public Address ActionTarget { get; }

    /// <summary>The policies checked on each call to this action.</summary>
    public IReadOnlyList<PolicyData> ActionPolicies { get; }

    /// <summary>The action's id, <c>keccak256(abi.encodePacked(actionTarget, actionTargetSelector))</c>.</summary>
    public ActionId Id { get; }

    /// <summary>Whether this is the fallback action (its policies apply to calls without an action of their own).</summary>
    public bool IsFallback => ActionTarget == ActionId.FallbackTarget && ActionTargetSelector == ActionId.FallbackSelector;

    /// <summary>Whether this is the fallback action that may also call the SmartSession module (admin access).</summary>
    public bool IsAdminFallback => ActionTarget == ActionId.FallbackTarget && ActionTargetSelector == ActionId.AdminFallbackSelector;

    /// <inheritdoc/>
    public bool Equals(ActionData? other) =>
        other is not null
        && ActionTarget == other.ActionTarget
        && ActionTargetSelector == other.ActionTargetSelector
        && Equality.Lists(ActionPolicies, other.ActionPolicies);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ActionData);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ActionTarget, ActionTargetSelector, Equality.ListHash(ActionPolicies));

    /// <summary>The target, selector and number of policies.</summary>
    public override string ToString() => $"ActionData {{ {ActionTarget} {ActionTargetSelector}, {ActionPolicies.Count} policies }}";
}
