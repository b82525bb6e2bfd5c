using System;
using System.Numerics;
using SessionGen.UserOperations;

namespace SessionGen.Transport;

/// <summary>
/// Gas limits and fees for a user operation. The defaults fit the flows of this library on a devnet: account
/// creation plus <c>enableSessions</c> (which needs well over 300k call gas) and session-key calls.
/// </summary>
public sealed record UserOperationGas
{
    /// <summary>Default limits: 2M verification, 1M call, 100k pre-verification gas; 2 gwei max fee, 1 gwei priority fee.</summary>
    public static UserOperationGas Default { get; } = new();

    /// <summary>Gas for deployment and validation.</summary>
    public BigInteger VerificationGasLimit { get; init; } = 2_000_000;

    /// <summary>Gas for the account's execution.</summary>
    public BigInteger CallGasLimit { get; init; } = 1_000_000;

    /// <summary>Gas paid for the bundle's overhead.</summary>
    public BigInteger PreVerificationGas { get; init; } = 100_000;

    /// <summary>Gas for the paymaster's validation (0 without a paymaster).</summary>
    public BigInteger PaymasterVerificationGasLimit { get; init; }

    /// <summary>Gas for the paymaster's post-operation call (0 without a paymaster).</summary>
    public BigInteger PaymasterPostOpGasLimit { get; init; }

    /// <summary>The most paid per gas, in wei.</summary>
    public BigInteger MaxFeePerGas { get; init; } = 2_000_000_000;

    /// <summary>The most paid to the block producer per gas, in wei.</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; } = 1_000_000_000;

    /// <summary>These limits with <paramref name="fees"/>.</summary>
    public UserOperationGas WithFees(UserOperationFees fees)
    {
        ArgumentNullException.ThrowIfNull(fees);
        return this with { MaxFeePerGas = fees.MaxFeePerGas, MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas };
    }

    /// <summary>The limits and fees of <paramref name="operation"/>.</summary>
    public static UserOperationGas Of(UserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return new UserOperationGas
        {
            VerificationGasLimit = operation.VerificationGasLimit,
            CallGasLimit = operation.CallGasLimit,
            PreVerificationGas = operation.PreVerificationGas,
            PaymasterVerificationGasLimit = operation.PaymasterVerificationGasLimit,
            PaymasterPostOpGasLimit = operation.PaymasterPostOpGasLimit,
            MaxFeePerGas = operation.MaxFeePerGas,
            MaxPriorityFeePerGas = operation.MaxPriorityFeePerGas,
        };
    }

    /// <summary><paramref name="operation"/> with these limits and fees (its paymaster fields are kept when it has a paymaster).</summary>
    public UserOperation ApplyTo(UserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation with
        {
            VerificationGasLimit = VerificationGasLimit,
            CallGasLimit = CallGasLimit,
            PreVerificationGas = PreVerificationGas,
            PaymasterVerificationGasLimit = operation.Paymaster is null ? 0 : PaymasterVerificationGasLimit,
            PaymasterPostOpGasLimit = operation.Paymaster is null ? 0 : PaymasterPostOpGasLimit,
            MaxFeePerGas = MaxFeePerGas,
            MaxPriorityFeePerGas = MaxPriorityFeePerGas,
        };
    }

    /// <summary>
    /// The gas a <c>handleOps</c> transaction needs for an operation with these limits: what the operation may use, and
    /// 50,000 for the EntryPoint's own work around it (its loop, event, nonce and deposit bookkeeping).
    /// </summary>
    internal BigInteger TransactionGasLimit => VerificationGasLimit + CallGasLimit + PreVerificationGas + PaymasterVerificationGasLimit + PaymasterPostOpGasLimit + 50_000;
}
