using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Benchmarks;

/// <summary>
/// Gas on a local chain with the alto bundler (issue 13), in <c>UserOperationEvent.actualGasUsed</c> (what the account
/// pays for) and the <c>handleOps</c> transaction's gasUsed (what the relayer pays for):
/// <list type="bullet">
/// <item>one USE-mode USDC transfer with the fixed default limits (2M/1M/100k), with the limits SessionGen estimates when
/// it sends directly (its traced simulation), and with alto's <c>eth_estimateUserOperationGas</c> limits (sent through alto);</item>
/// <item>gas per operation when 1, 10 and 50 USE operations of different accounts share one <c>handleOps</c> (sent directly).</item>
/// </list>
/// Gas does not depend on the machine's load: one run gives the figures. Run with <c>--gas</c>; prints JSON.
/// </summary>
public static class DevnetGas
{
    private const long Usdc = 1_000_000;
    private const int Samples = 3;
    private static readonly int[] BundleSizes = [1, 10, 50];

    public static async Task<string> RunAsync()
    {
        await using var chain = await SessionGen.Devnet.Devnet.StartAsync();
        var bundler = await chain.StartBundlerAsync();
        using var sessionKey = PrivateKeySigner.Generate();
        var direct = chain.CreateEntryPointClient();

        // One account for the single-operation figures; warm the recipient's balance slot first so every sample writes the same.
        var (account, session) = await EnableAsync(chain, direct, sessionKey, "gas: single operation");
        await TransferAsync(account, session, sessionKey, UserOperationGas.Default);
        var withDefaults = await SampleAsync(() => TransferAsync(account, session, sessionKey, UserOperationGas.Default));
        var directEstimate = await SampleAsync(() => TransferAsync(account, session, sessionKey, null));
        var throughAlto = SmartAccount.Attach(chain.CreateBundlerEntryPointClient(bundler), account.Address, account.Kind, account.OwnerValidator, account.SmartSessions); // the deployed account through the bundler
        var altoEstimate = await SampleAsync(() => TransferAsync(throughAlto, session, sessionKey, null));

        // Bundles: one operation per account, every account with its own session enabled beforehand.
        var accounts = new List<(SmartAccount Account, Session Session)>();
        for (var i = 0; i < BundleSizes.Max(); i++)
        {
            accounts.Add(await EnableAsync(chain, direct, sessionKey, $"gas: bundle account {i}"));
        }

        // Every account's first transfer writes storage the later ones only update (its nonce lane, the policy's spent
        // amount): one warm-up bundle of all of them first, so each bundle size measures the same steady-state transfer.
        await SendBundleAsync(chain, direct, accounts, sessionKey, accounts.Count);
        var bundles = new List<object>();
        foreach (var size in BundleSizes)
        {
            var receipts = await SendBundleAsync(chain, direct, accounts, sessionKey, size);
            bundles.Add(new
            {
                operations = size,
                transactionGasUsed = (long)receipts[0].TransactionGasUsed,
                transactionGasPerOperation = (long)(receipts[0].TransactionGasUsed / size),
                actualGasUsedPerOperation = (long)(receipts.Aggregate(BigInteger.Zero, (sum, r) => sum + r.ActualGasUsed) / size),
            });
        }

        return JsonSerializer.Serialize(new
        {
            useTransfer = new
            {
                defaultLimits = withDefaults,
                directEstimate,
                altoEstimate,
                directVsAlto = Math.Round(((double)directEstimate.ActualGasUsed / altoEstimate.ActualGasUsed) - 1, 4),
                defaultsVsAlto = Math.Round(((double)withDefaults.ActualGasUsed / altoEstimate.ActualGasUsed) - 1, 4),
            },
            bundles,
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>One USE transfer from each of the first <paramref name="size"/> accounts, all in one <c>handleOps</c>.</summary>
    private static async Task<IReadOnlyList<UserOperationReceipt>> SendBundleAsync(SessionGen.Devnet.Devnet chain, EntryPointClient direct, List<(SmartAccount Account, Session Session)> accounts, PrivateKeySigner sessionKey, int size)
    {
        var operations = new List<PackedUserOperation>();
        foreach (var (bundled, bundledSession) in accounts.Take(size))
        {
            operations.Add(await bundled.BuildSessionOperationAsync(bundledSession, [UsdcTrading.Transfer(chain.Contracts.Usdc, PeerInputs.Recipient, Usdc)], sessionKey));
        }

        var receipts = await direct.SendBundleAsync(operations);
        if (receipts.Any(r => !r.Success) || receipts.Select(r => r.TransactionHash).Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"the bundle of {size} did not land as one transaction of successful operations.");
        }

        return receipts;
    }

    private static async Task<(SmartAccount, Session)> EnableAsync(SessionGen.Devnet.Devnet chain, EntryPointClient entryPoint, PrivateKeySigner sessionKey, string name)
    {
        using var owner = PrivateKeySigner.Generate();
        var salt = Keccak256.Hash(name);
        var session = UsdcTrading.CreateSession(chain.Contracts.Usdc, sessionKey.Address, await chain.GetChainTimeAsync(), salt, chain.SmartSessions);
        var account = await chain.CreateAccountAsync(owner.Address, salt, entryPoint);
        await chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        if (!(await account.EnableSessionAsync(session, owner)).Success)
        {
            throw new InvalidOperationException("enableSessions failed on the devnet.");
        }

        return (account, session);
    }

    private static Task<UserOperationReceipt> TransferAsync(SmartAccount account, Session session, PrivateKeySigner sessionKey, UserOperationGas? gas) =>
        account.ExecuteAsync(session, UsdcTrading.Transfer(ChainUsdc(session), PeerInputs.Recipient, Usdc), sessionKey, gas);

    // The session's one action target: the devnet's USDC.
    private static Address ChainUsdc(Session session) => session.Actions[0].ActionTarget;

    /// <summary>The median sample's figures (gas is deterministic for the same state; the median guards against a first-write outlier).</summary>
    private static async Task<GasFigures> SampleAsync(Func<Task<UserOperationReceipt>> send)
    {
        var samples = new List<GasFigures>();
        for (var i = 0; i < Samples; i++)
        {
            var receipt = await send();
            samples.Add(new GasFigures((long)receipt.ActualGasUsed, (long)receipt.TransactionGasUsed));
        }

        return samples.OrderBy(s => s.ActualGasUsed).ElementAt(Samples / 2);
    }

    private sealed record GasFigures(long ActualGasUsed, long TransactionGasUsed);
}
