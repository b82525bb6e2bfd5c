using System;
using System.Linq;
using System.Text.Json;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>Nethereum's reading of an ABI file: an independent oracle for signatures, selectors and encodings.</summary>
internal static class NethereumOracle
{
    /// <summary>Nethereum's model of an ABI file (plain array, or an artifact's <c>abi</c> member).</summary>
    public static ContractABI Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var array = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.GetProperty("abi").GetRawText() : json;
        return new ABIJsonDeserialiser().DeserialiseContract(array);
    }

    public static uint Selector(string sha3Signature) => Convert.ToUInt32(sha3Signature.Replace("0x", string.Empty, StringComparison.Ordinal), 16);

    public static uint[] FunctionSelectors(string json) => [.. Read(json).Functions.Select(f => Selector(f.Sha3Signature))];

    public static uint[] ErrorSelectors(string json) => [.. (Read(json).Errors ?? []).Select(e => Selector(e.Sha3Signature))];
}
