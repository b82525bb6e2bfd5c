using System;
using System.Numerics;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// Thrown by the pre-flight check (<see cref="SessionGuard.Reserve"/>) when a call lies outside its session: nothing has been
/// signed or sent. The message says which rule in plain words; the properties say the same for code.
/// </summary>
/// <remarks>Nothing here carries key material: only the session's public id, policy addresses and amounts.</remarks>
public sealed class SessionScopeException : InvalidOperationException
{
    internal SessionScopeException(SessionRule rule, PermissionId permissionId, int? callIndex, string reason, Address? policy = null, Address? token = null, BigInteger? limit = null, BigInteger? alreadySpent = null, BigInteger? requested = null)
        : base(Describe(permissionId, callIndex, reason))
    {
        Rule = rule;
        PermissionId = permissionId;
        CallIndex = callIndex;
        Policy = policy;
        Token = token;
        Limit = limit;
        AlreadySpent = alreadySpent;
        Requested = requested;
    }

    /// <summary>The rule the call would break.</summary>
    public SessionRule Rule { get; }

    /// <summary>The session's permission id.</summary>
    public PermissionId PermissionId { get; }

    /// <summary>The index of the offending call in the operation, or <see langword="null"/> when the whole operation is refused (a user-op policy).</summary>
    public int? CallIndex { get; }

    /// <summary>The policy contract whose rule is broken, when one is.</summary>
    public Address? Policy { get; }

    /// <summary>The ERC-20 token concerned, for <see cref="SessionRule.SpendingLimitExceeded"/>.</summary>
    public Address? Token { get; }

    /// <summary>The limit in the policy's unit (token base units, wei, uses, or the parameter's unit), where one applies.</summary>
    public BigInteger? Limit { get; }

    /// <summary>What was already used before this operation: committed and held by other reservations, plus earlier calls of this batch.</summary>
    public BigInteger? AlreadySpent { get; }

    /// <summary>What the offending call asks for in the same unit.</summary>
    public BigInteger? Requested { get; }

    private static string Describe(PermissionId permissionId, int? callIndex, string reason) =>
        callIndex is { } index
            ? $"Call {index} is outside session {permissionId}: {reason}. Nothing was signed or sent."
            : $"The operation is outside session {permissionId}: {reason}. Nothing was signed or sent.";
}
