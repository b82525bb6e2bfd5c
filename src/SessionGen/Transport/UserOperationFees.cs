using System.Numerics;

namespace SessionGen.Transport;

/// <summary>EIP-1559 fees for a user operation, in wei per gas.</summary>
/// <param name="MaxFeePerGas">The most paid per gas.</param>
/// <param name="MaxPriorityFeePerGas">The most paid to the block producer per gas.</param>
public sealed record UserOperationFees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
