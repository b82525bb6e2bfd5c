using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SessionGen.Devnet;

/// <summary>
/// The alto ERC-4337 bundler (npm <c>@pimlico/alto</c>) as a node process on 127.0.0.1, bundling for one EntryPoint
/// against the devnet's node. Ready once its JSON-RPC port answers; its output is drained (the last lines are kept for
/// the error when it fails to start). Tracked and stopped by process id as every devnet process is.
/// </summary>
internal sealed class AltoProcess : TrackedProcess
{
    private const int KeptLines = 60;

    private AltoProcess(Process process, Uri url)
        : base(process)
    {
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<AltoProcess> StartAsync(string altoScript, Uri nodeUrl, Address entryPoint, DevKey executor, DevKey utility, LocalBundlerOptions options, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     altoScript,
                     "--entrypoints", entryPoint.ToString(),
                     "--executor-private-keys", executor.PrivateKey,
                     "--utility-private-key", utility.PrivateKey,
                     "--rpc-url", nodeUrl.ToString().TrimEnd('/'),
                     "--port", port.ToString(CultureInfo.InvariantCulture),
                     "--safe-mode", "false",
                     "--min-bundle-interval", ((long)options.MinBundleInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                     "--max-bundle-interval", ((long)options.MaxBundleInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                     "--block-time", "100",
                     "--utility-wallet-monitor", "false",
                     "--refilling-wallets", "false",
                     "--log-level", "warn",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        // alto reads no secrets from its environment here; keep it from picking up ALTO_* settings of the caller's shell.
        foreach (var name in new List<string>(info.Environment.Keys))
        {
            if (name.StartsWith("ALTO_", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }

        var output = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Enqueue(line);
                if (output.Count > KeptLines)
                {
                    output.Dequeue();
                }
            }
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start node for alto.");
        }

        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var alto = new AltoProcess(process, url);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilReadyAsync(process, url, options.StartTimeout, cancellationToken);
            return alto;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            alto.Dispose();
            string log;
            lock (output)
            {
                log = string.Join('\n', output);
            }

            throw new InvalidOperationException($"alto did not start serving on {url}: {e.Message}\n{log}", e);
        }
        catch
        {
            alto.Dispose();
            throw;
        }
    }

    /// <summary>Asks <c>eth_chainId</c> every 50 ms until alto answers: it serves only after it deployed its simulation contracts.</summary>
    private static async Task WaitUntilReadyAsync(Process process, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"alto exited with {process.ExitCode}.");
            }

            try
            {
                using var content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", Encoding.UTF8);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var answer = await http.PostAsync(url, content, cancellationToken);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // one request timed out
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"no answer within {timeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>A TCP port nothing listens on now (the OS picks it), for a server that must be told its port.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
