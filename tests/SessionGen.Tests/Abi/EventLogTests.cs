using System;
using System.Linq;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Tests.Abi;

/// <summary>
/// A transaction's logs as SessionGen's own <see cref="EventLog"/>s (<see cref="EventLogs.ReadAsync"/>, from the node's
/// <c>eth_getTransactionReceipt</c>) and the lookup the generated <c>FindIn</c> uses (<see cref="EventLogs.Find"/>).
/// </summary>
public sealed class EventLogTests
{
    private static readonly Bytes32 TransferTopic = Keccak256.Hash("Transfer(address,address,uint256)");
    private static readonly Address Usdc = Address.Parse("0x1c7d4b196cb0c7b01d743fbc6116a902379c7238");
    private static readonly Address Other = Address.Parse("0x00000000000000000000000000000000000000aa");

    private static Bytes32 Word(byte last)
    {
        var bytes = new byte[32];
        bytes[31] = last;
        return new Bytes32(bytes);
    }

    [Fact]
    public void Find_keeps_the_logs_with_the_topic_and_topic_count_and_emitter_in_log_order()
    {
        EventLog[] logs =
        [
            new(Usdc, [TransferTopic, Word(1), Word(2)], new byte[32]),
            new(Other, [TransferTopic, Word(3), Word(4)], new byte[32]),
            new(Usdc, [TransferTopic, Word(5), Word(6), Word(7)], ReadOnlyMemory<byte>.Empty), // ERC-721's Transfer: 4 topics
            new(Usdc, [Word(9), Word(1), Word(2)], new byte[32]),                                // another event
            new(Usdc, [TransferTopic, Word(8), Word(9)], new byte[32]),
        ];

        Assert.Equal([logs[0], logs[1], logs[4]], EventLogs.Find(logs, TransferTopic, 3));
        Assert.Equal([logs[0], logs[4]], EventLogs.Find(logs, TransferTopic, 3, Usdc));
        Assert.Equal([logs[2]], EventLogs.Find(logs, TransferTopic, 4));
        Assert.Empty(EventLogs.Find(logs, TransferTopic, 0));
        Assert.Throws<ArgumentNullException>(() => EventLogs.Find(null!, TransferTopic, 3));
    }

    [Fact]
    public async Task ReadAsync_reads_the_receipts_logs_from_the_node()
    {
        var receipt = $$"""
            {"transactionHash":"0x{{new string('1', 64)}}","status":"0x1","logs":[
              {"address":"{{Usdc}}","topics":["{{TransferTopic}}","{{Word(1)}}","{{Word(2)}}"],"data":"0x{{new string('0', 62)}}2a","logIndex":"0x0"},
              {"address":"{{Other}}","topics":[],"data":"0x","logIndex":"0x1"}]}
            """.ReplaceLineEndings(string.Empty);
        using var server = new FakeRpc((method, id) => Task.FromResult((200, $$"""{"jsonrpc":"2.0","id":{{id}},"result":{{(method == "eth_getTransactionReceipt" ? receipt : "null")}} }""")));

        var logs = await EventLogs.ReadAsync(server.Client(), Word(0x11));

        Assert.Equal(2, logs.Count);
        Assert.Equal(Usdc, logs[0].Emitter);
        Assert.Equal([TransferTopic, Word(1), Word(2)], logs[0].Topics);
        Assert.Equal(42, logs[0].Data.Span[31]);
        Assert.Equal(32, logs[0].Data.Length);
        Assert.Equal(Other, logs[1].Emitter);
        Assert.Empty(logs[1].Topics);
        Assert.True(logs[1].Data.IsEmpty);
        var request = Assert.Single(server.Requests);
        Assert.Equal(Word(0x11).ToString(), request.GetProperty("params")[0].GetString());
    }

    [Fact]
    public async Task ReadAsync_without_a_receipt_or_with_a_malformed_log_is_a_clear_error()
    {
        using var none = new FakeRpc((_, id) => Task.FromResult((200, $$"""{"jsonrpc":"2.0","id":{{id}},"result":null}""")));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => EventLogs.ReadAsync(none.Client(), Word(0x22)));
        Assert.Contains(Word(0x22).ToString(), missing.Message);

        var badTopic = $$"""{"logs":[{"address":"{{Usdc}}","topics":["0x1234"],"data":"0x","logIndex":"0x3"}]}""";
        using var bad = new FakeRpc((_, id) => Task.FromResult((200, $$"""{"jsonrpc":"2.0","id":{{id}},"result":{{badTopic}} }""")));
        var malformed = await Assert.ThrowsAsync<AbiDecodingException>(() => EventLogs.ReadAsync(bad.Client(), Word(0x22)));
        Assert.Contains("Log 3", malformed.Message);
        Assert.Contains("0x1234", malformed.Message);
    }

    [Fact]
    public void An_event_log_says_what_it_is_and_refuses_null_topics()
    {
        var log = new EventLog(Usdc, [TransferTopic], new byte[3]);
        Assert.Contains(Usdc.ToString(), log.ToString());
        Assert.Contains("1 topics", log.ToString());
        Assert.Throws<ArgumentNullException>(() => new EventLog(Usdc, null!, default));
        Assert.Same(log, Assert.Single(EventLogs.Find([log], TransferTopic, 1)));
    }
}
