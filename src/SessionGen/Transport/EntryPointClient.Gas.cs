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
/// Gas and fees: the step that fills an operation's limits and fees before it is signed.
/// </summary>
public sealed partial class EntryPointClient
{
    // ERC-4337 reference pre-verification gas (the bundle's costs the EntryPoint does not measure): the transaction's
    // 21,000 for a bundle of one, 18,300 per operation, 4 per word of the packed operation, plus its calldata.
    private const int TransactionBaseGas = 21_000;
    private const int PerOperationGas = 18_300;
    private const int PerOperationWordGas = 4;

    private static readonly Selector ValidateUserOpSelector = Selector.FromSignature("validateUserOp((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes),bytes32,uint256)");
    private static readonly Selector CreateSenderSelector = Selector.FromSignature("createSender(bytes)");
    private static readonly Selector ValidatePaymasterUserOpSelector = Selector.FromSignature("validatePaymasterUserOp((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes),bytes32,uint256)");

    /// <summary>
    /// A 65-byte ECDSA signature of the right shape for gas estimation: a real signature (by a throwaway key, over a fixed
    /// hash), so validators recover an address and fail cleanly instead of reverting on a malformed one, and random-looking
    /// so that it compresses like a real one (the legacy SmartSession's USE mode compresses it; pre-verification gas
    /// depends on the length).
    /// </summary>
    public static ReadOnlyMemory<byte> StubEcdsaSignature { get; } = CreateStubSignature();

    /// <summary>
    /// An ERC-7677 paymaster service that sponsors every operation this client prepares (<see cref="PrepareAsync"/> fills
    /// the paymaster fields: stub data to estimate with, the service's final data to sign), or null when accounts pay.
    /// </summary>
    public PaymasterClient? Paymaster { get; init; }

    /// <summary>
    /// Fills <paramref name="draft"/>'s gas limits and fees and has it signed. With <paramref name="gas"/> given, its
    /// limits and fees are used as they are (one signature). Without, fees come from the bundler
    /// (<c>pimlico_getUserOperationGasPrice</c>) where it offers them, else from the node (<c>eth_maxPriorityFeePerGas</c>
    /// plus twice the latest base fee), and limits are estimated:
    /// <list type="bullet">
    /// <item>through a bundler: <c>eth_estimateUserOperationGas</c> on the draft with <paramref name="stubSignature"/>, taken as
    /// the bundler gives them (its own margin; alto adds 30% to verification and 10% to pre-verification gas); one signature.</item>
    /// <item>sending directly: the operation is signed with <see cref="UserOperationGas.Default"/> limits, <c>handleOps</c> is
    /// traced (<c>debug_traceCall</c>, callTracer), and the limits are set from the gas the account's validation and execution
    /// used: verification +25% +30,000 (for the EntryPoint's own work in validation; unused verification gas is not charged),
    /// call +10% +2,000 (v0.7 charges 10% of unused call gas, so this margin costs at most 1% of the call gas), and the
    /// ERC-4337 reference pre-verification gas for a bundle of one. The signer is asked a second time for the fitted
    /// operation. A node without <c>debug_traceCall</c>, or an operation the simulation refuses, keeps the first signature and
    /// the default limits (<see cref="SendAsync"/> then reports the refusal).</item>
    /// </list>
    /// With a <see cref="Paymaster"/>: its stub fields go into the estimation, and its final fields
    /// (<c>pm_getPaymasterData</c>, over the final gas fields) into every operation that is signed.
    /// </summary>
    /// <param name="draft">The operation without gas fields (any set are replaced) and without a signature.</param>
    /// <param name="stubSignature">A signature field of the real one's shape that validation accepts as a signature (e.g. <see cref="StubEcdsaSignature"/> in the account's encoding).</param>
    /// <param name="sign">Makes the signature field for an operation whose fields are final.</param>
    /// <param name="gas">Fixed limits and fees, or null to estimate them.</param>
    /// <param name="cancellationToken">Stops the estimation.</param>
    /// <exception cref="UserOperationRejectedException">The bundler's estimation refused the operation.</exception>
    public async Task<PackedUserOperation> PrepareAsync(
        UserOperation draft,
        ReadOnlyMemory<byte> stubSignature,
        Func<PackedUserOperation, CancellationToken, Task<ReadOnlyMemory<byte>>> sign,
        UserOperationGas? gas = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sign);
        if (gas is not null)
        {
            var fixedLimits = gas.ApplyTo(draft);
            if (Paymaster is not null)
            {
                var stub = await Paymaster.GetStubDataAsync(fixedLimits with { Signature = stubSignature }, EntryPoint, ChainId, cancellationToken).ConfigureAwait(false);
                fixedLimits = stub.ApplyTo(fixedLimits);
                fixedLimits = stub.IsFinal ? fixedLimits : await SponsorAsync(fixedLimits, cancellationToken).ConfigureAwait(false);
            }

            return await SignAsync(fixedLimits, sign, cancellationToken).ConfigureAwait(false);
        }

        var fees = await GetFeesAsync(cancellationToken).ConfigureAwait(false);
        var generous = UserOperationGas.Default.WithFees(fees).ApplyTo(draft);
        var stubFinal = false;
        if (Paymaster is not null)
        {
            var stub = await Paymaster.GetStubDataAsync(generous with { Signature = stubSignature }, EntryPoint, ChainId, cancellationToken).ConfigureAwait(false);
            stubFinal = stub.IsFinal;
            generous = stub.ApplyTo(generous);
            draft = stub.ApplyTo(draft);
        }

        if (_bundlerClient is not null)
        {
            var estimate = await _bundlerClient.EstimateGasAsync(generous with { Signature = stubSignature }, cancellationToken).ConfigureAwait(false);
            var estimated = estimate.WithFees(fees).ApplyTo(draft);
            if (Paymaster is not null && !stubFinal)
            {
                estimated = await SponsorAsync(estimated, cancellationToken).ConfigureAwait(false);
            }

            return await SignAsync(estimated, sign, cancellationToken).ConfigureAwait(false);
        }

        if (Paymaster is not null && !stubFinal)
        {
            generous = await SponsorAsync(generous, cancellationToken).ConfigureAwait(false);
        }

        var first = await SignAsync(generous, sign, cancellationToken).ConfigureAwait(false);
        var measured = await MeasureAsync(first, cancellationToken).ConfigureAwait(false);
        if (measured is null)
        {
            return first;
        }

        var fitted = new UserOperationGas
        {
            VerificationGasLimit = (measured.Value.Validation * 5 / 4) + 30_000,
            CallGasLimit = (measured.Value.Execution * 11 / 10) + 2_000,
            PreVerificationGas = ReferencePreVerificationGas(first),
            PaymasterVerificationGasLimit = (measured.Value.PaymasterValidation * 5 / 4) + 10_000,
            PaymasterPostOpGasLimit = draft.PaymasterPostOpGasLimit,
        }.WithFees(fees).ApplyTo(draft);
        if (Paymaster is not null && !stubFinal)
        {
            fitted = await SponsorAsync(fitted, cancellationToken).ConfigureAwait(false);
        }

        return await SignAsync(fitted, sign, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The paymaster service's final fields (<c>pm_getPaymasterData</c>) for an operation whose gas fields are final.</summary>
    private async Task<UserOperation> SponsorAsync(UserOperation operation, CancellationToken cancellationToken)
    {
        var fields = await Paymaster!.GetDataAsync(operation with { Signature = default }, EntryPoint, ChainId, cancellationToken).ConfigureAwait(false);
        return fields.ApplyTo(operation);
    }

    /// <summary>
    /// Fees for a new operation: the bundler's (<c>pimlico_getUserOperationGasPrice</c>, "standard") when it offers them,
    /// else the node's: <c>eth_maxPriorityFeePerGas</c>, and a max fee of twice the latest base fee plus that priority fee
    /// (room for six full blocks of base-fee rises).
    /// </summary>
    public async Task<UserOperationFees> GetFeesAsync(CancellationToken cancellationToken = default)
    {
        if (_bundlerClient is not null && await _bundlerClient.GetFeesAsync(cancellationToken).ConfigureAwait(false) is { } bundlerFees)
        {
            return bundlerFees;
        }

        var priority = await RequestAsync<HexBigInteger>("eth_maxPriorityFeePerGas", cancellationToken).ConfigureAwait(false);
        var block = await RequestAsync<Block>("eth_getBlockByNumber", cancellationToken, BlockParameter.CreateLatest(), false).ConfigureAwait(false);
        var baseFee = block?.BaseFeePerGas?.Value ?? BigInteger.Zero;
        return new UserOperationFees((2 * baseFee) + priority.Value, priority.Value);
    }

    /// <summary>
    /// The ERC-4337 reference pre-verification gas of a signed operation in a bundle of one: calldata of its packed ABI
    /// encoding (16 per non-zero byte, 4 per zero byte), 4 per word, 18,300 per operation and the transaction's 21,000.
    /// </summary>
    public static BigInteger ReferencePreVerificationGas(PackedUserOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        // handleOps([op], beneficiary) = selector, array offset, beneficiary, array length, element offset, then the tuple.
        var encoded = EntryPointV07.EncodeHandleOps([operation], Address.Zero).AsSpan(4 + (4 * 32));
        var calldata = 0;
        foreach (var b in encoded)
        {
            calldata += b == 0 ? 4 : 16;
        }

        return calldata + TransactionBaseGas + PerOperationGas + (PerOperationWordGas * ((encoded.Length + 31) / 32));
    }

    private static async Task<PackedUserOperation> SignAsync(UserOperation operation, Func<PackedUserOperation, CancellationToken, Task<ReadOnlyMemory<byte>>> sign, CancellationToken cancellationToken)
    {
        var unsigned = operation with { Signature = default };
        var signature = await sign(unsigned.Pack(), cancellationToken).ConfigureAwait(false);
        return (unsigned with { Signature = signature }).Pack();
    }

    /// <summary>
    /// Traces <c>handleOps([operation])</c> and returns the gas the account's deployment and validation used and the gas its
    /// execution used; null when the node cannot trace or the simulation reverted.
    /// </summary>
    private async Task<(BigInteger Validation, BigInteger Execution, BigInteger PaymasterValidation)?> MeasureAsync(PackedUserOperation operation, CancellationToken cancellationToken)
    {
        var beneficiary = SimulationBeneficiary;
        var input = new CallInput { From = beneficiary.ToString(), To = EntryPoint.ToString(), Data = Hex.Encode(EntryPointV07.EncodeHandleOps([operation], beneficiary)) };
        JObject trace;
        try
        {
            trace = await RequestAsync<JObject>("debug_traceCall", cancellationToken, input, BlockParameter.CreateLatest(), new JObject { ["tracer"] = "callTracer" }).ConfigureAwait(false);
        }
        catch (RpcResponseException)
        {
            return null; // no tracing on this node
        }

        if (trace is null || trace["error"] is not null)
        {
            return null;
        }

        var sender = operation.Sender;
        var callData = Hex.Encode(operation.CallData.Span);
        BigInteger validation = 0, execution = 0, paymasterValidation = 0;
        var executed = false;
        void Walk(JObject frame)
        {
            var to = frame["to"]?.Value<string>();
            var data = frame["input"]?.Value<string>() ?? "0x";
            var used = frame["gasUsed"]?.Value<string>() is { } hex ? new HexBigInteger(hex).Value : BigInteger.Zero;
            var toSender = to is not null && Address.TryParse(to, out var target) && target == sender;
            if (StartsWith(data, ValidatePaymasterUserOpSelector))
            {
                paymasterValidation += used;
                return;
            }

            if (StartsWith(data, CreateSenderSelector) || (toSender && StartsWith(data, ValidateUserOpSelector)))
            {
                validation += used;
                return;
            }

            if (toSender && string.Equals(data, callData, StringComparison.OrdinalIgnoreCase))
            {
                execution += used;
                executed = true;
                return;
            }

            foreach (var child in frame["calls"] as JArray ?? [])
            {
                if (child is JObject call)
                {
                    Walk(call);
                }
            }
        }

        Walk(trace);
        return validation.IsZero || (!executed && operation.CallData.Length > 0) ? null : (validation, execution, paymasterValidation);
    }

    private static bool StartsWith(string hexData, Selector selector) =>
        hexData.Length >= 10 && string.Equals(hexData[2..10], selector.ToString()[2..], StringComparison.OrdinalIgnoreCase);

    private static ReadOnlyMemory<byte> CreateStubSignature()
    {
        using var throwaway = PrivateKeySigner.FromPrivateKey(Keccak256.Hash("SessionGen gas estimation stub key").ToArray());
        var signature = new byte[EcdsaSignature.Length];
        throwaway.SignHash(Keccak256.Hash("SessionGen gas estimation stub")).WriteTo(signature);
        return signature;
    }
}
