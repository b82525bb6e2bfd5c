using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;

namespace SessionGen.Tests.Infrastructure;

/// <summary>A JSON-RPC endpoint on 127.0.0.1 that answers each request with <c>answer(method, id)</c> and counts methods.</summary>
internal sealed class FakeRpc : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<JsonElement> _requests = new();
    private readonly ConcurrentQueue<string> _contentTypes = new();
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

    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }

    public Uri Uri { get; private set; } = null!;

    public IClient Client() => new RpcClient(Uri);

    /// <summary>Every request received, in order (method, params, id).</summary>
    public JsonElement[] Requests => _requests.ToArray();

    /// <summary>The Content-Type header of every request received, in order.</summary>
    public string[] ContentTypes => _contentTypes.ToArray();

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
                    _contentTypes.Enqueue(context.Request.ContentType ?? string.Empty);
                    _requests.Enqueue(request.RootElement.Clone());
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
