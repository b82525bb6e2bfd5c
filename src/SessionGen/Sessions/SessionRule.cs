namespace SessionGen.Sessions;

/// <summary>The rule of a session a call would break, as reported by <see cref="SessionScopeException.Rule"/>.</summary>
public enum SessionRule
{
    /// <summary>The call's target and selector are not among the session's actions (and the session has no fallback action).</summary>
    ActionNotPermitted = 0,

    /// <summary>
    /// The calldata cannot be what the action's policy reads: 1–3 bytes (neither empty nor a selector), or too short for the
    /// parameter a policy reads, or a malformed ERC-20 argument.
    /// </summary>
    MalformedCallData = 1,

    /// <summary>The session has expired: chain time is at or after the time frame's <c>validUntil</c>.</summary>
    Expired = 2,

    /// <summary>The session is not valid yet: chain time is before the time frame's <c>validAfter</c>.</summary>
    NotYetValid = 3,

    /// <summary>A usage-limit policy has no uses left.</summary>
    UsageLimitExceeded = 4,

    /// <summary>Native value over a value-limit policy's total, over a UniActionPolicy's limit per use, or sent to an ERC-20 spending-limit action.</summary>
    ValueLimitExceeded = 5,

    /// <summary>An ERC-20 spending-limit policy's total for the token would be exceeded.</summary>
    SpendingLimitExceeded = 6,

    /// <summary>An ERC-20 spending-limit policy guards a function that is not <c>transfer</c>, <c>approve</c> or <c>transferFrom</c>.</summary>
    NotATokenTransfer = 7,

    /// <summary>A UniActionPolicy parameter rule's condition does not hold.</summary>
    ParamRuleViolated = 8,

    /// <summary>A UniActionPolicy cumulative parameter rule's limit would be exceeded.</summary>
    ParamLimitExceeded = 9,

    /// <summary>
    /// The call falls under a policy the guard cannot evaluate (an address that is no known policy kind) and the caller did not
    /// accept leaving it to the chain (<see cref="SessionGuardOptions.UncheckedPoliciesAllowed"/>).
    /// </summary>
    PolicyNotCheckable = 10,
}
