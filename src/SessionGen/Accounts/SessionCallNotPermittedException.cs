using System;
using SessionGen.Protocol;

namespace SessionGen.Accounts;

/// <summary>
/// A call is not among a session's actions, so it was refused before anything was signed or sent (the chain
/// would reject it with <c>NoPoliciesSet</c>, at the app's expense if it were mined).
/// </summary>
public sealed class SessionCallNotPermittedException : InvalidOperationException
{
    /// <summary>Creates the exception for the call at <paramref name="callIndex"/>.</summary>
    public SessionCallNotPermittedException(PermissionId permissionId, int callIndex, Call call)
        : base($"Call {callIndex} ({(call.Selector?.ToString() ?? "value transfer")} on {call.Target}) is not an action of session {permissionId}: " +
               "the session permits only the target/function pairs it was created with.")
    {
        PermissionId = permissionId;
        CallIndex = callIndex;
        Call = call;
    }

    /// <summary>The session.</summary>
    public PermissionId PermissionId { get; }

    /// <summary>The refused call's position in the operation.</summary>
    public int CallIndex { get; }

    /// <summary>The refused call.</summary>
    public Call Call { get; }
}
