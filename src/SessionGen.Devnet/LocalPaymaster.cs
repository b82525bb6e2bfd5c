using System;
using System.IO;
using System.Numerics;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using SessionGen.Abi;
using SessionGen.Signing;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Devnet;

/// <summary>
/// A sponsor on the devnet: the ERC-4337 sample <c>VerifyingPaymaster</c> (@account-abstraction/contracts 0.7.0, compiled
/// at run time) with an EntryPoint deposit, behind a small ERC-7677 web service on 127.0.0.1 that sponsors every
/// operation: <c>pm_getPaymasterStubData</c> (a stub signature and a validation gas limit) and <c>pm_getPaymasterData</c>
/// (the verifying signer's signature over the contract's <c>getHash</c> of the operation, no time window).
/// Started by <see cref="Devnet.StartPaymasterAsync"/>; stopped with the devnet.
/// </summary>
public sealed class LocalPaymaster : IDisposable
{
    private static readonly BigInteger StubVerificationGas = 100_000;
    private readonly HttpListener _listener = new();
    private readonly PrivateKeySigner _signer;
    private readonly ulong _chainId;
    private int _requests;

    internal LocalPaymaster(Address paymaster, PrivateKeySigner signer, ulong chainId)
    {
        Address = paymaster;
        _signer = signer;
        _chainId = chainId;
        for (var attempt = 0; ; attempt++)
        {
            Url = new Uri($"http://127.0.0.1:{AltoProcess.FreePort()}/");
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(Url.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _ = Task.Run(ServeAsync);
    }

    /// <summary>The ERC-7677 endpoint.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The VerifyingPaymaster contract.</summary>
    public Address Address { get; }

    /// <summary>The key whose signature the contract accepts.</summary>
    public Address VerifyingSigner => _signer.Address;

    /// <summary>How many ERC-7677 requests it answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A client for this service (<see cref="EntryPointClient.Paymaster"/>).</summary>
    public PaymasterClient CreateClient() => new(JsonRpc.Connect(Url));

    /// <summary>Stops the web service.</summary>
    public void Dispose()
    {
        _listener.Close();
        _signer.Dispose();
    }

    /// <summary>
    /// The contract's <c>getHash(userOp, validUntil, validAfter)</c>: keccak256(abi.encode(sender, nonce, keccak(initCode),
    /// keccak(callData), accountGasLimits, paymaster gas limits, preVerificationGas, gasFees, chainId, paymaster, validUntil, validAfter)).
    /// </summary>
    internal static Bytes32 GetHash(PackedUserOperation operation, ulong chainId, Address paymaster, ulong validUntil, ulong validAfter)
    {
        var buffer = new byte[12 * AbiSize.Word];
        var writer = new AbiWriter(buffer, 0, buffer.Length);
        writer.WriteAddress(operation.Sender);
        writer.WriteUInt(operation.Nonce);
        writer.WriteBytes32(Keccak256.Hash(operation.InitCode.Span));
        writer.WriteBytes32(Keccak256.Hash(operation.CallData.Span));
        writer.WriteBytes32(operation.AccountGasLimits);
        writer.WriteBytes32(new Bytes32(operation.PaymasterAndData.Span.Slice(Address.Length, 32)));
        writer.WriteUInt(operation.PreVerificationGas);
        writer.WriteBytes32(operation.GasFees);
        writer.WriteUInt64(chainId);
        writer.WriteAddress(paymaster);
        writer.WriteUInt64(validUntil);
        writer.WriteUInt64(validAfter);
        return Keccak256.Hash(buffer);
    }

    private JObject Answer(string method, JArray parameters)
    {
        var operation = BundlerClient.FromJson(parameters[0].ToString(Newtonsoft.Json.Formatting.None));
        // abi.encode(uint48 validUntil, uint48 validAfter): 0, 0 = valid at any time.
        var data = new byte[(2 * AbiSize.Word) + EcdsaSignature.Length];
        switch (method)
        {
            case "pm_getPaymasterStubData":
                EntryPointClient.StubEcdsaSignature.Span.CopyTo(data.AsSpan(2 * AbiSize.Word));
                return JObject.Parse(new PaymasterFields(Address, data, StubVerificationGas, BigInteger.Zero, IsFinal: false).ToJson());
            case "pm_getPaymasterData":
                var sponsored = (operation with { Paymaster = Address, PaymasterData = data }).Pack();
                var hash = GetHash(sponsored, _chainId, Address, 0, 0);
                _signer.SignHash(Eip191.HashMessage(hash)).WriteTo(data.AsSpan(2 * AbiSize.Word));
                return JObject.Parse(new PaymasterFields(Address, data, operation.PaymasterVerificationGasLimit, operation.PaymasterPostOpGasLimit, IsFinal: true).ToJson());
            default:
                throw new NotSupportedException(method);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    using var reader = new StreamReader(context.Request.InputStream);
                    var request = JObject.Parse(await reader.ReadToEndAsync());
                    var method = request["method"]?.Value<string>() ?? string.Empty;
                    JObject response;
                    try
                    {
                        response = new JObject { ["jsonrpc"] = "2.0", ["id"] = request["id"], ["result"] = Answer(method, (JArray)request["params"]!) };
                        Interlocked.Increment(ref _requests);
                    }
                    catch (Exception e) when (e is NotSupportedException or FormatException or InvalidCastException or ArgumentException or NullReferenceException)
                    {
                        var code = e is NotSupportedException ? -32601 : -32602;
                        response = new JObject { ["jsonrpc"] = "2.0", ["id"] = request["id"], ["error"] = new JObject { ["code"] = code, ["message"] = $"{method}: {e.Message}" } };
                    }

                    var bytes = Encoding.UTF8.GetBytes(response.ToString(Newtonsoft.Json.Formatting.None));
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or Newtonsoft.Json.JsonException)
                {
                    // the devnet is stopping, or the request was not JSON
                }
            });
        }
    }
}
