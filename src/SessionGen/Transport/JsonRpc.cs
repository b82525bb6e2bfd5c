using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;

namespace SessionGen.Transport;

/// <summary>
/// How SessionGen talks JSON-RPC, to a node or a bundler: one request (numeric id), polling until an answer is there,
/// and <see cref="Connect"/> for an HTTP client whose requests any strict server accepts.
/// </summary>
public static class JsonRpc
{
    private static long _nextId;

    /// <summary>
    /// A JSON-RPC client for <paramref name="url"/> (Nethereum's <c>RpcClient</c>) whose requests strict servers such as the
    /// alto bundler accept: <c>Content-Type: application/json</c> with no charset parameter (Nethereum adds
    /// <c>; charset=utf-8</c>, which alto refuses). Requests made through SessionGen also carry numeric ids.
    /// </summary>
    /// <param name="url">The endpoint.</param>
    /// <param name="timeout">How long one request may take (default 60 s).</param>
    public static IClient Connect(Uri url, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var http = new HttpClient(new PlainJsonContentType { InnerHandler = new HttpClientHandler() }) { Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        return new RpcClient(url, http);
    }

    /// <summary>
    /// One JSON-RPC request with a numeric id (a GUID string, Nethereum's default, is refused by strict servers). Waiting
    /// stops when <paramref name="cancellationToken"/> is cancelled (Nethereum's client takes no token, so a hanging endpoint
    /// would otherwise hold the caller until its timeout); an answer that is not a JSON-RPC response at all (e.g. an empty
    /// body, on which Nethereum's client fails with a NullReferenceException) becomes an <see cref="RpcClientUnknownException"/>
    /// naming the method, like Nethereum's other transport failures.
    /// </summary>
    internal static async Task<T> RequestAsync<T>(IClient rpc, string method, CancellationToken cancellationToken, params object[] parameters)
    {
        var request = new RpcRequest(Interlocked.Increment(ref _nextId), method, parameters);
        try
        {
            return await rpc.SendRequestAsync<T>(request).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NullReferenceException e)
        {
            throw new RpcClientUnknownException($"Error occurred when trying to send rpc request: {method}: the endpoint's answer is not a JSON-RPC response.", e);
        }
    }

    /// <summary>
    /// Asks <paramref name="method"/> until it answers non-null (a receipt): at once, then every <paramref name="interval"/>
    /// while the answer is due (the first <paramref name="fastFor"/>: a devnet mines at once, a bundler bundles within its
    /// interval), then after waits that grow by half each time up to <paramref name="maxInterval"/> (an operation stuck in a
    /// mempool costs a few requests a second, not a hundred).
    /// </summary>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>; the message names <paramref name="what"/>.</exception>
    internal static async Task<T> PollAsync<T>(
        IClient rpc, string method, object parameter, TimeSpan interval, TimeSpan timeout, string what, CancellationToken cancellationToken,
        TimeSpan? maxInterval = null, TimeSpan? fastFor = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        var wait = interval;
        var longest = maxInterval ?? interval;
        var fast = fastFor ?? TimeSpan.MaxValue;
        while (true)
        {
            var answer = await RequestAsync<T?>(rpc, method, cancellationToken, parameter).ConfigureAwait(false);
            if (answer is not null)
            {
                return answer;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"No receipt for {what} after {timeout.TotalSeconds:0.#} s.");
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            if (clock.Elapsed > fast)
            {
                wait = TimeSpan.FromTicks(Math.Min(longest.Ticks, Math.Max(wait.Ticks + 1, wait.Ticks * 3 / 2)));
            }
        }
    }

    /// <summary>Sets the plain media type <c>application/json</c> on every request body.</summary>
    private sealed class PlainJsonContentType : DelegatingHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                content.Headers.ContentType = Json;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
