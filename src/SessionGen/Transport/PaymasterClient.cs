using System;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SessionGen.UserOperations;

namespace SessionGen.Transport;

/// <summary>
/// An ERC-7677 paymaster web service: the app's sponsor, which pays for its operations from the paymaster's EntryPoint
/// deposit so the account needs no ETH. <c>pm_getPaymasterStubData</c> gives fields to estimate gas with;
/// <c>pm_getPaymasterData</c> gives the final ones (typically a signature over the operation's final gas fields).
/// Give it to <see cref="EntryPointClient"/> (<see cref="EntryPointClient.Paymaster"/>): <see cref="EntryPointClient.PrepareAsync"/>
/// then fills every operation's paymaster fields before it is signed.
/// </summary>
/// <remarks>
/// A sponsored session operation must be allowed to use a paymaster: on the current SmartSession module its session
/// carries <c>permitERC4337Paymaster</c> (declare the session with <c>[SessionPaymaster]</c>). The legacy module does not
/// look at paymasters.
/// </remarks>
public sealed class PaymasterClient
{
    /// <summary>Creates a client for the service at <paramref name="rpc"/>.</summary>
    /// <param name="rpc">The service's JSON-RPC endpoint (e.g. <see cref="JsonRpc.Connect"/>).</param>
    /// <param name="context">The service's policy context (ERC-7677 <c>context</c>, e.g. a sponsorship policy id); null for none.
    /// Taken as it is now: changing the object later does not change what is sent.</param>
    public PaymasterClient(IClient rpc, JsonObject? context = null)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        _context = context?.ToJsonString();
    }

    // The context as JSON text: one snapshot, turned into the JSON-RPC layer's form per request.
    private readonly string? _context;

    /// <summary>The service's JSON-RPC client.</summary>
    public IClient Rpc { get; }

    /// <summary>The policy context sent with every request (a copy: changing it does not change what is sent).</summary>
    public JsonObject? Context => _context is null ? null : JsonNode.Parse(_context)!.AsObject();

    /// <summary><c>pm_getPaymasterStubData</c>: paymaster fields to estimate gas with (and, when <see cref="PaymasterFields.IsFinal"/>, to send).</summary>
    public Task<PaymasterFields> GetStubDataAsync(UserOperation operation, Address entryPoint, ulong chainId, CancellationToken cancellationToken = default) =>
        RequestAsync("pm_getPaymasterStubData", operation, entryPoint, chainId, cancellationToken);

    /// <summary><c>pm_getPaymasterData</c>: the final paymaster fields for an operation whose other fields are final.</summary>
    public Task<PaymasterFields> GetDataAsync(UserOperation operation, Address entryPoint, ulong chainId, CancellationToken cancellationToken = default) =>
        RequestAsync("pm_getPaymasterData", operation, entryPoint, chainId, cancellationToken);

    private async Task<PaymasterFields> RequestAsync(string method, UserOperation operation, Address entryPoint, ulong chainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var answer = await JsonRpc.RequestAsync<JObject>(
                Rpc, method, cancellationToken, BundlerClient.ToJsonObject(operation), entryPoint.ToString(), new HexBigInteger(chainId).HexValue, _context is null ? new JObject() : JObject.Parse(_context))
            .ConfigureAwait(false)
            ?? throw new FormatException($"The paymaster service answered {method} with null.");
        return PaymasterFields.FromJson(answer, method);
    }
}

/// <summary>The paymaster fields of a v0.7 operation, as an ERC-7677 service gives them.</summary>
/// <param name="Paymaster">The paymaster contract.</param>
/// <param name="PaymasterData">Its data (e.g. validity window and signature).</param>
/// <param name="PaymasterVerificationGasLimit">Gas for its validation, when the service sets it.</param>
/// <param name="PaymasterPostOpGasLimit">Gas for its post-operation call, when the service sets it.</param>
/// <param name="IsFinal">The stub is already final (no <c>pm_getPaymasterData</c> needed).</param>
public sealed record PaymasterFields(Address Paymaster, ReadOnlyMemory<byte> PaymasterData, BigInteger? PaymasterVerificationGasLimit, BigInteger? PaymasterPostOpGasLimit, bool IsFinal)
{
    /// <summary><paramref name="operation"/> with these fields (its own paymaster gas limits kept where the service sets none).</summary>
    public UserOperation ApplyTo(UserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation with
        {
            Paymaster = Paymaster,
            PaymasterData = PaymasterData,
            PaymasterVerificationGasLimit = PaymasterVerificationGasLimit ?? operation.PaymasterVerificationGasLimit,
            PaymasterPostOpGasLimit = PaymasterPostOpGasLimit ?? operation.PaymasterPostOpGasLimit,
        };
    }

    /// <summary>The JSON form (ERC-7677 result object), as JSON text.</summary>
    public string ToJson() => ToJsonObject().ToString(Formatting.None);

    private JObject ToJsonObject()
    {
        var json = new JObject { ["paymaster"] = Paymaster.ToString(), ["paymasterData"] = Hex.Encode(PaymasterData.Span) };
        if (PaymasterVerificationGasLimit is { } verification)
        {
            json["paymasterVerificationGasLimit"] = new HexBigInteger(verification).HexValue;
        }

        if (PaymasterPostOpGasLimit is { } postOp)
        {
            json["paymasterPostOpGasLimit"] = new HexBigInteger(postOp).HexValue;
        }

        if (IsFinal)
        {
            json["isFinal"] = true;
        }

        return json;
    }

    internal static PaymasterFields FromJson(JObject answer, string method)
    {
        string Required(string field) => answer[field]?.Value<string>() ?? throw new FormatException($"The paymaster service's {method} answer has no '{field}'.");
        BigInteger? Optional(string field) => answer[field]?.Value<string>() is { } hex ? new HexBigInteger(hex).Value : null;
        return new PaymasterFields(
            Address.Parse(Required("paymaster")),
            Hex.Decode(Required("paymasterData")),
            Optional("paymasterVerificationGasLimit"),
            Optional("paymasterPostOpGasLimit"),
            answer["isFinal"]?.Value<bool>() ?? false);
    }
}
