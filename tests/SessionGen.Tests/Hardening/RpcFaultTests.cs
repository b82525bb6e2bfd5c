using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;
using SessionGen.Signing;
using SessionGen.Tests.Infrastructure;
using SessionGen.Transport;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.Hardening;

/// <summary>
/// The chain runtime against a faulty JSON-RPC endpoint (a tiny HttpListener fake on 127.0.0.1): unreachable, HTTP
/// errors, malformed JSON, JSON-RPC error objects, a hanging server. Each gives a typed exception that names what was
/// asked; cancellation is honoured while waiting; a refused <c>eth_sendRawTransaction</c> is never sent twice.
/// Nonces come from the chain for every operation (the tests check that a second attempt asks again); once a transaction
/// is out, a failed wait is reported as "outcome unknown" so that callers keep counting its spend (SmartAccount commits
/// its reservation then) rather than treating it as never sent.
/// </summary>
public sealed class RpcFaultTests
{
    private static readonly PackedUserOperation Operation = new() { Sender = Address.Parse("0x1111111111111111111111111111111111111111"), Nonce = 7 };

    [Fact]
    public async Task An_unreachable_endpoint_gives_a_typed_exception_naming_the_method()
    {
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(new RpcClient(new Uri($"http://127.0.0.1:{FakeRpc.ClosedPort()}/")), 31337, bundler);

        var exception = await Assert.ThrowsAsync<RpcClientUnknownException>(() => client.GetNonceAsync(Operation.Sender, 0));

        Assert.Contains("eth_call", exception.Message);
        Assert.True(exception.InnerException is System.Net.Http.HttpRequestException or SocketException, $"inner exception {exception.InnerException?.GetType().Name}");
    }

    [Theory]
    [InlineData(500, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\"}")]
    [InlineData(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":")]
    [InlineData(200, "<html>bad gateway</html>")]
    [InlineData(200, "")]
    public async Task Http_errors_and_malformed_answers_give_a_typed_exception(int status, string body)
    {
        using var server = new FakeRpc((_, _) => Task.FromResult((status, body)));
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(server.Client(), 31337, bundler);

        var exception = await Assert.ThrowsAnyAsync<RpcClientUnknownException>(() => client.GetNonceAsync(Operation.Sender, 0));

        Assert.Contains("eth_call", exception.Message);
    }

    [Fact]
    public async Task A_json_rpc_error_object_gives_its_code_and_message()
    {
        using var server = new FakeRpc((_, id) => Task.FromResult((200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":-32005,\"message\":\"limit exceeded\"}}}}")));
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(server.Client(), 31337, bundler);

        var exception = await Assert.ThrowsAsync<RpcResponseException>(() => client.GetNonceAsync(Operation.Sender, 0));

        Assert.Equal(-32005, exception.RpcError.Code);
        Assert.Contains("limit exceeded", exception.Message);
    }

    [Fact]
    public async Task A_refused_raw_transaction_is_sent_once_and_the_next_attempt_asks_the_chain_for_the_nonce_again()
    {
        using var server = new FakeRpc((method, id) => Task.FromResult(method switch
        {
            "eth_call" => (200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"0x\"}}"),                  // the simulation accepts it
            "eth_getTransactionCount" => (200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"0x5\"}}"),
            _ => (200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":-32000,\"message\":\"nonce too low\"}}}}"),
        }));
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(server.Client(), 31337, bundler);

        await Assert.ThrowsAsync<RpcResponseException>(() => client.SendAsync(Operation));
        Assert.Equal(1, server.Count("eth_sendRawTransaction"));
        Assert.Equal(1, server.Count("eth_getTransactionCount"));

        await Assert.ThrowsAsync<RpcResponseException>(() => client.SendAsync(Operation));
        Assert.Equal(2, server.Count("eth_sendRawTransaction"));
        Assert.Equal(2, server.Count("eth_getTransactionCount")); // no cached nonce: the chain is asked each time
    }

    [Fact]
    public Task Sending_can_be_cancelled_while_the_endpoint_hangs() =>
        WhileTheEndpointHangs(async (client, server, token) =>
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Operation, cancellationToken: token));
            Assert.Equal(0, server.Count("eth_sendRawTransaction"));
        });

    [Fact]
    public async Task Cancelling_the_wait_after_the_transaction_is_out_reports_an_unknown_outcome_with_the_transaction()
    {
        const string txHash = "0x00000000000000000000000000000000000000000000000000000000000000aa";
        var never = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = new CancellationTokenSource();
        using var server = new FakeRpc((method, id) =>
        {
            switch (method)
            {
                case "eth_call": return Task.FromResult((200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"0x\"}}"));
                case "eth_getTransactionCount": return Task.FromResult((200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"0x5\"}}"));
                case "eth_sendRawTransaction": return Task.FromResult((200, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":\"{txHash}\"}}"));
                default:
                    // The caller gives up while waiting for the receipt, i.e. strictly after the transaction went out.
                    cancellation.Cancel();
                    return never.Task;
            }
        });
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(server.Client(), 31337, bundler);
        try
        {
            var unknown = await Assert.ThrowsAsync<UserOperationOutcomeUnknownException>(() => client.SendAsync(Operation, cancellationToken: cancellation.Token));

            Assert.Equal(Bytes32.Parse(txHash), unknown.TransactionHash);
            Assert.Equal(client.GetUserOpHash(Operation), unknown.UserOpHash);
            Assert.IsAssignableFrom<OperationCanceledException>(unknown.InnerException);
            Assert.Equal(1, server.Count("eth_sendRawTransaction"));
        }
        finally
        {
            never.SetResult((200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"));
        }
    }

    [Fact]
    public Task Reading_the_chain_time_can_be_cancelled_while_the_endpoint_hangs() =>
        WhileTheEndpointHangs(async (client, _, token) =>
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetChainTimeAsync(token)));

    /// <summary>Runs <paramref name="act"/> against an endpoint that never answers, with a token cancelled after 300 ms; it must return well before the RPC client's own timeout.</summary>
    private static async Task WhileTheEndpointHangs(Func<EntryPointClient, FakeRpc, CancellationToken, Task> act)
    {
        var release = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new FakeRpc((_, _) => release.Task);
        using var bundler = PrivateKeySigner.Generate();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        try
        {
            await act(new EntryPointClient(server.Client(), 31337, bundler), server, cancellation.Token);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {clock.Elapsed}");
        }
        finally
        {
            release.SetResult((200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"));
        }
    }

}
