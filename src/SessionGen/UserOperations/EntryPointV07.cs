using System;
using System.Collections.Generic;
using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.UserOperations;

/// <summary>The ERC-4337 v0.7 EntryPoint: its canonical address and the calls this library makes to it.</summary>
public static class EntryPointV07
{
    /// <summary><c>handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)</c>.</summary>
    public static readonly Selector HandleOpsSelector = 0x765e827f;

    /// <summary><c>getNonce(address,uint192)</c>.</summary>
    public static readonly Selector GetNonceSelector = 0x35567e1a;

    // A PackedUserOperation's head: sender, nonce, 2 offsets, accountGasLimits, preVerificationGas, gasFees, 2 offsets.
    private const int OperationHeadSize = 9 * AbiSize.Word;

    /// <summary>The address at which the v0.7 EntryPoint is deployed on every chain (CREATE2 with the canonical salt).</summary>
    public static Address Address { get; } = Address.Parse("0x0000000071727De22E5E9d8BAf0edAc6f37da032");

    /// <summary>The hash the account signs for <paramref name="operation"/> on <paramref name="chainId"/> with this EntryPoint.</summary>
    public static Bytes32 GetUserOpHash(PackedUserOperation operation, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.GetUserOpHash(Address, chainId);
    }

    /// <summary>
    /// Calldata for <c>handleOps(ops, beneficiary)</c>: sent directly as a transaction (without a bundler) it validates
    /// and executes the operations and pays their fees to <paramref name="beneficiary"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No operations, or one of them is null.</exception>
    public static byte[] EncodeHandleOps(IReadOnlyList<PackedUserOperation> operations, Address beneficiary)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            throw new ArgumentException("handleOps needs at least one user operation.", nameof(operations));
        }

        var size = 4 + (3 * AbiSize.Word);
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i] ?? throw new ArgumentException($"operations[{i}] is null.", nameof(operations));
            size += AbiSize.Word + OperationHeadSize + AbiSize.Bytes(op.InitCode.Length) + AbiSize.Bytes(op.CallData.Length)
                + AbiSize.Bytes(op.PaymasterAndData.Length) + AbiSize.Bytes(op.Signature.Length);
        }

        var buffer = new byte[size];
        HandleOpsSelector.WriteTo(buffer);
        var writer = new AbiWriter(buffer, 4, 2 * AbiSize.Word);
        var array = writer.BeginDynamicArray(operations.Count, AbiSize.Word);
        foreach (var op in operations)
        {
            var tuple = array.BeginDynamicTuple(OperationHeadSize);
            tuple.WriteAddress(op.Sender);
            tuple.WriteUInt(op.Nonce);
            tuple.WriteBytes(op.InitCode.Span);
            tuple.WriteBytes(op.CallData.Span);
            tuple.WriteBytes32(op.AccountGasLimits);
            tuple.WriteUInt(op.PreVerificationGas);
            tuple.WriteBytes32(op.GasFees);
            tuple.WriteBytes(op.PaymasterAndData.Span);
            tuple.WriteBytes(op.Signature.Span);
            array.End(tuple);
        }

        writer.End(array);
        writer.WriteAddress(beneficiary);
        return buffer;
    }

    /// <summary>Calldata for <c>getNonce(sender, key)</c>, which returns the full next nonce for that key.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The key needs more than 192 bits.</exception>
    public static byte[] EncodeGetNonce(Address sender, BigInteger key)
    {
        AbiRange.CheckUnsigned(key, 192, nameof(key));
        var buffer = new byte[4 + (2 * AbiSize.Word)];
        GetNonceSelector.WriteTo(buffer);
        var writer = new AbiWriter(buffer, 4, 2 * AbiSize.Word);
        writer.WriteAddress(sender);
        writer.WriteUInt(key, 192);
        return buffer;
    }
}
