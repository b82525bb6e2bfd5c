using System;
using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.UserOperations;

/// <summary>
/// An ERC-4337 v0.7 user operation as the EntryPoint takes it (<c>PackedUserOperation</c>): gas limits and fees
/// packed in pairs of <c>uint128</c>. Build one with <see cref="UserOperation.Pack"/>, or set the packed fields directly.
/// </summary>
/// <remarks>Immutable: byte fields are copied when set. Equality compares every field by content.</remarks>
public sealed record PackedUserOperation
{
    private readonly BigInteger _nonce;
    private readonly BigInteger _preVerificationGas;
    private readonly ReadOnlyMemory<byte> _initCode;
    private readonly ReadOnlyMemory<byte> _callData;
    private readonly ReadOnlyMemory<byte> _paymasterAndData;
    private readonly ReadOnlyMemory<byte> _signature;

    /// <summary>The account.</summary>
    public required Address Sender { get; init; }

    /// <summary>The nonce: a 192-bit key (which the account may use to pick a validator) and a 64-bit sequence (<see cref="UserOperationNonce"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above 2^256-1.</exception>
    public required BigInteger Nonce { get => _nonce; init => _nonce = Checked(value, 256, nameof(Nonce)); }

    /// <summary>Factory address ‖ factory calldata to deploy the account, or empty when it exists.</summary>
    public ReadOnlyMemory<byte> InitCode { get => _initCode; init => _initCode = value.ToArray(); }

    /// <summary>The call the EntryPoint makes to the account (for ERC-7579 accounts, <c>execute(mode, executionCalldata)</c>).</summary>
    public ReadOnlyMemory<byte> CallData { get => _callData; init => _callData = value.ToArray(); }

    /// <summary><c>verificationGasLimit</c> (high 16 bytes) ‖ <c>callGasLimit</c> (low 16 bytes).</summary>
    public Bytes32 AccountGasLimits { get; init; }

    /// <summary>Gas paid for the bundle's overhead.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above 2^256-1.</exception>
    public BigInteger PreVerificationGas { get => _preVerificationGas; init => _preVerificationGas = Checked(value, 256, nameof(PreVerificationGas)); }

    /// <summary><c>maxPriorityFeePerGas</c> (high 16 bytes) ‖ <c>maxFeePerGas</c> (low 16 bytes).</summary>
    public Bytes32 GasFees { get; init; }

    /// <summary>Paymaster ‖ uint128 verification gas ‖ uint128 post-op gas ‖ paymaster data, or empty without a paymaster.</summary>
    public ReadOnlyMemory<byte> PaymasterAndData { get => _paymasterAndData; init => _paymasterAndData = value.ToArray(); }

    /// <summary>The signature the account's validator checks (not part of the user-op hash).</summary>
    public ReadOnlyMemory<byte> Signature { get => _signature; init => _signature = value.ToArray(); }

    /// <summary>
    /// The hash the account signs: <c>keccak256(abi.encode(keccak256(abi.encode(sender, nonce, keccak256(initCode),
    /// keccak256(callData), accountGasLimits, preVerificationGas, gasFees, keccak256(paymasterAndData))), entryPoint, chainId))</c>.
    /// </summary>
    /// <param name="entryPoint">The EntryPoint (usually <see cref="EntryPointV07.Address"/>).</param>
    /// <param name="chainId">The chain the operation is for.</param>
    public Bytes32 GetUserOpHash(Address entryPoint, ulong chainId)
    {
        Span<byte> fields = stackalloc byte[8 * AbiSize.Word];
        var writer = new AbiWriter(fields, 0, fields.Length);
        writer.WriteAddress(Sender);
        writer.WriteUInt(Nonce);
        writer.WriteBytes32(Keccak256.Hash(InitCode.Span));
        writer.WriteBytes32(Keccak256.Hash(CallData.Span));
        writer.WriteBytes32(AccountGasLimits);
        writer.WriteUInt(PreVerificationGas);
        writer.WriteBytes32(GasFees);
        writer.WriteBytes32(Keccak256.Hash(PaymasterAndData.Span));

        Span<byte> outer = stackalloc byte[3 * AbiSize.Word];
        Keccak256.Hash(fields, outer);
        writer = new AbiWriter(outer, 0, outer.Length);
        writer.WriteBytes32(new Bytes32(outer[..AbiSize.Word]));
        writer.WriteAddress(entryPoint);
        writer.WriteUInt64(chainId);
        return Keccak256.Hash(outer);
    }

    /// <summary>
    /// The unpacked form (as ERC-4337 bundlers take it over JSON-RPC): the inverse of <see cref="UserOperation.Pack"/>.
    /// </summary>
    /// <exception cref="FormatException"><see cref="InitCode"/> is 1–19 bytes, or <see cref="PaymasterAndData"/> 1–51 bytes: too short to name a factory or a paymaster and its gas limits.</exception>
    public UserOperation Unpack()
    {
        if (InitCode.Length is > 0 and < Address.Length)
        {
            throw new FormatException($"InitCode has {InitCode.Length} bytes: a factory address needs 20.");
        }

        const int paymasterFields = Address.Length + 32;
        if (PaymasterAndData.Length is > 0 and < paymasterFields)
        {
            throw new FormatException($"PaymasterAndData has {PaymasterAndData.Length} bytes: a paymaster and its two gas limits need {paymasterFields}.");
        }

        var (verificationGasLimit, callGasLimit) = UnpackUInt128Pair(AccountGasLimits);
        var (maxPriorityFeePerGas, maxFeePerGas) = UnpackUInt128Pair(GasFees);
        var hasPaymaster = !PaymasterAndData.IsEmpty;
        var (paymasterVerificationGasLimit, paymasterPostOpGasLimit) = hasPaymaster
            ? UnpackUInt128Pair(new Bytes32(PaymasterAndData.Span.Slice(Address.Length, 32)))
            : (BigInteger.Zero, BigInteger.Zero);
        return new UserOperation
        {
            Sender = Sender,
            Nonce = Nonce,
            Factory = InitCode.IsEmpty ? null : new Address(InitCode.Span[..Address.Length]),
            FactoryData = InitCode.IsEmpty ? default : InitCode[Address.Length..],
            CallData = CallData,
            CallGasLimit = callGasLimit,
            VerificationGasLimit = verificationGasLimit,
            PreVerificationGas = PreVerificationGas,
            MaxFeePerGas = maxFeePerGas,
            MaxPriorityFeePerGas = maxPriorityFeePerGas,
            Paymaster = hasPaymaster ? new Address(PaymasterAndData.Span[..Address.Length]) : null,
            PaymasterVerificationGasLimit = paymasterVerificationGasLimit,
            PaymasterPostOpGasLimit = paymasterPostOpGasLimit,
            PaymasterData = hasPaymaster ? PaymasterAndData[paymasterFields..] : default,
            Signature = Signature,
        };
    }

    private static (BigInteger High, BigInteger Low) UnpackUInt128Pair(Bytes32 word)
    {
        Span<byte> bytes = stackalloc byte[32];
        word.WriteTo(bytes);
        return (new BigInteger(bytes[..16], isUnsigned: true, isBigEndian: true), new BigInteger(bytes[16..], isUnsigned: true, isBigEndian: true));
    }

    /// <summary>Whether every field is equal (byte fields by content).</summary>
    public bool Equals(PackedUserOperation? other) =>
        other is not null
        && Sender == other.Sender
        && Nonce == other.Nonce
        && InitCode.Span.SequenceEqual(other.InitCode.Span)
        && CallData.Span.SequenceEqual(other.CallData.Span)
        && AccountGasLimits == other.AccountGasLimits
        && PreVerificationGas == other.PreVerificationGas
        && GasFees == other.GasFees
        && PaymasterAndData.Span.SequenceEqual(other.PaymasterAndData.Span)
        && Signature.Span.SequenceEqual(other.Signature.Span);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Sender);
        hash.Add(Nonce);
        hash.AddBytes(CallData.Span);
        hash.AddBytes(Signature.Span);
        return hash.ToHashCode();
    }

    /// <summary>The fields in hexadecimal, for logs and test failures.</summary>
    public override string ToString() =>
        $"PackedUserOperation {{ Sender = {Sender}, Nonce = {Nonce}, InitCode = {Hex.Encode(InitCode.Span)}, CallData = {Hex.Encode(CallData.Span)}, " +
        $"AccountGasLimits = {AccountGasLimits}, PreVerificationGas = {PreVerificationGas}, GasFees = {GasFees}, " +
        $"PaymasterAndData = {Hex.Encode(PaymasterAndData.Span)}, Signature = {Hex.Encode(Signature.Span)} }}";

    internal static BigInteger Checked(BigInteger value, int bits, string field)
    {
        AbiRange.CheckUnsigned(value, bits, field);
        return value;
    }
}
