using System.Numerics;

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

    /// <summary>The most paid per gas, in wei.</summary>
    public BigInteger MaxFeePerGas { get; init; } = 2_000_000_000;

    /// <summary>The most paid to the block producer per gas, in wei.</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; } = 1_000_000_000;

    /// <summary>The gas the <c>handleOps</c> transaction needs for one operation with these limits, with room for the EntryPoint's own work.</summary>
    internal BigInteger TransactionGasLimit => VerificationGasLimit + CallGasLimit + PreVerificationGas + 200_000;
}
