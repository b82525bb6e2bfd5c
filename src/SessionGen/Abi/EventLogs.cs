using System;
using System.Collections.Generic;
using System.Globalization;
using Nethereum.RPC.Eth.DTOs;

namespace SessionGen.Abi;

/// <summary>
/// Finds the logs of one event in a receipt and hands their topics and data to the generated event decoders
/// (<c>TransferEvent.FindIn(receipt)</c> calls <see cref="Find"/>).
/// </summary>
public static class EventLogs
{
    /// <summary>
    /// The logs of <paramref name="receipt"/> whose first topic is <paramref name="topic"/> and that have exactly
    /// <paramref name="topicCount"/> topics, emitted by <paramref name="emitter"/> when given; in log order.
    /// </summary>
    /// <remarks>
    /// The topic count is part of the match because events of different contracts can share a signature but not their
    /// indexed parameters (ERC-20's and ERC-721's <c>Transfer(address,address,uint256)</c>): such a log is not this event.
    /// </remarks>
    public static IReadOnlyList<(IReadOnlyList<Bytes32> Topics, byte[] Data)> Find(TransactionReceipt receipt, Bytes32 topic, int topicCount, Address? emitter = null)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var found = new List<(IReadOnlyList<Bytes32>, byte[])>();
        foreach (var log in receipt.Logs ?? [])
        {
            if (log?.Topics is not { } rawTopics || rawTopics.Length != topicCount || topicCount == 0
                || emitter is { } wanted && (log.Address is null || !Address.TryParse(log.Address, out var address) || address != wanted))
            {
                continue;
            }

            var topics = new Bytes32[rawTopics.Length];
            for (var i = 0; i < topics.Length; i++)
            {
                if (!Bytes32.TryParse(rawTopics[i]?.ToString(), out topics[i]))
                {
                    throw new AbiDecodingException($"Log {log.LogIndex?.Value.ToString(CultureInfo.InvariantCulture)} of the receipt has a topic that is not 32 bytes of hex: '{rawTopics[i]}'.");
                }
            }

            if (topics[0] == topic)
            {
                found.Add((topics, Hex.Decode(log.Data ?? "0x")));
            }
        }

        return found;
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
