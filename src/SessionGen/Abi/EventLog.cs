using System;
using System.Collections.Generic;

namespace SessionGen.Abi;

/// <summary>
/// One log of a transaction receipt, as the generated event finders read it (<c>TransferEvent.FindIn(logs)</c>): the
/// contract that emitted it, its topics (the first is the event's signature hash unless the event is anonymous) and its
/// data. <see cref="EventLogs.ReadAsync"/> gives a transaction's logs.
/// </summary>
public sealed class EventLog
{
    /// <summary>Creates a log.</summary>
    /// <param name="emitter">The contract that emitted it.</param>
    /// <param name="topics">Its topics (at most four).</param>
    /// <param name="data">Its data.</param>
    public EventLog(Address emitter, IReadOnlyList<Bytes32> topics, ReadOnlyMemory<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        Emitter = emitter;
        Topics = topics;
        Data = data;
    }

    /// <summary>The contract that emitted the log.</summary>
    public Address Emitter { get; }

    /// <summary>The log's topics.</summary>
    public IReadOnlyList<Bytes32> Topics { get; }

    /// <summary>The log's data (the event's non-indexed values, ABI-encoded).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <inheritdoc/>
    public override string ToString() => $"log of {Emitter} with {Topics.Count} topics{(Topics.Count > 0 ? $" ({Topics[0]}…)" : string.Empty)} and {Data.Length} bytes of data";
}
