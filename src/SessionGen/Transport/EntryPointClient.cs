using System;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;
using SessionGen.Signing;
using SessionGen.UserOperations;

namespace SessionGen.Transport;

/// <summary>
/// Sends user operations straight to the EntryPoint's <c>handleOps</c> in a transaction paid by a funded key, with
/// no bundler: for devnets, tests and self-bundling apps. Each operation is first simulated with <c>eth_call</c>, so
/// a rejected one is reported with its decoded reason (<see cref="UserOperationRejectedException"/>) and costs nothing.
/// </summary>
public sealed partial class EntryPointClient
{
    private static readonly Bytes32 UserOperationEventTopic = Keccak256.Hash("UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)");
    private static readonly Bytes32 UserOperationRevertReasonTopic = Keccak256.Hash("UserOperationRevertReason(bytes32,address,uint256,bytes)");

    private readonly IAsyncSigner? _bundler;
    private readonly BundlerClient? _bundlerClient;
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>Creates a client.</summary>
    /// <param name="rpc">A JSON-RPC client for the chain (e.g. Nethereum's <c>RpcClient</c>).</param>
    /// <param name="chainId">The chain's id (part of every user-op hash).</param>
    /// <param name="bundler">The funded key that signs and pays for the <c>handleOps</c> transactions (and receives the fees).</param>
    /// <param name="entryPoint">The EntryPoint; default the canonical v0.7 address.</param>
    public EntryPointClient(IClient rpc, ulong chainId, IAsyncSigner bundler, Address? entryPoint = null)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        _bundler = bundler ?? throw new ArgumentNullException(nameof(bundler));
        ChainId = chainId;
        EntryPoint = entryPoint ?? EntryPointV07.Address;
    }

    /// <summary>
    /// Creates a client that reads from the chain through <paramref name="rpc"/> and sends operations through an
    /// ERC-4337 bundler (<c>eth_sendUserOperation</c>) instead of calling <c>handleOps</c> itself.
    /// </summary>
    /// <param name="rpc">A JSON-RPC client for the chain (reads, and the simulation that decodes rejections before sending).</param>
    /// <param name="chainId">The chain's id (part of every user-op hash).</param>
    /// <param name="bundler">The bundler; its EntryPoint is this client's.</param>
    public EntryPointClient(IClient rpc, ulong chainId, BundlerClient bundler)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        _bundlerClient = bundler ?? throw new ArgumentNullException(nameof(bundler));
        ChainId = chainId;
        EntryPoint = bundler.EntryPoint;
    }

    /// <summary>The JSON-RPC client.</summary>
    public IClient Rpc { get; }

    /// <summary>The chain id.</summary>
    public ulong ChainId { get; }

    /// <summary>The EntryPoint address.</summary>
    public Address EntryPoint { get; }

    /// <summary>The address that sends and pays for <c>handleOps</c>; the zero address when a <see cref="BundlerClient"/> sends.</summary>
    public Address Bundler => _bundler?.Address ?? Address.Zero;

    /// <summary>
    /// The beneficiary (and sender) of simulated <c>handleOps</c> calls: the bundler key, or with a <see cref="BundlerClient"/>
    /// a fixed non-zero address (the EntryPoint refuses the zero beneficiary with <c>AA90 invalid beneficiary</c>).
    /// </summary>
    private Address SimulationBeneficiary => _bundler?.Address ?? NonZeroBeneficiary;

    private static readonly Address NonZeroBeneficiary = Address.Parse("0x000000000000000000000000000000000000dEaD");

    /// <summary>
    /// How often a receipt is polled for while it is due (default 1 ms: a devnet mines at once, and its receipt is often one
    /// tick late, so a coarser poll adds its whole interval to every operation). Polling stays this fast for
    /// <see cref="ReceiptDueWithin"/>; after that each wait is half as long again, up to <see cref="MaxReceiptPollInterval"/>,
    /// so a transaction stuck in a public mempool costs a few requests a second.
    /// </summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>How long a receipt is polled for at <see cref="ReceiptPollInterval"/> (default 50 ms).</summary>
    public TimeSpan ReceiptDueWithin { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait between two receipt polls (default 1 s: about a block on a public network).</summary>
    public TimeSpan MaxReceiptPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a receipt before giving up (default 60 s).</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The hash an operation's signer signs on this chain and EntryPoint.</summary>
    public Bytes32 GetUserOpHash(PackedUserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.GetUserOpHash(EntryPoint, ChainId);
    }

    /// <summary>The next full nonce of <paramref name="sender"/> for a 192-bit <paramref name="key"/> (<c>getNonce</c>).</summary>
    public async Task<BigInteger> GetNonceAsync(Address sender, BigInteger key) =>
        ToUInt256(await CallAsync(EntryPoint, EntryPointV07.EncodeGetNonce(sender, key)).ConfigureAwait(false));

    /// <summary><c>eth_call</c> at the latest block. A revert throws <see cref="RpcResponseException"/>; use <see cref="TryCallAsync(Address, ReadOnlyMemory{byte}, Address?)"/> to get its data.</summary>
    public Task<byte[]> CallAsync(Address to, ReadOnlyMemory<byte> data) => Abi.ContractReads.CallAsync(Rpc, to, data);

    /// <summary><c>eth_call</c> that returns the revert as a decoded error instead of throwing.</summary>
    /// <returns>The output, or the revert (null output) with its decoded error (null when the revert carried no data).</returns>
    public Task<(byte[]? Output, ContractError? Revert)> TryCallAsync(Address to, ReadOnlyMemory<byte> data, Address? from = null) =>
        TryCallAsync(to, data, from, CancellationToken.None);

    private async Task<(byte[]? Output, ContractError? Revert)> TryCallAsync(Address to, ReadOnlyMemory<byte> data, Address? from, CancellationToken cancellationToken)
    {
        var input = new CallInput { To = to.ToString(), Data = Hex.Encode(data.Span), From = from?.ToString() };
        try
        {
            var output = await RequestAsync<string>("eth_call", cancellationToken, input, BlockParameter.CreateLatest()).ConfigureAwait(false);
            return (Hex.Decode(output), null);
        }
        catch (RpcResponseException e) when (RevertData(e.RpcError?.Data) is { } revert)
        {
            return (null, ContractError.Decode(revert));
        }
    }

    /// <summary>
    /// Simulates <c>handleOps([operation])</c> with <c>eth_call</c> from the bundler key (or, with a <see cref="BundlerClient"/>,
    /// from a fixed non-zero beneficiary): null when the EntryPoint accepts it, else its error (<c>FailedOp</c> /
    /// <c>FailedOpWithRevert</c> with the inner reason).
    /// </summary>
    public async Task<ContractError?> SimulateAsync(PackedUserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var beneficiary = SimulationBeneficiary;
        var (_, revert) = await TryCallAsync(EntryPoint, EntryPointV07.EncodeHandleOps([operation], beneficiary), beneficiary).ConfigureAwait(false);
        return revert;
    }

    /// <summary>
    /// The latest block's timestamp: the clock a session's validUntil/validAfter are judged by. Use it rather than the
    /// wall clock, which a devnet's time travel or a node's drift makes disagree with the chain.
    /// </summary>
    public async Task<DateTimeOffset> GetChainTimeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var block = await RequestAsync<BlockWithTransactionHashes>("eth_getBlockByNumber", cancellationToken, BlockParameter.CreateLatest(), false).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The node returned no latest block.");
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    /// <summary>
    /// Sends the operation and waits for its outcome. Directly: simulates <c>handleOps([operation])</c> (a refusal is
    /// decoded and nothing is sent), sends it from the bundler key and reads its <c>UserOperationEvent</c>. Through a
    /// <see cref="BundlerClient"/>: the bundler validates it (its refusal is decoded into the same error), and the outcome
    /// comes from <c>eth_getUserOperationReceipt</c>.
    /// </summary>
    /// <param name="operation">A signed operation (see <see cref="PrepareAsync"/> for its gas and fees).</param>
    /// <param name="gas">Ignored: the transaction's fees and gas limit come from the operation's own fields. Kept for callers of the earlier signature.</param>
    /// <param name="cancellationToken">Stops waiting for the simulation, the bundler nonce and the receipt (not for the answer to <c>eth_sendRawTransaction</c> once it is sent).</param>
    /// <exception cref="UserOperationRejectedException">Validation refused it (nothing was sent).</exception>
    /// <exception cref="UserOperationFailedException">It was included but its execution reverted.</exception>
    /// <exception cref="UserOperationOutcomeUnknownException">It was sent, but waiting for its receipt failed or was cancelled: it may still land.</exception>
    public async Task<UserOperationReceipt> SendAsync(PackedUserOperation operation, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _ = gas;
        var userOpHash = GetUserOpHash(operation);
        if (_bundlerClient is not null)
        {
            return await _bundlerClient.SendAsync(operation, userOpHash, cancellationToken).ConfigureAwait(false);
        }

        var receipts = await SendBundleCoreAsync([operation], [userOpHash], cancellationToken).ConfigureAwait(false);
        var result = receipts[0];
        return result.Success ? result : throw new UserOperationFailedException(result);
    }

    /// <summary>
    /// Sends several operations (of one or many accounts) in ONE <c>handleOps</c> transaction from the bundler key — what a
    /// relayer does to share the transaction's fixed cost. Each operation is simulated alone first; a refused one throws
    /// before anything is sent. Returns each operation's receipt, in order: a failed execution is a receipt with
    /// <see cref="UserOperationReceipt.Success"/> false, not an exception, as the others still ran.
    /// </summary>
    /// <exception cref="InvalidOperationException">This client sends through a <see cref="BundlerClient"/> (the bundler bundles).</exception>
    /// <exception cref="UserOperationRejectedException">One of them was refused in validation (nothing was sent).</exception>
    /// <exception cref="UserOperationOutcomeUnknownException">The transaction was sent, but its receipt could not be read.</exception>
    public async Task<System.Collections.Generic.IReadOnlyList<UserOperationReceipt>> SendBundleAsync(System.Collections.Generic.IReadOnlyList<PackedUserOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (_bundlerClient is not null)
        {
            throw new InvalidOperationException("This client sends through a bundler, which makes its own bundles: send the operations one by one.");
        }

        var hashes = new Bytes32[operations.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = GetUserOpHash(operations[i] ?? throw new ArgumentException($"operations[{i}] is null.", nameof(operations)));
        }

        return await SendBundleCoreAsync(operations, hashes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UserOperationReceipt[]> SendBundleCoreAsync(System.Collections.Generic.IReadOnlyList<PackedUserOperation> operations, Bytes32[] userOpHashes, CancellationToken cancellationToken)
    {
        if (operations.Count == 0)
        {
            throw new ArgumentException("A bundle needs at least one user operation.", nameof(operations));
        }

        // Each alone, so a refusal names its operation (index 0 of its own simulation) and the others are not blamed.
        for (var i = 0; i < operations.Count; i++)
        {
            var (_, revert) = await TryCallAsync(EntryPoint, EntryPointV07.EncodeHandleOps([operations[i]], Bundler), Bundler, cancellationToken).ConfigureAwait(false);
            if (revert is not null)
            {
                throw new UserOperationRejectedException(userOpHashes[i], revert);
            }
        }

        var handleOps = EntryPointV07.EncodeHandleOps(operations, Bundler);
        BigInteger gasLimit = 150_000, maxFee = 0, priorityFee = 0; // the transaction's own 21,000, calldata and the bundle's loop
        foreach (var operation in operations)
        {
            var fields = UserOperationGas.Of(operation.Unpack());
            gasLimit += fields.TransactionGasLimit;
            maxFee = BigInteger.Max(maxFee, fields.MaxFeePerGas);
            priorityFee = BigInteger.Max(priorityFee, fields.MaxPriorityFeePerGas);
        }

        string transactionHash;
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var nonce = await RequestAsync<HexBigInteger>("eth_getTransactionCount", cancellationToken, Bundler.ToString(), BlockParameter.CreatePending()).ConfigureAwait(false);
            var raw = await Eip1559Transaction.SignAsync(
                _bundler!, ChainId, nonce.Value, priorityFee, maxFee, gasLimit,
                EntryPoint, BigInteger.Zero, handleOps, cancellationToken).ConfigureAwait(false);
            // Once the transaction is handed over, wait for the node's answer (bounded by the client's timeout) rather than
            // abandon it on cancellation: the caller then knows whether it was sent. It is sent once, never retried.
            transactionHash = await RequestAsync<string>("eth_sendRawTransaction", CancellationToken.None, Hex.Encode(raw)).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }

        TransactionReceipt receipt;
        try
        {
            receipt = await WaitForReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or RpcClientUnknownException or RpcResponseException)
        {
            // Sent: whatever stopped the wait, the operations may still land.
            throw new UserOperationOutcomeUnknownException(userOpHashes[0], Bytes32.Parse(transactionHash), e);
        }

        var results = new UserOperationReceipt[operations.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = ReadUserOperation(receipt, userOpHashes[i])
                ?? throw new InvalidOperationException(
                    $"Transaction {transactionHash} (status {receipt.Status?.Value}) has no UserOperationEvent for {userOpHashes[i]}.");
        }

        return results;
    }

    private Task<T> RequestAsync<T>(string method, CancellationToken cancellationToken, params object[] parameters) =>
        JsonRpc.RequestAsync<T>(Rpc, method, cancellationToken, parameters);

    private Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, CancellationToken cancellationToken) =>
        JsonRpc.PollAsync<TransactionReceipt>(Rpc, "eth_getTransactionReceipt", transactionHash, ReceiptPollInterval, ReceiptTimeout, $"transaction {transactionHash}", cancellationToken, MaxReceiptPollInterval, ReceiptDueWithin);

    private UserOperationReceipt? ReadUserOperation(TransactionReceipt receipt, Bytes32 userOpHash)
    {
        ReadOnlyMemory<byte> revertReason = default;
        UserOperationReceipt? result = null;
        foreach (var log in receipt.Logs ?? [])
        {
            if (log?.Address is not { } emitter
                || !Address.TryParse(emitter, out var emitterAddress) || emitterAddress != EntryPoint
                || log.Topics is not { Length: >= 3 } topics
                || Bytes32.Parse(topics[1].ToString()!) != userOpHash)
            {
                continue;
            }

            var topic = Bytes32.Parse(topics[0].ToString()!);
            var data = Hex.Decode(log.Data ?? "0x");
            if (topic == UserOperationEventTopic && data.Length >= 4 * 32)
            {
                result = new UserOperationReceipt(
                    userOpHash,
                    new Address(Bytes32.Parse(topics[2].ToString()!).ToArray().AsSpan(12)),
                    ToUInt256(data.AsSpan(0, 32)),
                    data[63] == 1,
                    ToUInt256(data.AsSpan(64, 32)),
                    ToUInt256(data.AsSpan(96, 32)),
                    Bytes32.Parse(receipt.TransactionHash),
                    receipt.GasUsed.Value,
                    default);
            }
            else if (topic == UserOperationRevertReasonTopic && data.Length >= 3 * 32)
            {
                var length = (int)ToUInt256(data.AsSpan(64, 32));
                revertReason = data.AsMemory(96, Math.Min(length, data.Length - 96));
            }
        }

        return result is null ? null : result with { RevertReason = revertReason };
    }

    private static BigInteger ToUInt256(ReadOnlySpan<byte> word) => new(word[..32], isUnsigned: true, isBigEndian: true);

    // Nodes put revert data in error.data, as a hex string (anvil, geth) or nested in an object.
    private static byte[]? RevertData(object? data) => data switch
    {
        JValue { Value: string text } when Hex.TryDecode(text, out var bytes) => bytes,
        string text when Hex.TryDecode(text, out var bytes) => bytes,
        JObject nested => RevertData(nested["data"]),
        _ => null,
    };
}
