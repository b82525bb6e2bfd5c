using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SessionGen.Signing;

namespace SessionGen.Benchmarks;

/// <summary>
/// End to end on a local chain (SessionGen.Devnet: anvil + the Smart Sessions contracts): latency of one session-key
/// USDC transfer, split into build + sign (the generated call builder, then <c>BuildSessionOperationAsync</c>: nonce read,
/// gas fields, pre-flight check, signature) and send + receipt (<c>EntryPoint.SendAsync</c>: simulation, submission, mining, receipt), which together
/// are <c>SmartAccount.ExecuteAsync</c>. Not a BenchmarkDotNet benchmark: each sample is a chain round trip.
/// Run with <c>--devnet [transfers]</c>; prints JSON (milliseconds).
/// </summary>
public static class DevnetLatency
{
    private const long Usdc = 1_000_000;
    private const int WarmUp = 3;

    public static async Task<string> RunAsync(int transfers)
    {
        var startup = Stopwatch.StartNew();
        await using var chain = await SessionGen.Devnet.Devnet.StartAsync();
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.FromPrivateKey(PeerInputs.SessionKey);
        var salt = Keccak256.Hash("devnet latency");
        var session = UsdcTrading.CreateSession(chain.Contracts.Usdc, sessionKey.Address, await chain.GetChainTimeAsync(), salt, chain.SmartSessions);
        var account = await chain.CreateAccountAsync(owner.Address, salt);
        await chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        var enable = await account.EnableSessionAsync(session, owner);
        if (!enable.Success)
        {
            throw new InvalidOperationException("enableSessions failed on the devnet.");
        }

        var setUp = startup.Elapsed;
        var build = new List<double>();
        var send = new List<double>();
        for (var i = 0; i < WarmUp + transfers; i++)
        {
            var clock = Stopwatch.StartNew();
            var transfer = UsdcTrading.Transfer(chain.Contracts.Usdc, PeerInputs.Recipient, Usdc);
            var operation = await account.BuildSessionOperationAsync(session, [transfer], sessionKey);
            var built = clock.Elapsed.TotalMilliseconds;
            var receipt = await account.EntryPoint.SendAsync(operation);
            var total = clock.Elapsed.TotalMilliseconds;
            if (!receipt.Success)
            {
                throw new InvalidOperationException($"transfer {i} failed on the devnet.");
            }

            if (i >= WarmUp)
            {
                build.Add(built);
                send.Add(total - built);
            }
        }

        var balance = await chain.GetUsdcBalanceAsync(PeerInputs.Recipient);
        if (balance != (WarmUp + transfers) * Usdc)
        {
            throw new InvalidOperationException($"the recipient holds {balance}, expected {(WarmUp + transfers) * Usdc}.");
        }

        var totals = build.Zip(send, (b, s) => b + s).ToList();
        return JsonSerializer.Serialize(new
        {
            transfers,
            setUpSeconds = Math.Round(setUp.TotalSeconds, 1),
            buildAndSign = Summary(build),
            sendAndReceipt = Summary(send),
            endToEnd = Summary(totals),
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    private static object Summary(List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new
        {
            median = Math.Round(sorted[sorted.Length / 2], 2),
            min = Math.Round(sorted[0], 2),
            p90 = Math.Round(sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1], 2),
            max = Math.Round(sorted[^1], 2),
        };
    }
}
