using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using SessionGen.Transport;

namespace SessionGen.Abi;

/// <summary>
/// A transaction's logs (<see cref="ReadAsync"/>), and the lookups the generated event decoders use
/// (<c>TransferEvent.FindIn(logs)</c> calls <see cref="Find"/>).
/// </summary>
public static class EventLogs
{
    /// <summary>
    /// The logs of transaction <paramref name="transactionHash"/> (<c>eth_getTransactionReceipt</c>), in log order: e.g.
    /// <see cref="Transport.UserOperationReceipt.TransactionHash"/> of a sent operation.
    /// </summary>
    /// <param name="client">The node (any Nethereum <see cref="IClient"/>, e.g. <see cref="JsonRpc.Connect"/>).</param>
    /// <param name="transactionHash">The transaction.</param>
    /// <param name="cancellationToken">Stops waiting for the node.</param>
    /// <exception cref="InvalidOperationException">The node has no receipt for the transaction (unknown, or not mined yet).</exception>
    /// <exception cref="AbiDecodingException">The node's receipt has a log that is not well-formed.</exception>
    public static async Task<IReadOnlyList<EventLog>> ReadAsync(IClient client, Bytes32 transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var receipt = await JsonRpc.RequestAsync<TransactionReceipt?>(client, "eth_getTransactionReceipt", cancellationToken, transactionHash.ToString()).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The node has no receipt for transaction {transactionHash} (unknown, or not mined yet).");
        var logs = new List<EventLog>(receipt.Logs?.Length ?? 0);
        foreach (var log in receipt.Logs ?? [])
        {
            logs.Add(Read(log));
        }

        return logs;
    }

    /// <summary>
    /// The logs among <paramref name="logs"/> whose first topic is <paramref name="topic"/> and that have exactly
    /// <paramref name="topicCount"/> topics, emitted by <paramref name="emitter"/> when given; in log order.
    /// </summary>
    /// <remarks>
    /// The topic count is part of the match because events of different contracts can share a signature but not their
    /// indexed parameters (ERC-20's and ERC-721's <c>Transfer(address,address,uint256)</c>): such a log is not this event.
    /// </remarks>
    public static IReadOnlyList<EventLog> Find(IEnumerable<EventLog> logs, Bytes32 topic, int topicCount, Address? emitter = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var found = new List<EventLog>();
        foreach (var log in logs)
        {
            if (log is not null && topicCount > 0 && log.Topics.Count == topicCount && log.Topics[0] == topic
                && (emitter is not { } wanted || log.Emitter == wanted))
            {
                found.Add(log);
            }
        }

        return found;
    }

    /// <summary>A node's log (Nethereum's RPC form) as an <see cref="EventLog"/>.</summary>
    private static EventLog Read(FilterLog? log)
    {
        var index = log?.LogIndex?.Value.ToString(CultureInfo.InvariantCulture) ?? "?";
        if (log?.Address is not { } address || !Address.TryParse(address, out var emitter))
        {
            throw new AbiDecodingException($"Log {index} of the receipt has no valid emitter address: '{log?.Address}'.");
        }

        var rawTopics = log.Topics ?? [];
        var topics = new Bytes32[rawTopics.Length];
        for (var i = 0; i < topics.Length; i++)
        {
            if (!Bytes32.TryParse(rawTopics[i]?.ToString(), out topics[i]))
            {
                throw new AbiDecodingException($"Log {index} of the receipt has a topic that is not 32 bytes of hex: '{rawTopics[i]}'.");
            }
        }

        if (!Hex.TryDecode(log.Data ?? "0x", out var data))
        {
            throw new AbiDecodingException($"Log {index} of the receipt has data that is not hex: '{Hex.Truncate(log.Data!)}'.");
        }

        return new EventLog(emitter, topics, data);
    }

    /// <summary>
    /// Checks that a log has the topics of the event <paramref name="signature"/>: <paramref name="count"/> of them, the
    /// first being <paramref name="topic"/> unless the event is anonymous (<see langword="null"/>).
    /// </summary>
    /// <exception cref="AbiDecodingException">Another number of topics, or another event's signature topic.</exception>
    public static void CheckTopics(IReadOnlyList<Bytes32> topics, int count, Bytes32? topic, string signature)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count != count)
        {
            throw new AbiDecodingException($"A {signature} log has {count} topics; this one has {topics.Count}.");
        }

        if (topic is { } expected && topics[0] != expected)
        {
            throw new AbiDecodingException($"The log's first topic {topics[0]} is not the signature hash of {signature} ({expected}).");
        }
    }

    /// <summary>A reader over one topic, to decode an indexed elementary value (address, bool, integer, bytesN).</summary>
    public static AbiReader Topic(IReadOnlyList<Bytes32> topics, int index)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return new AbiReader(topics[index].ToArray(), 0, 32);
    }
}
