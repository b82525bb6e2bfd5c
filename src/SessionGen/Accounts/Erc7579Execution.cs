using System;
using System.Collections.Generic;
using SessionGen.Abi;

namespace SessionGen.Accounts;

/// <summary>
/// The ERC-7579 account call <c>execute(bytes32 mode, bytes executionCalldata)</c> (0xe9ae5c53) that a user
/// operation's call data holds: one call in single mode, several in batch mode.
/// </summary>
public static class Erc7579Execution
{
    /// <summary><c>execute(bytes32,bytes)</c>.</summary>
    public static readonly Selector ExecuteSelector = new(0xe9ae5c53);

    /// <summary>Mode for one call: call type 0x00 (single), exec type 0x00 (revert on failure), no selector or payload.</summary>
    public static readonly Bytes32 SingleMode = Bytes32.Zero;

    /// <summary>Mode for several calls: call type 0x01 (batch), exec type 0x00 (revert on failure).</summary>
    public static readonly Bytes32 BatchMode = Bytes32.Parse("0x0100000000000000000000000000000000000000000000000000000000000000");

    /// <summary>
    /// <c>execute(SingleMode, abi.encodePacked(target, uint256 value, data))</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 2^256-1.</exception>
    public static byte[] EncodeSingle(Call call)
    {
        AbiRange.CheckUnsigned(call.Value, 256, nameof(call.Value));
        var packedLength = Address.Length + AbiSize.Word + call.Data.Length;
        var result = new byte[4 + (2 * AbiSize.Word) + AbiSize.Bytes(packedLength)];
        var packed = new byte[packedLength];
        call.Target.WriteTo(packed);
        new AbiWriter(packed, Address.Length, AbiSize.Word).WriteUInt(call.Value);
        call.Data.Span.CopyTo(packed.AsSpan(Address.Length + AbiSize.Word));
        WriteExecute(result, SingleMode, packed);
        return result;
    }

    /// <summary>
    /// <c>execute(BatchMode, abi.encode(Execution[] { address target; uint256 value; bytes callData; }))</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No calls.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or above 2^256-1.</exception>
    public static byte[] EncodeBatch(IReadOnlyList<Call> calls)
    {
        if (calls is null || calls.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one call.", nameof(calls));
        }

        var executionsSize = AbiSize.Word + AbiSize.Word; // offset of the array + its length
        foreach (var call in calls)
        {
            AbiRange.CheckUnsigned(call.Value, 256, nameof(call.Value));
            executionsSize += AbiSize.Word + (3 * AbiSize.Word) + AbiSize.Bytes(call.Data.Length);
        }

        var executions = new byte[executionsSize];
        var root = new AbiWriter(executions, 0, AbiSize.Word);
        var array = root.BeginDynamicArray(calls.Count, AbiSize.Word);
        foreach (var call in calls)
        {
            var execution = array.BeginDynamicTuple(3 * AbiSize.Word);
            execution.WriteAddress(call.Target);
            execution.WriteUInt(call.Value);
            execution.WriteBytes(call.Data.Span);
            array.End(execution);
        }

        root.End(array);
        var result = new byte[4 + (2 * AbiSize.Word) + AbiSize.Bytes(executions.Length)];
        WriteExecute(result, BatchMode, executions);
        return result;
    }

    /// <summary>Single mode for one call, batch mode for more.</summary>
    /// <exception cref="ArgumentException">No calls.</exception>
    public static byte[] Encode(IReadOnlyList<Call> calls) =>
        calls is { Count: 1 } ? EncodeSingle(calls[0]) : EncodeBatch(calls);

    private static void WriteExecute(Span<byte> destination, Bytes32 mode, ReadOnlySpan<byte> executionCalldata)
    {
        ExecuteSelector.WriteTo(destination);
        var writer = new AbiWriter(destination, 4, 2 * AbiSize.Word);
        writer.WriteBytes32(mode);
        writer.WriteBytes(executionCalldata);
    }
}
