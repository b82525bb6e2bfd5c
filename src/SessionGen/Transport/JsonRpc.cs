using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;

namespace SessionGen.Transport;

/// <summary>How the transports talk JSON-RPC: one request, and polling until an answer is there.</summary>
internal static class JsonRpc
{
    /// <summary>
    /// One JSON-RPC request. Waiting stops when <paramref name="cancellationToken"/> is cancelled (Nethereum's client takes
    /// no token, so a hanging endpoint would otherwise hold the caller until its timeout); an answer that is not a JSON-RPC
    /// response at all (e.g. an empty body, on which Nethereum's client fails with a NullReferenceException) becomes an
    /// <see cref="RpcClientUnknownException"/> naming the method, like Nethereum's other transport failures.
    /// </summary>
    public static async Task<T> RequestAsync<T>(IClient rpc, string method, CancellationToken cancellationToken, params object[] parameters)
    {
        try
        {
            return await rpc.SendRequestAsync<T>(method, null, parameters).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NullReferenceException e)
        {
            throw new RpcClientUnknownException($"Error occurred when trying to send rpc request: {method}: the endpoint's answer is not a JSON-RPC response.", e);
        }
    }

    /// <summary>Asks <paramref name="method"/> every <paramref name="interval"/> until it answers non-null (a receipt).</summary>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>; the message names <paramref name="what"/>.</exception>
    public static async Task<T> PollAsync<T>(IClient rpc, string method, object parameter, TimeSpan interval, TimeSpan timeout, string what, CancellationToken cancellationToken)
        where T : class
    {
        var clock = Stopwatch.StartNew();
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

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
