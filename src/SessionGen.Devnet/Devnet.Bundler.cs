using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Transport;

namespace SessionGen.Devnet;

/// <summary>The local ERC-4337 bundler: alto from eng/devnet's npm tools, against this devnet's node.</summary>
public sealed partial class Devnet
{
    private LocalBundler? _bundler;
    private readonly SemaphoreSlim _bundlerStart = new(1, 1);

    /// <summary>
    /// Starts the alto bundler (npm <c>@pimlico/alto</c>) against this devnet, once: later calls return the same one. It
    /// bundles for the EntryPoint v0.7 with the last dev key and deploys its simulation contracts with the one before
    /// (so neither competes with <see cref="Keys"/>[0]'s nonces), serves on a free port and is stopped with the devnet.
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer than three dev keys, or alto did not start (the message holds its last output).</exception>
    public async Task<LocalBundler> StartBundlerAsync(LocalBundlerOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _bundlerStart.WaitAsync(cancellationToken);
        try
        {
            if (_bundler is not null)
            {
                return _bundler;
            }

            if (Keys.Count < 3)
            {
                throw new InvalidOperationException($"The bundler needs two dev keys besides Keys[0]; this devnet has {Keys.Count} (DevnetOptions.Accounts).");
            }

            var script = DevnetTools.AltoScript(_devnetDirectory);
            if (!File.Exists(script))
            {
                throw new InvalidOperationException($"alto is not installed at '{script}': run eng/install-node-tools.sh.");
            }

            var executor = Keys[^1];
            var alto = await AltoProcess.StartAsync(script, RpcUrl, Contracts.EntryPoint, executor, Keys[^2], options ?? new LocalBundlerOptions(), cancellationToken);
            _bundler = new LocalBundler(alto, executor);
            return _bundler;
        }
        finally
        {
            _bundlerStart.Release();
        }
    }

    /// <summary>
    /// An <see cref="EntryPointClient"/> on this devnet that sends operations through <paramref name="bundler"/>
    /// (<c>eth_sendUserOperation</c>) and reads their outcome from <c>eth_getUserOperationReceipt</c>; with
    /// <paramref name="paymaster"/>, the operations' gas is sponsored by that ERC-7677 service.
    /// </summary>
    public EntryPointClient CreateBundlerEntryPointClient(LocalBundler bundler, PaymasterClient? paymaster = null)
    {
        ArgumentNullException.ThrowIfNull(bundler);
        return new EntryPointClient(JsonRpc.Connect(RpcUrl), ChainId, new BundlerClient(bundler.Connect(), Contracts.EntryPoint)) { Paymaster = paymaster };
    }
}
