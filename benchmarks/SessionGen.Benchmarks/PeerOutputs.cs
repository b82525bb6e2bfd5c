using System.Collections.Generic;
using System.Text.Json;
using SessionGen.Compression;
using SessionGen.Protocol;
using SessionGen.Signing;
using static SessionGen.Benchmarks.PeerInputs;

namespace SessionGen.Benchmarks;

/// <summary>
/// What the C# side computes from <see cref="PeerInputs"/>, keyed as <c>node benchmarks/node/peers.mjs --outputs</c> keys
/// its values, so a test can check both sides measure the same work on the same bytes.
/// </summary>
public static class PeerOutputs
{
    /// <summary>The outputs as a JSON object of lowercase 0x-hex strings.</summary>
    public static string ToJson()
    {
        using var signer = PrivateKeySigner.FromPrivateKey(SessionKey);
        var outputs = new SortedDictionary<string, string>
        {
            ["transferCalldata"] = Hex.Encode(TransferCalldata),
            ["swapCalldata"] = Hex.Encode(SwapCalldata),
            ["multicallCalldata"] = Hex.Encode(SwapRouter.Calldata.Multicall(MulticallData)),
            ["sessionKeyAddress"] = Hex.Encode(SessionKeyAddress.ToArray()),
            ["permissionId"] = OneClickSession.PermissionId.ToString(),
            ["installData"] = Hex.Encode(SmartSessionModule.GetInstallData(PeerInputs.Sessions)),
            ["enableDigest"] = EnableDigest.Compute([EnableChain]).ToString(),
            ["enablePayload"] = Hex.Encode(EnablePayload),
            ["enablePayloadCompressed"] = Hex.Encode(FastLz.Compress(EnablePayload)),
            ["signature"] = signer.SignHash(UserOpHash).ToString(),
        };
        return JsonSerializer.Serialize(outputs, new JsonSerializerOptions { WriteIndented = true });
    }
}
