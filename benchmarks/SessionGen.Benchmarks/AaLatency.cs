using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;

namespace SessionGen.Benchmarks;

/// <summary>
/// Latency of one session-key USDC transfer end to end (<c>SmartAccount.ExecuteAsync</c>: pre-flight check, nonce, gas,
/// signature, send, outcome), SessionGen beside viem in ONE run on the same devnet and the same alto bundler (issue 13):
/// sent directly (<c>handleOps</c> from a funded key; anvil mines at once) and through alto (whose bundling interval,
/// 100 ms at least, dominates). SessionGen with fixed limits (what the viem side does) and with estimated ones. The viem
/// side is <c>benchmarks/node/aa-latency.mjs</c>. Run with <c>--aa-latency [direct transfers] [bundler transfers]</c>; prints JSON (ms).
/// </summary>
public static class AaLatency
{
    private const long Usdc = 1_000_000;
    private const int WarmUp = 3;

    // The smallest USDC unit per transfer: hundreds of transfers stay far inside the session's 100 USDC (both sides send it).
    private const long TransferUnits = 1;

    public static async Task<string> RunAsync(int directTransfers, int bundlerTransfers)
    {
        await using var chain = await SessionGen.Devnet.Devnet.StartAsync();
        var bundler = await chain.StartBundlerAsync();
        using var sessionKey = PrivateKeySigner.FromPrivateKey(PeerInputs.SessionKey);
        var salt = Keccak256.Hash("aa latency");
        var session = UsdcTrading.CreateSession(chain.Contracts.Usdc, sessionKey.Address, await chain.GetChainTimeAsync(), salt, chain.SmartSessions);
        var direct = chain.CreateEntryPointClient();
        var bundled = chain.CreateBundlerEntryPointClient(bundler);

        async Task<SmartAccount> Enabled(string name, EntryPointClient entryPoint)
        {
            using var owner = PrivateKeySigner.Generate();
            var account = await chain.CreateAccountAsync(owner.Address, Keccak256.Hash(name), entryPoint);
            await chain.MintUsdcAsync(account.Address, 100_000 * Usdc);
            if (!(await account.EnableSessionAsync(session, owner)).Success)
            {
                throw new InvalidOperationException("enableSessions failed on the devnet.");
            }

            return account;
        }

        var ours = await Enabled("aa latency: SessionGen direct", direct);
        var oursBundled = SmartAccount.Attach(bundled, ours.Address, ours.Kind, ours.OwnerValidator, ours.SmartSessions); // the deployed account through the bundler
        var viemDirect = await Enabled("aa latency: viem direct", direct);
        var viemBundled = await Enabled("aa latency: viem bundler", direct);

        Task<UserOperationReceipt> Transfer(SmartAccount account, UserOperationGas? gas) =>
            account.ExecuteAsync(session, UsdcTrading.Transfer(chain.Contracts.Usdc, PeerInputs.Recipient, TransferUnits), sessionKey, gas);

        var config = Path.Combine(Path.GetTempPath(), $"sessiongen-aa-latency-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            rpcUrl = chain.RpcUrl.ToString(),
            bundlerUrl = bundler.Url.ToString(),
            chainId = chain.ChainId,
            entryPoint = chain.Contracts.EntryPoint.ToString(),
            smartSession = chain.Contracts.SmartSession.ToString(),
            funderKey = chain.Keys[1].PrivateKey,
            sessionKey = PeerInputs.SessionKey,
            permissionId = session.PermissionId.ToString(),
            accountDirect = viemDirect.Address.ToString(),
            accountBundler = viemBundled.Address.ToString(),
            usdc = chain.Contracts.Usdc.ToString(),
            recipient = PeerInputs.Recipient.ToString(),
            transfers = directTransfers,
            bundlerTransfers,
            warmUp = WarmUp,
        }));
        JsonElement viem;
        try
        {
            viem = RunViem(config);
        }
        finally
        {
            File.Delete(config);
        }

        // viem first, then SessionGen: neither side runs on a chain and bundler the other has just warmed more.
        var directFixed = await TimeAsync(() => Transfer(ours, UserOperationGas.Default), directTransfers);
        var directEstimated = await TimeAsync(() => Transfer(ours, null), directTransfers);
        var bundlerFixed = await TimeAsync(() => Transfer(oursBundled, UserOperationGas.Default), bundlerTransfers);
        var bundlerEstimated = await TimeAsync(() => Transfer(oursBundled, null), bundlerTransfers);

        var viemDirectSamples = viem.GetProperty("direct").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var viemBundlerSamples = viem.GetProperty("bundler").EnumerateArray().Select(e => e.GetDouble()).ToList();
        return JsonSerializer.Serialize(new
        {
            directTransfers,
            bundlerTransfers,
            viemVersion = viem.GetProperty("viem").GetString(),
            direct = new
            {
                sessionGenFixedLimits = Summary(directFixed),
                sessionGenEstimatedLimits = Summary(directEstimated),
                viem = Summary(viemDirectSamples),
                fixedVsViem = Math.Round(Median(directFixed) / Median(viemDirectSamples), 2),
            },
            bundler = new
            {
                sessionGenFixedLimits = Summary(bundlerFixed),
                sessionGenEstimatedLimits = Summary(bundlerEstimated),
                viem = Summary(viemBundlerSamples),
                fixedVsViem = Math.Round(Median(bundlerFixed) / Median(viemBundlerSamples), 2),
                estimatedVsViem = Math.Round(Median(bundlerEstimated) / Median(viemBundlerSamples), 2),
            },
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    private static async Task<List<double>> TimeAsync(Func<Task<UserOperationReceipt>> transfer, int count)
    {
        var samples = new List<double>();
        for (var i = 0; i < WarmUp + count; i++)
        {
            var clock = Stopwatch.StartNew();
            var receipt = await transfer();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!receipt.Success)
            {
                throw new InvalidOperationException($"transfer {i} failed on the devnet.");
            }

            if (i >= WarmUp)
            {
                samples.Add(elapsed);
            }
        }

        return samples;
    }

    private static JsonElement RunViem(string config)
    {
        var script = FindScript(AppContext.BaseDirectory) ?? FindScript(Environment.CurrentDirectory)
            ?? throw new FileNotFoundException("benchmarks/node/aa-latency.mjs not found above the benchmark's folder or the current directory.");
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(config);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aa-latency.mjs exited with {process.ExitCode}: {stderr.Result}");
        }

        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static string? FindScript(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", "node", "aa-latency.mjs");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static double Median(List<double> samples) => samples.Order().ElementAt(samples.Count / 2);

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
