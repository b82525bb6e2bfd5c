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
using SessionGen.Transport;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.Hardening;

/// <summary>
/// The chain runtime against a faulty JSON-RPC endpoint (a tiny HttpListener fake on 127.0.0.1): unreachable, HTTP
/// errors, malformed JSON, JSON-RPC error objects, a hanging server. Each gives a typed exception that names what was
/// asked; cancellation is honoured while waiting; a refused <c>eth_sendRawTransaction</c> is never sent twice.
/// The runtime keeps no local nonce or spend state (nonces come from the chain for every operation), so a fault cannot
/// leave such state half updated; the tests check that a second attempt asks the chain again.
/// </summary>
public sealed class RpcFaultTests
{
    private static readonly PackedUserOperation Operation = new() { Sender = Address.Parse("0x1111111111111111111111111111111111111111"), Nonce = 7 };

    [Fact]
    public async Task An_unreachable_endpoint_gives_a_typed_exception_naming_the_method()
    {
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(new RpcClient(new Uri($"http://127.0.0.1:{ClosedPort()}/")), 31337, bundler);

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
    public async Task Cancellation_is_honoured_while_the_endpoint_hangs()
    {
        var release = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new FakeRpc((_, _) => release.Task);
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(server.Client(), 31337, bundler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Operation, cancellationToken: cancellation.Token));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {clock.Elapsed}");
            Assert.Equal(0, server.Count("eth_sendRawTransaction"));
        }
        finally
        {
            release.SetResult((200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\"}"));
        }
    }

    [Fact]
    public async Task Reading_the_chain_time_can_be_cancelled_while_the_endpoint_hangs()
    {
        var release = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new FakeRpc((_, _) => release.Task);
        using var bundler = PrivateKeySigner.Generate();
        var client = new EntryPointClient(server.Client(), 31337, bundler);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetChainTimeAsync(cancellation.Token));
        }
        finally
        {
            release.SetResult((200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"));
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }

    /// <summary>A JSON-RPC endpoint on 127.0.0.1 that answers each request with <c>answer(method, id)</c> and counts methods.</summary>
    private sealed class FakeRpc : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _counts = new();
        private readonly Func<string, string, Task<(int Status, string Body)>> _answer;

        public FakeRpc(Func<string, string, Task<(int Status, string Body)>> answer)
        {
            _answer = answer;
            for (var attempt = 0; ; attempt++)
            {
                Uri = new Uri($"http://127.0.0.1:{ClosedPort()}/");
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add(Uri.ToString());
                try
                {
                    _listener.Start();
                    break;
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                }
            }

            _ = Task.Run(ServeAsync);
        }

        public Uri Uri { get; private set; } = null!;

        public IClient Client() => new RpcClient(Uri);

        public int Count(string method) => _counts.TryGetValue(method, out var count) ? count : 0;

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    try
                    {
                        using var reader = new StreamReader(context.Request.InputStream);
                        using var request = JsonDocument.Parse(await reader.ReadToEndAsync());
                        var method = request.RootElement.GetProperty("method").GetString()!;
                        var id = request.RootElement.GetProperty("id").GetRawText();
                        _counts.AddOrUpdate(method, 1, (_, n) => n + 1);
                        var (status, body) = await _answer(method, id);
                        context.Response.StatusCode = status;
                        var bytes = Encoding.UTF8.GetBytes(body);
                        context.Response.ContentType = "application/json";
                        await context.Response.OutputStream.WriteAsync(bytes);
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        // the test is over
                    }
                });
            }
        }
    }
}
