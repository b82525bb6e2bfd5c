using System;

namespace SessionGen.Transport;

/// <summary>
/// The EntryPoint refused a user operation in validation (a simulation of <c>handleOps</c> reverted), so it was not sent:
/// e.g. <c>FailedOpWithRevert(0, "AA23 reverted", PolicyViolation(…))</c> when a session policy says no, or
/// <c>FailedOp(0, "AA22 expired or not due")</c> outside the session's time frame.
/// </summary>
public sealed class UserOperationRejectedException : Exception
{
    /// <summary>Creates the exception for a decoded rejection.</summary>
    public UserOperationRejectedException(Bytes32 userOpHash, ContractError error)
        : base($"The EntryPoint rejected user operation {userOpHash}: {error}")
    {
        UserOpHash = userOpHash;
        Error = error;
    }

    /// <summary>The rejected operation's hash.</summary>
    public Bytes32 UserOpHash { get; }

    /// <summary>The EntryPoint's error; <see cref="ContractError.Root"/> is the reason (e.g. <c>PolicyViolation</c>).</summary>
    public ContractError Error { get; }
}
