using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SessionGen.UserOperations;

namespace SessionGen.Transport;

/// <summary>
/// Sends user operations through an ERC-4337 bundler's JSON-RPC API (<c>eth_sendUserOperation</c>,
/// <c>eth_getUserOperationReceipt</c>; EntryPoint v0.7 operation format), instead of calling <c>handleOps</c> from a
/// funded key. Give it to <see cref="EntryPointClient"/> to make every account operation go through the bundler.
/// </summary>
/// <remarks>
/// Hand-written over Nethereum's JSON-RPC client rather than with its account-abstraction DTOs so that the exact
/// v0.7 field set (unpacked factory/paymaster fields, hex quantities) is visible here and pinned by tests.
/// </remarks>
public sealed class BundlerClient
{
    /// <summary>Creates a client for the bundler at <paramref name="bundlerRpc"/>.</summary>
    /// <param name="bundlerRpc">The bundler's JSON-RPC endpoint.</param>
    /// <param name="entryPoint">The EntryPoint the operations are for (v0.7).</param>
    public BundlerClient(IClient bundlerRpc, Address? entryPoint = null)
    {
        ArgumentNullException.ThrowIfNull(bundlerRpc);
        Rpc = bundlerRpc;
        EntryPoint = entryPoint ?? EntryPointV07.Address;
    }

    /// <summary>The bundler's JSON-RPC client.</summary>
    public IClient Rpc { get; }

    /// <summary>The EntryPoint the operations are sent to.</summary>
    public Address EntryPoint { get; }

    /// <summary>
    /// How often the receipt is asked for while it is due (default 10 ms, for the first <see cref="ReceiptDueWithin"/>);
    /// it is asked for at once after sending. After that, each wait is half as long again, up to <see cref="MaxReceiptPollInterval"/>.
    /// </summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long the receipt is polled for at <see cref="ReceiptPollInterval"/> (default 2 s: a bundler's bundling interval and a block or two).</summary>
    public TimeSpan ReceiptDueWithin { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two requests for a late receipt (default 1 s).</summary>
    public TimeSpan MaxReceiptPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for the receipt before <see cref="UserOperationOutcomeUnknownException"/>.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The EntryPoints the bundler serves (<c>eth_supportedEntryPoints</c>).</summary>
    public async Task<IReadOnlyList<Address>> GetSupportedEntryPointsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await JsonRpc.RequestAsync<string[]>(Rpc, "eth_supportedEntryPoints", cancellationToken).ConfigureAwait(false);
        return Array.ConvertAll(answer ?? [], Address.Parse);
    }

    /// <summary>
    /// Hands the signed operation to the bundler and waits for its receipt.
    /// </summary>
    /// <param name="operation">A signed operation.</param>
    /// <param name="userOpHash">Its hash, as this client computed it (the bundler's answer must agree).</param>
    /// <param name="cancellationToken">Stops waiting (the bundler may still include the operation).</param>
    /// <exception cref="UserOperationRejectedException">The bundler refused the operation in validation (its refusal decoded into the EntryPoint's error, e.g. <c>FailedOpWithRevert(0, "AA23 reverted", PolicyViolation(…))</c>).</exception>
    /// <exception cref="RpcResponseException">The bundler refused the operation for another reason (its JSON-RPC error says why).</exception>
    /// <exception cref="UserOperationFailedException">It was included but its execution reverted.</exception>
    /// <exception cref="UserOperationOutcomeUnknownException">It was accepted, but its receipt did not come in time or the wait was cancelled.</exception>
    public async Task<UserOperationReceipt> SendAsync(PackedUserOperation operation, Bytes32 userOpHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var accepted = await RequestAsync<string>(userOpHash, "eth_sendUserOperation", cancellationToken, ToJsonObject(operation.Unpack()), EntryPoint.ToString())
            .ConfigureAwait(false);
        if (!Bytes32.TryParse(accepted, out var bundlerHash) || bundlerHash != userOpHash)
        {
            throw new InvalidOperationException($"The bundler answered eth_sendUserOperation with '{accepted}', not the operation's hash {userOpHash}: it hashes for another EntryPoint or chain.");
        }

        JObject receipt;
        try
        {
            receipt = await JsonRpc.PollAsync<JObject>(Rpc, "eth_getUserOperationReceipt", userOpHash.ToString(), ReceiptPollInterval, ReceiptTimeout, $"user operation {userOpHash}", cancellationToken, MaxReceiptPollInterval, ReceiptDueWithin)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or RpcClientUnknownException or RpcResponseException)
        {
            throw new UserOperationOutcomeUnknownException(userOpHash, Bytes32.Zero, e);
        }

        var result = ReadReceipt(userOpHash, receipt);
        return result.Success ? result : throw new UserOperationFailedException(result);
    }

    /// <summary>
    /// The bundler's gas limits for <paramref name="operation"/> (<c>eth_estimateUserOperationGas</c>), with its fees kept.
    /// The operation may carry a stub signature of the real one's shape: the bundler simulates validation with it.
    /// </summary>
    /// <exception cref="UserOperationRejectedException">The bundler's simulation refused the operation (decoded as the EntryPoint's error).</exception>
    public async Task<UserOperationGas> EstimateGasAsync(UserOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var hash = operation.GetUserOpHash(EntryPoint, 0);
        var answer = await RequestAsync<JObject>(hash, "eth_estimateUserOperationGas", cancellationToken, ToJsonObject(operation), EntryPoint.ToString()).ConfigureAwait(false)
            ?? throw new FormatException("The bundler answered eth_estimateUserOperationGas with null.");
        return new UserOperationGas
        {
            PreVerificationGas = ParseQuantity(Required(answer, "preVerificationGas")),
            VerificationGasLimit = ParseQuantity(Required(answer, "verificationGasLimit")),
            CallGasLimit = ParseQuantity(Required(answer, "callGasLimit")),
            PaymasterVerificationGasLimit = answer["paymasterVerificationGasLimit"]?.Value<string>() is { } pmv ? ParseQuantity(pmv) : operation.PaymasterVerificationGasLimit,
            PaymasterPostOpGasLimit = answer["paymasterPostOpGasLimit"]?.Value<string>() is { } pmp ? ParseQuantity(pmp) : operation.PaymasterPostOpGasLimit,
            MaxFeePerGas = operation.MaxFeePerGas,
            MaxPriorityFeePerGas = operation.MaxPriorityFeePerGas,
        };
    }

    /// <summary>
    /// The fees the bundler asks for (<c>pimlico_getUserOperationGasPrice</c>, its "standard" tier), or null when it does not
    /// offer that method (take them from the node then).
    /// </summary>
    public async Task<UserOperationFees?> GetFeesAsync(CancellationToken cancellationToken = default)
    {
        JObject? answer;
        try
        {
            answer = await JsonRpc.RequestAsync<JObject?>(Rpc, "pimlico_getUserOperationGasPrice", cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException e) when (e.RpcError?.Code is -32601 or -32602)
        {
            return null; // method not found / not supported
        }

        return answer?["standard"] is JObject standard
            ? new UserOperationFees(ParseQuantity(Required(standard, "maxFeePerGas")), ParseQuantity(Required(standard, "maxPriorityFeePerGas")))
            : null;
    }

    /// <summary>The JSON object of a v0.7 operation as <c>eth_sendUserOperation</c> takes it, as JSON text.</summary>
    public static string ToJson(UserOperation operation) => ToJsonObject(operation).ToString(Formatting.None);

    /// <summary>
    /// Reads a v0.7 operation in the JSON form <c>eth_sendUserOperation</c> takes (the inverse of <see cref="ToJson"/>), e.g.
    /// in an ERC-7677 paymaster service, which receives operations in that form.
    /// </summary>
    /// <exception cref="FormatException">Not a JSON object, or a required field is missing or malformed.</exception>
    public static UserOperation FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JObject parsed;
        try
        {
            parsed = JObject.Parse(json);
        }
        catch (JsonReaderException e)
        {
            throw new FormatException($"The user operation is not a JSON object: {e.Message}", e);
        }

        return FromJsonObject(parsed);
    }

    /// <summary>The JSON object of a v0.7 operation as <c>eth_sendUserOperation</c> takes it.</summary>
    internal static JObject ToJsonObject(UserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var json = new JObject
        {
            ["sender"] = operation.Sender.ToString(),
            ["nonce"] = Quantity(operation.Nonce),
            ["callData"] = Hex.Encode(operation.CallData.Span),
            ["callGasLimit"] = Quantity(operation.CallGasLimit),
            ["verificationGasLimit"] = Quantity(operation.VerificationGasLimit),
            ["preVerificationGas"] = Quantity(operation.PreVerificationGas),
            ["maxFeePerGas"] = Quantity(operation.MaxFeePerGas),
            ["maxPriorityFeePerGas"] = Quantity(operation.MaxPriorityFeePerGas),
            ["signature"] = Hex.Encode(operation.Signature.Span),
        };
        if (operation.Factory is { } factory)
        {
            json["factory"] = factory.ToString();
            json["factoryData"] = Hex.Encode(operation.FactoryData.Span);
        }

        if (operation.Paymaster is { } paymaster)
        {
            json["paymaster"] = paymaster.ToString();
            json["paymasterVerificationGasLimit"] = Quantity(operation.PaymasterVerificationGasLimit);
            json["paymasterPostOpGasLimit"] = Quantity(operation.PaymasterPostOpGasLimit);
            json["paymasterData"] = Hex.Encode(operation.PaymasterData.Span);
        }

        return json;
    }

    /// <summary>Reads a v0.7 operation in the JSON form <c>eth_sendUserOperation</c> takes.</summary>
    /// <exception cref="FormatException">A required field is missing or malformed.</exception>
    internal static UserOperation FromJsonObject(JObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string Field(string name) => json[name]?.Value<string>() ?? throw new FormatException($"The user operation has no '{name}'.");
        byte[] Bytes(string name) => json[name]?.Value<string>() is { } hex ? Hex.Decode(hex) : [];
        BigInteger Number(string name) => json[name]?.Value<string>() is { } hex ? ParseQuantity(hex) : BigInteger.Zero;
        var factory = json["factory"]?.Value<string>() is { Length: > 2 } f ? Address.Parse(f) : (Address?)null;
        var paymaster = json["paymaster"]?.Value<string>() is { Length: > 2 } p ? Address.Parse(p) : (Address?)null;
        return new UserOperation
        {
            Sender = Address.Parse(Field("sender")),
            Nonce = ParseQuantity(Field("nonce")),
            Factory = factory,
            FactoryData = factory is null ? default : Bytes("factoryData"),
            CallData = Hex.Decode(Field("callData")),
            CallGasLimit = Number("callGasLimit"),
            VerificationGasLimit = Number("verificationGasLimit"),
            PreVerificationGas = Number("preVerificationGas"),
            MaxFeePerGas = Number("maxFeePerGas"),
            MaxPriorityFeePerGas = Number("maxPriorityFeePerGas"),
            Paymaster = paymaster,
            PaymasterVerificationGasLimit = paymaster is null ? 0 : Number("paymasterVerificationGasLimit"),
            PaymasterPostOpGasLimit = paymaster is null ? 0 : Number("paymasterPostOpGasLimit"),
            PaymasterData = paymaster is null ? default : Bytes("paymasterData"),
            Signature = Bytes("signature"),
        };
    }

    private static UserOperationReceipt ReadReceipt(Bytes32 userOpHash, JObject receipt)
    {
        var transaction = receipt["receipt"] as JObject;
        return new UserOperationReceipt(
            userOpHash,
            Address.Parse(Required(receipt, "sender")),
            ParseQuantity(Required(receipt, "nonce")),
            receipt["success"]?.Value<bool>() ?? throw new FormatException("The bundler's receipt has no 'success'."),
            ParseQuantity(Required(receipt, "actualGasCost")),
            ParseQuantity(Required(receipt, "actualGasUsed")),
            Bytes32.Parse(transaction?["transactionHash"]?.Value<string>() ?? throw new FormatException("The bundler's receipt has no receipt.transactionHash.")),
            transaction["gasUsed"]?.Value<string>() is { } gasUsed ? ParseQuantity(gasUsed) : BigInteger.Zero,
            receipt["reason"]?.Value<string>() is { Length: > 2 } reason && Hex.TryDecode(reason, out var reasonBytes) ? reasonBytes : default);
    }

    /// <summary>A request whose refusal, when it is a validation refusal, becomes <see cref="UserOperationRejectedException"/>.</summary>
    private async Task<T> RequestAsync<T>(Bytes32 userOpHash, string method, CancellationToken cancellationToken, params object[] parameters)
    {
        try
        {
            return await JsonRpc.RequestAsync<T>(Rpc, method, cancellationToken, parameters).ConfigureAwait(false);
        }
        catch (RpcResponseException e) when (BundlerRefusal.Decode(e) is { } error)
        {
            throw new UserOperationRejectedException(userOpHash, error, e);
        }
    }

    private static string Required(JObject answer, string field) =>
        answer[field]?.Value<string>() ?? throw new FormatException($"The bundler's answer has no '{field}'.");

    private static string Quantity(BigInteger value) => new HexBigInteger(value).HexValue;

    private static BigInteger ParseQuantity(string hex) => new HexBigInteger(hex).Value;
}
