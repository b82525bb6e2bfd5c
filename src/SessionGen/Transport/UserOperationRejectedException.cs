using System;

namespace SessionGen.Transport;

/// <summary>
/// The EntryPoint refused a user operation in validation (a simulation of <c>handleOps</c> reverted, or a bundler refused
/// it, its refusal read back into the same error), so it was not sent:
/// e.g. <c>FailedOpWithRevert(0, "AA23 reverted", PolicyViolation(…))</c> when a session policy says no, or
/// <c>FailedOp(0, "AA22 expired or not due")</c> outside the session's time frame.
/// </summary>
public sealed class UserOperationRejectedException : Exception
{
    /// <summary>Creates the exception for a decoded rejection.</summary>
    public UserOperationRejectedException(Bytes32 userOpHash, ContractError error)
        : this(userOpHash, error, null)
    {
    }

    /// <summary>Creates the exception for a decoded rejection that came as <paramref name="bundlerRefusal"/> (a bundler's JSON-RPC error).</summary>
    public UserOperationRejectedException(Bytes32 userOpHash, ContractError error, Exception? bundlerRefusal)
        : base(bundlerRefusal is null
            ? $"The EntryPoint rejected user operation {userOpHash}: {error}"
            : $"The bundler rejected user operation {userOpHash} in validation: {error} ({bundlerRefusal.Message})", bundlerRefusal)
    {
        UserOpHash = userOpHash;
        Error = error;
    }

    /// <summary>The rejected operation's hash.</summary>
    public Bytes32 UserOpHash { get; }

    /// <summary>The EntryPoint's error; <see cref="ContractError.Root"/> is the reason (e.g. <c>PolicyViolation</c>).</summary>
    public ContractError Error { get; }
}
