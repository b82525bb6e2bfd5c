using System;

namespace SessionGen.Transport;

/// <summary>
/// A user operation's transaction was sent, but its outcome could not be read (no receipt in time, the wait was
/// cancelled, or the node failed while answering): it may still land. Treat it as possibly included — never send
/// the same calls again blindly — and look the transaction up later.
/// </summary>
/// <remarks>Thrown instead of <see cref="OperationCanceledException"/> or <see cref="TimeoutException"/> once the transaction is out, which that exception is kept as <see cref="Exception.InnerException"/>.</remarks>
public sealed class UserOperationOutcomeUnknownException : Exception
{
    /// <summary>Creates the exception for an operation sent in <paramref name="transactionHash"/>.</summary>
    public UserOperationOutcomeUnknownException(Bytes32 userOpHash, Bytes32 transactionHash, Exception cause)
        : base($"User operation {userOpHash} was sent in transaction {transactionHash}, but its outcome is unknown: {cause.Message}", cause)
    {
        UserOpHash = userOpHash;
        TransactionHash = transactionHash;
    }

    /// <summary>The operation's hash.</summary>
    public Bytes32 UserOpHash { get; }

    /// <summary>The <c>handleOps</c> transaction that carries it.</summary>
    public Bytes32 TransactionHash { get; }
}
