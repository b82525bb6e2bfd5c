using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace SessionGen.Devnet;

/// <summary>
/// A local chain for on-chain tests and samples: an anvil process with EntryPoint v0.7, the legacy
/// SmartSession, the ERC-7579 reference account factory, the devnet's validators, policies and a 6-decimal
/// test USDC deployed — or, with <see cref="DevnetOptions.UpstreamContracts"/>, the current upstream SmartSession,
/// policies and OwnableValidator at their real addresses in place of the legacy module and the devnet's own. Start it with <see cref="StartAsync"/>, dispose it to stop anvil.
/// </summary>
/// <example>
/// <code>
/// await using var devnet = await Devnet.StartAsync();
/// await devnet.MintUsdcAsync(alice, 100_000_000);
/// </code>
/// </example>
public sealed partial class Devnet : IAsyncDisposable
{
    private static readonly TimeSpan ReceiptPollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly Selector MintSelector = Selector.FromSignature("mint(address,uint256)");
    private static readonly Selector BalanceOfSelector = Selector.FromSignature("balanceOf(address)");

    private AnvilProcess? _anvil; // null when attached to a node this devnet did not start
    private readonly HttpClient _http;
    private readonly RpcClient _rpc;
    private readonly TimeSpan _receiptTimeout;
    private DevnetArtifacts _artifacts = null!;
    private string _devnetDirectory = null!;
    private int _disposed;

    private Devnet(AnvilProcess? anvil, HttpClient http, RpcClient rpc, Uri rpcUrl, ulong chainId, IReadOnlyList<DevKey> keys, TimeSpan receiptTimeout)
    {
        _anvil = anvil;
        _http = http;
        _rpc = rpc;
        RpcUrl = rpcUrl;
        ChainId = chainId;
        Keys = keys;
        _receiptTimeout = receiptTimeout;
        Web3 = new Nethereum.Web3.Web3(rpc);
    }

    /// <summary>The JSON-RPC endpoint, <c>http://127.0.0.1:port</c>.</summary>
    public Uri RpcUrl { get; }

    /// <summary>The chain id (anvil's default, 31337).</summary>
    public ulong ChainId { get; }

    /// <summary>The anvil process id (to check it is gone after dispose); -1 when attached to a node started elsewhere.</summary>
    public int ProcessId => _anvil?.ProcessId ?? -1;

    /// <summary>True once the anvil process has exited.</summary>
    public bool HasExited => _anvil?.HasExited ?? false;

    /// <summary>The funded dev accounts, unlocked on the node. <see cref="Keys"/>[0] deployed the contracts and is the default sender.</summary>
    public IReadOnlyList<DevKey> Keys { get; }

    /// <summary>The deployed contracts.</summary>
    public DevnetContracts Contracts { get; private set; } = null!;

    /// <summary>
    /// The upstream build this devnet deployed (its commits), or null on the fixture devnet. See
    /// <see cref="DevnetOptions.UpstreamContracts"/>.
    /// </summary>
    public UpstreamBuild? Upstream { get; private set; }

    /// <summary>A Nethereum client on this chain, for anything the helpers here do not cover.</summary>
    public Nethereum.Web3.Web3 Web3 { get; }

    /// <summary>How long startup took: install check, compile (cached), anvil start and deployment.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Starts anvil and deploys everything; installs the npm tools first on a fresh clone.</summary>
    /// <param name="options">How to start; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start (anvil is stopped).</param>
    public static async Task<Devnet> StartAsync(DevnetOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DevnetOptions();
        if (options.Accounts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Accounts, "DevnetOptions.Accounts must be at least 1.");
        }

        var clock = Stopwatch.StartNew();
        var directory = DevnetTools.Locate(options.DevnetDirectory);
        await DevnetTools.EnsureInstalledAsync(directory, options.InstallToolsIfMissing, cancellationToken);
        var upstream = UpstreamArtifacts.For(options); // before anvil: a bad path fails fast
        var compiled = DevnetTools.CompileAsync(directory, cancellationToken);
        var anvil = await AnvilProcess.StartAsync(DevnetTools.AnvilPath(directory), options.Accounts, options.StartTimeout, cancellationToken);
        try
        {
            var rpcUrl = new Uri($"http://127.0.0.1:{anvil.Port.ToString(CultureInfo.InvariantCulture)}");
            return await DeployAsync(anvil, directory, rpcUrl, anvil.PrivateKeys, compiled, upstream, options, clock, cancellationToken);
        }
        catch
        {
            anvil.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Deploys the devnet's contracts onto a node that is already running (an anvil you started, or another node that
    /// answers anvil's <c>anvil_setCode</c>/<c>anvil_setBalance</c>), instead of starting anvil. Disposing leaves that node running.
    /// </summary>
    /// <param name="rpcUrl">The node's JSON-RPC endpoint.</param>
    /// <param name="fundedPrivateKeys">Keys funded on that node; the first deploys the contracts and pays for transactions.</param>
    /// <param name="options">Where the tools are, timeouts; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the deployment.</param>
    public static async Task<Devnet> AttachAsync(Uri rpcUrl, IReadOnlyList<string> fundedPrivateKeys, DevnetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpcUrl);
        ArgumentNullException.ThrowIfNull(fundedPrivateKeys);
        if (fundedPrivateKeys.Count == 0)
        {
            throw new ArgumentException("At least one funded key is needed to deploy the contracts.", nameof(fundedPrivateKeys));
        }

        options ??= new DevnetOptions();
        var clock = Stopwatch.StartNew();
        var directory = DevnetTools.Locate(options.DevnetDirectory);
        await DevnetTools.EnsureInstalledAsync(directory, options.InstallToolsIfMissing, cancellationToken);
        var upstream = UpstreamArtifacts.For(options);
        return await DeployAsync(null, directory, rpcUrl, fundedPrivateKeys, DevnetTools.CompileAsync(directory, cancellationToken), upstream, options, clock, cancellationToken);
    }

    private static async Task<Devnet> DeployAsync(AnvilProcess? anvil, string directory, Uri rpcUrl, IReadOnlyList<string> privateKeys, Task<string> compiled, UpstreamArtifacts? upstream, DevnetOptions options, Stopwatch clock, CancellationToken cancellationToken)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var rpc = new RpcClient(rpcUrl, http);
        var keys = privateKeys.Select(k => new DevKey(Address.Parse(new EthECKey(k).GetPublicAddress()), k)).ToArray();
        Devnet? devnet = null;
        try
        {
            var chainId = (ulong)(await rpc.SendRequestAsync<HexBigInteger>("eth_chainId")).Value;
            devnet = new Devnet(anvil, http, rpc, rpcUrl, chainId, keys, options.ReceiptTimeout) { _devnetDirectory = directory };
            devnet._artifacts = DevnetArtifacts.Load(await compiled);
            devnet.Upstream = upstream?.Build;
            devnet.Contracts = await DevnetDeployer.DeployAsync(devnet, devnet._artifacts, upstream, cancellationToken);
            devnet.StartupTime = clock.Elapsed;
            return devnet;
        }
        catch
        {
            if (devnet is not null)
            {
                devnet._anvil = null; // the caller owns the process on failure
                await devnet.DisposeAsync();
            }
            else
            {
                http.Dispose();
            }

            throw;
        }
    }

    /// <summary>Sends a transaction from a dev account (default <see cref="Keys"/>[0]) and waits for its receipt.</summary>
    /// <param name="to">The recipient; null deploys <paramref name="data"/> as creation code.</param>
    /// <param name="data">Call data or creation code.</param>
    /// <param name="value">Wei sent along.</param>
    /// <param name="gas">The gas limit (set, not estimated, so a failing call is mined and visible).</param>
    /// <param name="from">The sender; must be one of <see cref="Keys"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="DevnetTransactionException">The transaction reverted (status 0).</exception>
    public async Task<TransactionReceipt> SendAsync(
        Address? to,
        ReadOnlyMemory<byte> data,
        BigInteger value = default,
        ulong gas = 5_000_000,
        DevKey? from = null,
        CancellationToken cancellationToken = default)
    {
        var hash = await SendWithoutWaitingAsync(to, data, value, gas, from);
        var receipt = await WaitForReceiptAsync(hash, cancellationToken);
        return receipt.Status?.Value == BigInteger.One ? receipt : throw new DevnetTransactionException(receipt);
    }

    /// <summary>Sends a transaction from a dev account and returns its hash without waiting for it to be mined.</summary>
    public Task<string> SendWithoutWaitingAsync(Address? to, ReadOnlyMemory<byte> data, BigInteger value = default, ulong gas = 5_000_000, DevKey? from = null)
    {
        var input = new TransactionInput
        {
            From = (from ?? Keys[0]).Address.ToString(),
            To = to?.ToString(),
            Data = Hex.Encode(data.Span),
            Gas = new HexBigInteger(gas),
            Value = new HexBigInteger(value),
        };
        return RequestAsync<string>("eth_sendTransaction", input);
    }

    /// <summary>Polls for a receipt every 10 ms until it is there or <see cref="DevnetOptions.ReceiptTimeout"/> passes.</summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var receipt = await RequestAsync<TransactionReceipt?>("eth_getTransactionReceipt", transactionHash);
            if (receipt is not null)
            {
                return receipt;
            }

            if (deadline.Elapsed > _receiptTimeout)
            {
                throw new TimeoutException($"No receipt for transaction {transactionHash} after {_receiptTimeout.TotalSeconds:0.#} s.");
            }

            await Task.Delay(ReceiptPollInterval, cancellationToken);
        }
    }

    /// <summary><c>eth_call</c> at the latest block; a revert surfaces as Nethereum's <see cref="RpcResponseException"/> with the revert data.</summary>
    public async Task<byte[]> CallAsync(Address to, ReadOnlyMemory<byte> data, Address? from = null)
    {
        var input = new TransactionInput { To = to.ToString(), Data = Hex.Encode(data.Span), From = from?.ToString() };
        return Hex.Decode(await RequestAsync<string>("eth_call", input, BlockParameter.CreateLatest()));
    }

    /// <summary>The code at an address (empty when none).</summary>
    public async Task<byte[]> GetCodeAsync(Address address) =>
        Hex.Decode(await RequestAsync<string>("eth_getCode", address.ToString(), BlockParameter.CreateLatest()));

    /// <summary>Places runtime code at an address (<c>anvil_setCode</c>).</summary>
    public Task SetCodeAsync(Address address, ReadOnlyMemory<byte> runtimeCode) =>
        RequestAsync<object?>("anvil_setCode", address.ToString(), Hex.Encode(runtimeCode.Span));

    /// <summary>The ETH balance of an address, in wei.</summary>
    public async Task<BigInteger> GetBalanceAsync(Address address) =>
        (await RequestAsync<HexBigInteger>("eth_getBalance", address.ToString(), BlockParameter.CreateLatest())).Value;

    /// <summary>Sets the ETH balance of an address (<c>anvil_setBalance</c>).</summary>
    public Task SetBalanceAsync(Address address, BigInteger wei) =>
        RequestAsync<object?>("anvil_setBalance", address.ToString(), new HexBigInteger(wei).HexValue);

    /// <summary>The latest block's timestamp: the clock validUntil/validAfter are judged by (it drifts from the wall clock after time travel).</summary>
    public async Task<DateTimeOffset> GetChainTimeAsync()
    {
        var block = await RequestAsync<BlockWithTransactionHashes>("eth_getBlockByNumber", BlockParameter.CreateLatest(), false);
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    /// <summary>Moves chain time forward and mines a block at the new time.</summary>
    public async Task IncreaseTimeAsync(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Chain time only moves forward.");
        }

        await RequestAsync<object?>("evm_increaseTime", (long)delta.TotalSeconds);
        await MineAsync();
    }

    /// <summary>Mines one block.</summary>
    public Task MineAsync() => RequestAsync<object?>("evm_mine");

    /// <summary>Takes a state snapshot (<c>evm_snapshot</c>); <see cref="RevertAsync"/> returns to it once.</summary>
    public Task<string> SnapshotAsync() => RequestAsync<string>("evm_snapshot");

    /// <summary>Returns to a snapshot taken with <see cref="SnapshotAsync"/> (which it consumes).</summary>
    /// <exception cref="InvalidOperationException">The node does not know the snapshot.</exception>
    public async Task RevertAsync(string snapshotId)
    {
        if (!await RequestAsync<bool>("evm_revert", snapshotId))
        {
            throw new InvalidOperationException($"evm_revert: unknown snapshot '{snapshotId}'.");
        }
    }

    /// <summary>Mints test USDC (6 decimals: 1 USDC = 1_000_000).</summary>
    public Task<TransactionReceipt> MintUsdcAsync(Address to, BigInteger amount, CancellationToken cancellationToken = default) =>
        MintTestTokenAsync(Contracts.Usdc, to, amount, cancellationToken);

    /// <summary>Mints a devnet test token (<see cref="DevnetContracts.Usdc"/> or one from <see cref="DeployTestTokenAsync"/>).</summary>
    public Task<TransactionReceipt> MintTestTokenAsync(Address token, Address to, BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(token, DevnetCalldata.AddressUInt(MintSelector, to, amount), cancellationToken: cancellationToken);

    /// <summary>
    /// Deploys another 6-decimal test token (the same contract as <see cref="DevnetContracts.Usdc"/>) at an address
    /// that depends on <paramref name="salt"/>: e.g. a second token a session must not touch.
    /// </summary>
    /// <exception cref="InvalidOperationException">A contract already exists for that salt.</exception>
    public Task<Address> DeployTestTokenAsync(Bytes32 salt, CancellationToken cancellationToken = default) =>
        DevnetDeployer.DeployWithCreate2Async(this, salt, _artifacts.Creation("TestUsdc"), cancellationToken);

    /// <summary>The test USDC balance of an address (6 decimals).</summary>
    public Task<BigInteger> GetUsdcBalanceAsync(Address owner) => GetTokenBalanceAsync(Contracts.Usdc, owner);

    /// <summary>An ERC-20 balance (<c>balanceOf</c>).</summary>
    public async Task<BigInteger> GetTokenBalanceAsync(Address token, Address owner) =>
        new(await CallAsync(token, DevnetCalldata.Address(BalanceOfSelector, owner)), isUnsigned: true, isBigEndian: true);

    /// <summary>Sends a raw JSON-RPC request to the node.</summary>
    /// <typeparam name="T">The result type (Newtonsoft-deserialized).</typeparam>
    public Task<T> RequestAsync<T>(string method, params object?[] parameters) =>
        _rpc.SendRequestAsync<T>(method, null, parameters!);

    /// <summary>Stops the paymaster service, the bundler and anvil (each by its process id) and releases the HTTP client.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _paymaster?.Dispose();
            _bundler?.Dispose();
            _anvil?.Dispose();
            _http.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
