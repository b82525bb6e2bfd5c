using System;
using System.Text;
using System.Text.RegularExpressions;
using Nethereum.JsonRpc.Client;
using SessionGen.Abi;

namespace SessionGen.Transport;

/// <summary>
/// Reads a bundler's JSON-RPC refusal of an operation (ERC-7769 codes; alto's messages) back into the EntryPoint error it
/// stands for, so that a refusal through a bundler is the same <see cref="UserOperationRejectedException"/>, with the same
/// decoded reason, as one found by simulating <c>handleOps</c> directly:
/// <c>-32500 "UserOperation reverted with reason: AA23 reverted 0x3b577361…"</c> is
/// <c>FailedOpWithRevert(0, "AA23 reverted", PolicyViolation(…))</c>; <c>-32507</c> (the account's signature failed) is
/// <c>FailedOp(0, "AA24 signature error")</c>; <c>-32503</c> (outside the validity window) is
/// <c>FailedOp(0, "AA22 expired or not due")</c>.
/// </summary>
internal static class BundlerRefusal
{
    private const int SimulateValidation = -32500;
    private const int SimulatePaymasterValidation = -32501;
    private const int ExpiresShortly = -32503;
    private const int InvalidSignature = -32507;

    private static readonly Selector FailedOp = Selector.FromSignature("FailedOp(uint256,string)");
    private static readonly Selector FailedOpWithRevert = Selector.FromSignature("FailedOpWithRevert(uint256,string,bytes)");

    /// <summary>The EntryPoint error a bundler's refusal stands for, or null when it is not a validation refusal.</summary>
    public static ContractError? Decode(RpcResponseException refusal)
    {
        var error = refusal.RpcError;
        if (error is null)
        {
            return null;
        }

        var message = error.Message ?? string.Empty;
        if (EntryPointReasonPattern.Match(message) is { Success: true } reason)
        {
            var text = reason.Groups["reason"].Value.TrimEnd();
            return reason.Groups["inner"].Success && Hex.TryDecode(reason.Groups["inner"].Value, out var inner)
                ? ContractError.Decode(Encode(FailedOpWithRevert, text, inner))
                : ContractError.Decode(Encode(FailedOp, text, null));
        }

        return error.Code switch
        {
            InvalidSignature => ContractError.Decode(Encode(FailedOp, message.Contains("paymasterData", StringComparison.Ordinal) ? "AA34 signature error" : "AA24 signature error", null)),
            ExpiresShortly => ContractError.Decode(Encode(FailedOp, "AA22 expired or not due", null)),
            SimulateValidation or SimulatePaymasterValidation when Hex.TryDecode(RevertHexPattern.Match(message).Value, out var data) && data.Length >= 4 => ContractError.Decode(data),
            _ => null,
        };
    }

    /// <summary><c>FailedOp(0, reason)</c> or <c>FailedOpWithRevert(0, reason, inner)</c>, ABI-encoded as the EntryPoint reverts with it.</summary>
    private static byte[] Encode(Selector selector, string reason, byte[]? inner)
    {
        var text = Encoding.UTF8.GetBytes(reason);
        var head = inner is null ? 2 : 3;
        var size = 4 + (head * AbiSize.Word) + AbiSize.Bytes(text.Length) + (inner is null ? 0 : AbiSize.Bytes(inner.Length));
        var buffer = new byte[size];
        selector.WriteTo(buffer);
        var writer = new AbiWriter(buffer, 4, head * AbiSize.Word);
        writer.WriteUInt(0);
        writer.WriteBytes(text);
        if (inner is not null)
        {
            writer.WriteBytes(inner);
        }

        return buffer;
    }

    // "… reason: AA23 reverted 0x3b577361…", "… reason: AA21 didn't pay prefund" (the message may go on after a colon:
    // Nethereum appends the method's name; no EntryPoint reason has a colon). Plain Regex instances rather than
    // [GeneratedRegex]: the regex source generator does not exist for netstandard2.1, and a refusal is read once per
    // refused operation, so one implementation on every target costs nothing that matters.
    private static readonly Regex EntryPointReasonPattern = new(@"\b(?<reason>AA\d\d [^:\r\n]*?)(?: (?<inner>0x[0-9a-fA-F]*))?\s*(?=$|:)");

    private static readonly Regex RevertHexPattern = new(@"0x[0-9a-fA-F]{8,}");
}
