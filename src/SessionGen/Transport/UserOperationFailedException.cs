using System;

namespace SessionGen.Transport;

/// <summary>
/// A user operation passed validation and was included, but its execution reverted (<c>UserOperationEvent.success</c>
/// false): the account paid for gas and nothing else happened.
/// </summary>
public sealed class UserOperationFailedException : Exception
{
    /// <summary>Creates the exception for a failed operation's receipt.</summary>
    public UserOperationFailedException(UserOperationReceipt receipt)
        : base($"User operation {receipt.UserOpHash} was included in {receipt.TransactionHash} but its execution reverted" +
               (ContractError.Decode(receipt.RevertReason.Span) is { } reason ? $": {reason}" : " (no revert reason: too little call gas?)."))
    {
        Receipt = receipt;
    }

    /// <summary>The operation's receipt (<see cref="UserOperationReceipt.Success"/> is false).</summary>
    public UserOperationReceipt Receipt { get; }
}
