using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SessionGen.Compression;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Tests.Infrastructure;
using SessionGen.UserOperations;
using Xunit;

namespace SessionGen.Tests.Signatures;

public sealed class SessionSignatureVectors : IDisposable
{
    public SessionSignatureVectors() => Json = NodeVectors.Run("sig-vectors.mjs", "9", "200");

    public JsonDocument Json { get; }

    public JsonElement[] Cases => Json.RootElement.GetProperty("cases").EnumerateArray().ToArray();

    public void Dispose() => Json.Dispose();
}

public class SessionSignatureTests(SessionSignatureVectors vectors) : IClassFixture<SessionSignatureVectors>
{
    private static SmartSessionVersion VersionOf(JsonElement vector) =>
        vector.Text("version") == "legacy" ? SmartSessionVersion.Legacy : SmartSessionVersion.Current;

    private static SmartSessionMode ModeOf(JsonElement vector) => (SmartSessionMode)Hex.Decode(vector.Text("mode"))[0];

    [Fact]
    public void Use_signatures_match_module_sdk_in_both_versions()
    {
        var cases = vectors.Cases.Where(c => ModeOf(c) == SmartSessionMode.Use).ToArray();
        Assert.Equal(400, cases.Length);
        foreach (var vector in cases)
        {
            var version = VersionOf(vector);
            var permissionId = PermissionId.Parse(vector.Text("permissionId"));
            var signature = vector.Bytes("signature");

            var encoded = SessionSignature.EncodeUse(permissionId, signature, version);

            Assert.Equal(vector.Text("encoded"), Hex.Encode(encoded));
            var decoded = SessionSignature.Decode(encoded, version);
            Assert.Equal(SmartSessionMode.Use, decoded.Mode);
            Assert.Equal(permissionId, decoded.PermissionId);
            Assert.Equal(signature, decoded.Signature.ToArray());
            Assert.True(decoded.EnableSession.IsEmpty);
        }
    }

    [Fact]
    public void Enable_signatures_match_module_sdk_in_both_versions_and_modes()
    {
        var cases = vectors.Cases.Where(c => ModeOf(c) != SmartSessionMode.Use).ToArray();
        Assert.Equal(800, cases.Length);
        foreach (var vector in cases)
        {
            var version = VersionOf(vector);
            var mode = ModeOf(vector);
            var enable = vector.GetProperty("enable");
            var enableSession = ToEnableSession(enable, version);
            var signature = vector.Bytes("signature");

            var encoded = SessionSignature.EncodeEnable(enableSession, signature, version, mode);

            Assert.Equal(vector.Text("encoded"), Hex.Encode(encoded));
            var decoded = SessionSignature.Decode(encoded, version);
            Assert.Equal(mode, decoded.Mode);
            Assert.Equal(enableSession.SessionToEnable.PermissionId, decoded.PermissionId);
            Assert.Equal(signature, decoded.Signature.ToArray());
            Assert.Equal(SessionAbi.Encode(enableSession, version), decoded.EnableSession.ToArray());
        }
    }

    [Fact]
    public void A_literal_only_fastlz_stream_decodes_like_the_compressed_one()
    {
        // The legacy module accepts any valid FastLZ stream (LEGACY-SMARTSESSION.md gotcha 7): decoding must not care how it was compressed.
        using var key = PrivateKeySigner.Generate();
        var signature = key.SignHash(Keccak256.Hash("op")).ToArray();
        var permissionId = new PermissionId(Keccak256.Hash("session"));
        var payload = SessionSignature.EncodeBytes(signature);
        var literalOnly = new List<byte> { 0 };
        literalOnly.AddRange(permissionId.Value.ToArray());
        for (var i = 0; i < payload.Length; i += 32)
        {
            var run = Math.Min(32, payload.Length - i);
            literalOnly.Add((byte)(run - 1));
            literalOnly.AddRange(payload.Skip(i).Take(run));
        }

        var decoded = SessionSignature.Decode(literalOnly.ToArray(), SmartSessionVersion.Legacy);
        Assert.Equal(signature, decoded.Signature.ToArray());
        Assert.NotEqual(literalOnly.ToArray(), SessionSignature.EncodeUse(permissionId, signature, SmartSessionVersion.Legacy));
    }

    [Fact]
    public void Rejects_malformed_signatures_saying_why()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => SessionSignature.Decode([])).Message);
        Assert.Contains("0x03", Assert.Throws<ArgumentException>(() => SessionSignature.Decode([3, 0])).Message);
        Assert.Contains("got 20 bytes", Assert.Throws<ArgumentException>(() => SessionSignature.Decode(new byte[20])).Message);
        var garbage = new byte[] { 1, 0x1f, 0xff };
        Assert.Equal("userOpSignature", Assert.Throws<ArgumentException>(() => SessionSignature.Decode(garbage)).ParamName);
        var shortPayload = new byte[] { 1 }.Concat(FastLz.Compress(new byte[40])).ToArray();
        Assert.Contains("past the end", Assert.Throws<ArgumentException>(() => SessionSignature.Decode(shortPayload)).Message);
        var enableSession = ToEnableSession(vectors.Cases.First(c => ModeOf(c) == SmartSessionMode.Enable).GetProperty("enable"), SmartSessionVersion.Current);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => SessionSignature.EncodeEnable(enableSession, [], SmartSessionVersion.Current, SmartSessionMode.Use)).ParamName);
    }

    internal static EnableSession ToEnableSession(JsonElement enable, SmartSessionVersion version)
    {
        var digests = enable.GetProperty("hashesAndChainIds").EnumerateArray()
            .Select(d => new ChainDigest((ulong)d.Big("chainId"), Bytes32.Parse(d.Text("sessionDigest"))));
        var ownerSignature = AccountKind.Erc7579Reference.FormatErc1271Signature(enable.Addr("validator"), enable.Bytes("permissionEnableSig"));
        return new EnableSession((byte)enable.GetProperty("chainDigestIndex").GetInt32(), digests, ToSession(enable.GetProperty("sessionToEnable"), version), ownerSignature);
    }

    internal static Session ToSession(JsonElement session, SmartSessionVersion version)
    {
        static IEnumerable<PolicyData> Policies(JsonElement list) =>
            list.EnumerateArray().Select(p => new PolicyData(p.Addr("policy"), p.Bytes("initData"))).ToList();

        var erc7739 = session.GetProperty("erc7739Policies");
        var content = erc7739.GetProperty("allowedERC7739Content").EnumerateArray();
        var erc7739Data = version == SmartSessionVersion.Legacy
            ? ERC7739Data.ForLegacy(content.Select(n => n.GetString()!).ToList(), Policies(erc7739.GetProperty("erc1271Policies")))
            : new ERC7739Data(
                content.Select(c => new ERC7739Context(Bytes32.Parse(c.Text("appDomainSeparator")), c.GetProperty("contentName").EnumerateArray().Select(n => n.GetString()!).ToList())).ToList(),
                Policies(erc7739.GetProperty("erc1271Policies")));
        var actions = session.GetProperty("actions").EnumerateArray()
            .Select(a => new ActionData(a.Addr("actionTarget"), Selector.Parse(a.Text("actionTargetSelector")), Policies(a.GetProperty("actionPolicies"))))
            .ToList();
        return new Session(
            session.Addr("sessionValidator"),
            session.Bytes("sessionValidatorInitData"),
            Bytes32.Parse(session.Text("salt")),
            Policies(session.GetProperty("userOpPolicies")),
            erc7739Data,
            actions,
            session.TryGetProperty("permitERC4337Paymaster", out var paymaster) && paymaster.GetBoolean());
    }
}
