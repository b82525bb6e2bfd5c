using System;
using System.Numerics;

namespace SessionGen.Transport;

/// <summary>What the EntryPoint reported for one user operation (its <c>UserOperationEvent</c>) and the transaction that carried it.</summary>
/// <param name="UserOpHash">The user operation's hash.</param>
/// <param name="Sender">The account.</param>
/// <param name="Nonce">The nonce it used.</param>
/// <param name="Success">Whether the account's execution succeeded (validation always did, or there would be no event).</param>
/// <param name="ActualGasCost">Wei the account paid.</param>
/// <param name="ActualGasUsed">Gas the EntryPoint charged: includes pre-verification gas and v0.7's penalty on unused execution gas.</param>
/// <param name="TransactionHash">The <c>handleOps</c> transaction.</param>
/// <param name="TransactionGasUsed">Gas the whole <c>handleOps</c> transaction used.</param>
/// <param name="RevertReason">The execution's revert data when <paramref name="Success"/> is false and the EntryPoint logged one; else empty.</param>
public sealed record UserOperationReceipt(
    Bytes32 UserOpHash,
    Address Sender,
    BigInteger Nonce,
    bool Success,
    BigInteger ActualGasCost,
    BigInteger ActualGasUsed,
    Bytes32 TransactionHash,
    BigInteger TransactionGasUsed,
    ReadOnlyMemory<byte> RevertReason);
