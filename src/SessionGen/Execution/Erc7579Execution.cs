using System;
using System.Collections.Generic;
using SessionGen.Abi;

namespace SessionGen.Execution;

/// <summary>
/// Calldata for an ERC-7579 account's <c>execute(bytes32 mode, bytes executionCalldata)</c>: what a user operation's
/// <c>callData</c> holds when the account makes one call, a batch, or a delegate call.
/// </summary>
public static class Erc7579Execution
{
    /// <summary><c>execute(bytes32,bytes)</c>.</summary>
    public static readonly Selector ExecuteSelector = 0xe9ae5c53;

    // An Execution tuple's head: target, value, offset of callData.
    private const int ExecutionHeadSize = 3 * AbiSize.Word;

    /// <summary><c>execute(mode, abi.encodePacked(target, value, data))</c> for one call.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The call's value is negative or above 2^256-1.</exception>
    public static byte[] EncodeExecute(Call call, ExecType execType = ExecType.Default) =>
        EncodeExecute(new ExecutionMode(CallType.Single, execType), EncodeSingle(call));

    /// <summary><c>execute(mode, abi.encode(Execution[]))</c> for a batch of calls, run in order.</summary>
    /// <exception cref="ArgumentException">No calls, or a call's value is out of range.</exception>
    public static byte[] EncodeExecuteBatch(IReadOnlyList<Call> calls, ExecType execType = ExecType.Default) =>
        EncodeExecute(new ExecutionMode(CallType.Batch, execType), EncodeBatch(calls));

    /// <summary><c>execute(mode, abi.encodePacked(target, data))</c>: a delegate call from the account.</summary>
    public static byte[] EncodeExecuteDelegateCall(Address target, ReadOnlySpan<byte> data, ExecType execType = ExecType.Default)
    {
        var executionCalldata = new byte[Address.Length + data.Length];
        target.WriteTo(executionCalldata);
        data.CopyTo(executionCalldata.AsSpan(Address.Length));
        return EncodeExecute(new ExecutionMode(CallType.DelegateCall, execType), executionCalldata);
    }

    /// <summary><c>execute(mode, executionCalldata)</c> with an execution calldata the caller encoded for <paramref name="mode"/>.</summary>
    public static byte[] EncodeExecute(ExecutionMode mode, ReadOnlySpan<byte> executionCalldata)
    {
        var buffer = new byte[4 + (2 * AbiSize.Word) + AbiSize.Bytes(executionCalldata.Length)];
        ExecuteSelector.WriteTo(buffer);
        var writer = new AbiWriter(buffer, 4, 2 * AbiSize.Word);
        writer.WriteBytes32(mode.ToBytes32());
        writer.WriteBytes(executionCalldata);
        return buffer;
    }

    /// <summary>The execution calldata of a single call: <c>abi.encodePacked(target, uint256 value, data)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 2^256-1.</exception>
    public static byte[] EncodeSingle(Call call)
    {
        var buffer = new byte[Address.Length + AbiSize.Word + call.Data.Length];
        call.Target.WriteTo(buffer);
        var value = new AbiWriter(buffer, Address.Length, AbiSize.Word);
        value.WriteUInt(CheckValue(call, "call.Value"));
        call.Data.Span.CopyTo(buffer.AsSpan(Address.Length + AbiSize.Word));
        return buffer;
    }

    /// <summary>The execution calldata of a batch: <c>abi.encode(Execution[])</c>.</summary>
    /// <exception cref="ArgumentException">No calls, or a call's value is out of range.</exception>
    public static byte[] EncodeBatch(IReadOnlyList<Call> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one call.", nameof(calls));
        }

        var size = 2 * AbiSize.Word;
        for (var i = 0; i < calls.Count; i++)
        {
            CheckValue(calls[i], $"calls[{i}].Value");
            size += AbiSize.Word + ExecutionHeadSize + AbiSize.Bytes(calls[i].Data.Length);
        }

        var buffer = new byte[size];
        var writer = new AbiWriter(buffer, 0, AbiSize.Word);
        var array = writer.BeginDynamicArray(calls.Count, AbiSize.Word);
        foreach (var call in calls)
        {
            var execution = array.BeginDynamicTuple(ExecutionHeadSize);
            execution.WriteAddress(call.Target);
            execution.WriteUInt(call.Value);
            execution.WriteBytes(call.Data.Span);
            array.End(execution);
        }

        writer.End(array);
        return buffer;
    }

    private static System.Numerics.BigInteger CheckValue(Call call, string field)
    {
        AbiRange.CheckUnsigned(call.Value, 256, field);
        return call.Value;
    }
}
