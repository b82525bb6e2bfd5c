using System;
using System.Numerics;

namespace SessionGen.UserOperations;

/// <summary>
/// An ERC-4337 v0.7 user operation with every field separate, as bundler RPCs and SDKs write it.
/// <see cref="Pack"/> turns it into the <see cref="PackedUserOperation"/> the EntryPoint hashes and executes.
/// </summary>
/// <remarks>Gas values are checked when set: gas limits and fees are <c>uint128</c>, the nonce and pre-verification gas <c>uint256</c>.</remarks>
public sealed record UserOperation
{
    private readonly BigInteger _nonce, _callGasLimit, _verificationGasLimit, _preVerificationGas, _maxFeePerGas, _maxPriorityFeePerGas;
    private readonly BigInteger _paymasterVerificationGasLimit, _paymasterPostOpGasLimit;
    private readonly ReadOnlyMemory<byte> _factoryData, _callData, _paymasterData, _signature;

    /// <summary>The account.</summary>
    public required Address Sender { get; init; }

    /// <summary>The nonce (see <see cref="UserOperationNonce"/> and <see cref="AccountKind"/>).</summary>
    public required BigInteger Nonce { get => _nonce; init => _nonce = PackedUserOperation.Checked(value, 256, nameof(Nonce)); }

    /// <summary>The factory that deploys the account, or <see langword="null"/> when it is deployed.</summary>
    public Address? Factory { get; init; }

    /// <summary>The calldata for <see cref="Factory"/>.</summary>
    public ReadOnlyMemory<byte> FactoryData { get => _factoryData; init => _factoryData = value.ToArray(); }

    /// <summary>The call the EntryPoint makes to the account.</summary>
    public ReadOnlyMemory<byte> CallData { get => _callData; init => _callData = value.ToArray(); }

    /// <summary>Gas for the account's execution.</summary>
    public BigInteger CallGasLimit { get => _callGasLimit; init => _callGasLimit = PackedUserOperation.Checked(value, 128, nameof(CallGasLimit)); }

    /// <summary>Gas for deployment and validation.</summary>
    public BigInteger VerificationGasLimit { get => _verificationGasLimit; init => _verificationGasLimit = PackedUserOperation.Checked(value, 128, nameof(VerificationGasLimit)); }

    /// <summary>Gas paid for the bundle's overhead.</summary>
    public BigInteger PreVerificationGas { get => _preVerificationGas; init => _preVerificationGas = PackedUserOperation.Checked(value, 256, nameof(PreVerificationGas)); }

    /// <summary>The most paid per gas (EIP-1559 max fee).</summary>
    public BigInteger MaxFeePerGas { get => _maxFeePerGas; init => _maxFeePerGas = PackedUserOperation.Checked(value, 128, nameof(MaxFeePerGas)); }

    /// <summary>The most paid to the block producer per gas (EIP-1559 priority fee).</summary>
    public BigInteger MaxPriorityFeePerGas { get => _maxPriorityFeePerGas; init => _maxPriorityFeePerGas = PackedUserOperation.Checked(value, 128, nameof(MaxPriorityFeePerGas)); }

    /// <summary>The paymaster, or <see langword="null"/> when the account pays.</summary>
    public Address? Paymaster { get; init; }

    /// <summary>Gas for the paymaster's validation.</summary>
    public BigInteger PaymasterVerificationGasLimit { get => _paymasterVerificationGasLimit; init => _paymasterVerificationGasLimit = PackedUserOperation.Checked(value, 128, nameof(PaymasterVerificationGasLimit)); }

    /// <summary>Gas for the paymaster's post-operation call.</summary>
    public BigInteger PaymasterPostOpGasLimit { get => _paymasterPostOpGasLimit; init => _paymasterPostOpGasLimit = PackedUserOperation.Checked(value, 128, nameof(PaymasterPostOpGasLimit)); }

    /// <summary>Data for the paymaster.</summary>
    public ReadOnlyMemory<byte> PaymasterData { get => _paymasterData; init => _paymasterData = value.ToArray(); }

    /// <summary>The signature the account's validator checks.</summary>
    public ReadOnlyMemory<byte> Signature { get => _signature; init => _signature = value.ToArray(); }

    /// <summary>
    /// Packs the operation: <c>initCode = factory ‖ factoryData</c>, <c>accountGasLimits = verificationGasLimit ‖ callGasLimit</c>,
    /// <c>gasFees = maxPriorityFeePerGas ‖ maxFeePerGas</c>, <c>paymasterAndData = paymaster ‖ uint128 ‖ uint128 ‖ paymasterData</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Factory data without a factory, or paymaster fields without a paymaster.</exception>
    public PackedUserOperation Pack()
    {
        if (Factory is null && !FactoryData.IsEmpty)
        {
            throw new ArgumentException($"FactoryData is set ({FactoryData.Length} bytes) but Factory is null.", nameof(FactoryData));
        }

        if (Paymaster is null && (!PaymasterData.IsEmpty || !PaymasterVerificationGasLimit.IsZero || !PaymasterPostOpGasLimit.IsZero))
        {
            throw new ArgumentException("PaymasterData, PaymasterVerificationGasLimit or PaymasterPostOpGasLimit is set but Paymaster is null.", nameof(Paymaster));
        }

        return new PackedUserOperation
        {
            Sender = Sender,
            Nonce = Nonce,
            InitCode = Factory is { } factory ? Concat(factory.ToArray(), FactoryData.Span) : default,
            CallData = CallData,
            AccountGasLimits = PackUInt128Pair(VerificationGasLimit, CallGasLimit),
            PreVerificationGas = PreVerificationGas,
            GasFees = PackUInt128Pair(MaxPriorityFeePerGas, MaxFeePerGas),
            PaymasterAndData = Paymaster is { } paymaster
                ? Concat([.. paymaster.ToArray(), .. PackUInt128Pair(PaymasterVerificationGasLimit, PaymasterPostOpGasLimit).ToArray()], PaymasterData.Span)
                : default,
            Signature = Signature,
        };
    }

    /// <summary>The hash the account signs (see <see cref="PackedUserOperation.GetUserOpHash"/>).</summary>
    public Bytes32 GetUserOpHash(Address entryPoint, ulong chainId) => Pack().GetUserOpHash(entryPoint, chainId);

    /// <summary>Whether every field is equal (byte fields by content).</summary>
    public bool Equals(UserOperation? other) =>
        other is not null
        && Sender == other.Sender
        && Nonce == other.Nonce
        && Factory == other.Factory
        && FactoryData.Span.SequenceEqual(other.FactoryData.Span)
        && CallData.Span.SequenceEqual(other.CallData.Span)
        && CallGasLimit == other.CallGasLimit
        && VerificationGasLimit == other.VerificationGasLimit
        && PreVerificationGas == other.PreVerificationGas
        && MaxFeePerGas == other.MaxFeePerGas
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && Paymaster == other.Paymaster
        && PaymasterVerificationGasLimit == other.PaymasterVerificationGasLimit
        && PaymasterPostOpGasLimit == other.PaymasterPostOpGasLimit
        && PaymasterData.Span.SequenceEqual(other.PaymasterData.Span)
        && Signature.Span.SequenceEqual(other.Signature.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sender, Nonce, CallGasLimit, MaxFeePerGas);

    /// <summary>The packed form's text (see <see cref="PackedUserOperation.ToString"/>).</summary>
    public override string ToString()
    {
        try
        {
            return Pack().ToString();
        }
        catch (ArgumentException ex)
        {
            return $"UserOperation {{ Sender = {Sender}, Nonce = {Nonce}, invalid: {ex.Message} }}";
        }
    }

    private static Bytes32 PackUInt128Pair(BigInteger high, BigInteger low)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        high.TryWriteBytes(word[(16 - high.GetByteCount(isUnsigned: true))..16], out _, isUnsigned: true, isBigEndian: true);
        low.TryWriteBytes(word[(32 - low.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        return new Bytes32(word);
    }

    private static byte[] Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second) => [.. first, .. second];
}
