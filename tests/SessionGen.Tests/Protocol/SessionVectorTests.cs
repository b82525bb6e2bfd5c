using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Nethereum.ABI.EIP712;
using SessionGen.Protocol;
using Xunit;

namespace SessionGen.Tests.Protocol;

/// <summary>
/// Differential tests of the Smart Sessions encodings against the reference SDK on randomized sessions: every session is
/// rebuilt from its inputs with the public API and each output compared byte for byte. None is skipped: each test
/// asserts how many vectors it compared.
/// </summary>
public abstract class SessionVectorTests<TFixture>
    where TFixture : SessionVectorFixture
{
    private readonly TFixture _fixture;

    protected SessionVectorTests(TFixture fixture) => _fixture = fixture;

    [Fact]
    public void Deployment_addresses_are_the_sdk_constants()
    {
        Assert.Equal(_fixture.Root.GetProperty("smartSession").GetString(), _fixture.Deployment.SmartSession.ToString());
        Assert.Equal(_fixture.Root.GetProperty("ownableValidator").GetString(), _fixture.Deployment.OwnableValidator.ToString());
    }

    [Fact]
    public void Policy_and_validator_init_data_match_for_every_policy_kind()
    {
        var m = _fixture.BuildMismatches;
        m.AssertNone();
        Assert.Equal(SessionVectorFixture.SessionCount, _fixture.Sessions.Length);
        foreach (var kind in new[] { "sudo", "timeFrame", "usageLimit", "valueLimit", "spendingLimit", "uniAction" })
        {
            Assert.True(m["policy." + kind] >= 1000, $"only {m["policy." + kind]} {kind} policies compared");
        }

        var validatorKinds = _fixture.Vectors.GroupBy(v => v.GetProperty("session").GetProperty("validator").GetProperty("kind").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.All(new[] { "ownable", "singleKey", "raw" }, kind => Assert.True(validatorKinds.GetValueOrDefault(kind) >= 250, $"{kind}: {validatorKinds.GetValueOrDefault(kind)}"));
    }

    [Fact]
    public void PermissionId_matches()
    {
        var m = new Mismatches();
        for (var i = 0; i < _fixture.Vectors.Length; i++)
        {
            var session = _fixture.Sessions[i];
            var expected = _fixture.Vectors[i].GetProperty("permissionId").GetString()!;
            m.Text($"vector {i}", expected, session.PermissionId.ToString());
            m.Text($"vector {i} (Compute)", expected, PermissionId.Compute(session.SessionValidator, session.SessionValidatorInitData.Span, session.Salt).ToString());
            m.Count("permissionId");
        }

        m.AssertNone();
        Assert.Equal(SessionVectorFixture.SessionCount, m["permissionId"]);
    }

    [Fact]
    public void ActionIds_match()
    {
        var m = new Mismatches();
        for (var i = 0; i < _fixture.Vectors.Length; i++)
        {
            var expected = _fixture.Vectors[i].GetProperty("actionIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var actions = _fixture.Sessions[i].Actions;
            Assert.Equal(expected.Length, actions.Count);
            for (var k = 0; k < actions.Count; k++)
            {
                m.Text($"vector {i} action {k}", expected[k], actions[k].Id.ToString());
                m.Text($"vector {i} action {k} (Compute)", expected[k], ActionId.Compute(actions[k].ActionTarget, actions[k].ActionTargetSelector).ToString());
                m.Count("actionId");
            }
        }

        m.AssertNone();
        Assert.True(m["actionId"] >= 5000, $"only {m["actionId"]} action ids compared");
    }

    [Fact]
    public void Install_data_matches()
    {
        var m = new Mismatches();
        for (var i = 0; i < _fixture.Vectors.Length; i++)
        {
            var install = _fixture.Vectors[i].GetProperty("install");
            var sessions = install.GetProperty("sessions").EnumerateArray().Select(k => _fixture.Sessions[k.GetInt32()]).ToArray();
            var mode = install.GetProperty("useRegistry").GetBoolean() ? SmartSessionMode.Enable : SmartSessionMode.UnsafeEnable;
            m.Bytes($"vector {i}", install.GetProperty("data"), SmartSessionModule.GetInstallData(sessions, _fixture.Version, mode));
            m.Text($"vector {i} module", install.GetProperty("module").GetString()!, _fixture.Deployment.SmartSession.ToString());
            m.Count(sessions.Length == 1 ? "one" : "two");
        }

        m.AssertNone();
        Assert.Equal(SessionVectorFixture.SessionCount, m["one"] + m["two"]);
        Assert.True(m["two"] >= 300, $"only {m["two"]} two-session installs");
    }

    [Fact]
    public void EnableSessions_calldata_matches()
    {
        var m = new Mismatches();
        for (var i = 0; i < _fixture.Vectors.Length; i++)
        {
            var enable = _fixture.Vectors[i].GetProperty("enableSessions");
            var sessions = enable.GetProperty("sessions").EnumerateArray().Select(k => _fixture.Sessions[k.GetInt32()]).ToArray();
            var call = SmartSessionModule.EnableSessions(_fixture.Deployment, sessions);
            m.Bytes($"vector {i}", enable.GetProperty("data"), call.Data.Span);
            m.Text($"vector {i} to", enable.GetProperty("to").GetString()!, call.Target.ToString());
            m.Count("calldata");
        }

        m.AssertNone();
        Assert.Equal(SessionVectorFixture.SessionCount, m["calldata"]);
    }

    [Fact]
    public void EnableSession_abi_encoding_matches()
    {
        var m = new Mismatches();
        for (var i = 0; i < _fixture.Vectors.Length; i++)
        {
            var spec = _fixture.Vectors[i].GetProperty("enableSession");
            var enableSession = new EnableSession(
                spec.GetProperty("chainDigestIndex").GetByte(),
                spec.GetProperty("hashesAndChainIds").EnumerateArray().Select(c => new ChainDigest(
                    ulong.Parse(c.GetProperty("chainId").GetString()!, CultureInfo.InvariantCulture),
                    Bytes32.Parse(c.GetProperty("sessionDigest").GetString()!))),
                _fixture.Sessions[i],
                Hex.Decode(spec.GetProperty("permissionEnableSig").GetString()!));
            m.Bytes($"vector {i}", spec.GetProperty("abi"), SessionAbi.Encode(enableSession, _fixture.Version));
            m.Count("enableSession");
        }

        m.AssertNone();
        Assert.Equal(SessionVectorFixture.SessionCount, m["enableSession"]);
    }

    [Fact]
    public void Enable_digest_matches_the_sdk_and_viem()
    {
        var m = new Mismatches();
        for (var i = 0; i < _fixture.Vectors.Length; i++)
        {
            if (!_fixture.Vectors[i].TryGetProperty("digest", out var digest))
            {
                Assert.True(i >= SessionVectorFixture.DigestCount, $"vector {i} has no digest");
                continue;
            }

            var actual = ComputeDigest(digest, _fixture.Sessions[i]);
            m.Text($"vector {i} (module-sdk hashChainSessions)", digest.GetProperty("sdkDigest").GetString()!, actual.ToString());
            m.Text($"vector {i} (viem hashTypedData)", digest.GetProperty("viemDigest").GetString()!, actual.ToString());
            m.Count("digest");
            m.Count("chains:" + digest.GetProperty("chains").GetArrayLength());
        }

        m.AssertNone();
        Assert.Equal(SessionVectorFixture.DigestCount, m["digest"]);
        Assert.True(m["chains:1"] > 30 && m["chains:2"] > 30 && m["chains:3"] > 30);
    }

    [Fact]
    public void Enable_digest_matches_Nethereum()
    {
        var compared = 0;
        for (var i = 0; i < _fixture.Vectors.Length; i++)
        {
            if (!_fixture.Vectors[i].TryGetProperty("digest", out var digest) || !digest.TryGetProperty("typedData", out var typedData))
            {
                continue;
            }

            var expected = Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(typedData.GetRawText());
            Assert.Equal(Hex.Encode(expected), ComputeDigest(digest, _fixture.Sessions[i]).ToString());

            // The per-chain session digests (what an EnableSession lists), against viem's hashStruct.
            var chains = ChainDigests(digest, _fixture.Sessions[i]);
            Assert.Equal(
                digest.GetProperty("sessionDigests").EnumerateArray().Select(d => d.GetString()),
                chains.Select(c => c.SessionDigest.ToString()));
            compared++;
        }

        Assert.Equal(3, compared);
    }

    private Bytes32 ComputeDigest(JsonElement digest, Session session) => EnableDigest.Compute(ChainDigests(digest, session), _fixture.Version);

    private ChainDigest[] ChainDigests(JsonElement digest, Session session)
    {
        var account = Address.Parse(digest.GetProperty("account").GetString()!);
        var mode = (SmartSessionMode)digest.GetProperty("mode").GetInt32();
        return digest.GetProperty("chains").EnumerateArray()
            .Select(c => EnableDigest.ForChain(
                ulong.Parse(c.GetProperty("chainId").GetString()!, CultureInfo.InvariantCulture),
                session,
                account,
                SessionSpec.Big(c.GetProperty("nonce")),
                mode,
                _fixture.Deployment))
            .ToArray();
    }
}

/// <summary>The current module (module-sdk 0.4.0).</summary>
public sealed class CurrentSessionVectorTests : SessionVectorTests<CurrentSessionVectors>, IClassFixture<CurrentSessionVectors>
{
    public CurrentSessionVectorTests(CurrentSessionVectors fixture)
        : base(fixture)
    {
    }
}

/// <summary>The legacy module (module-sdk 0.1.32).</summary>
public sealed class LegacySessionVectorTests : SessionVectorTests<LegacySessionVectors>, IClassFixture<LegacySessionVectors>
{
    public LegacySessionVectorTests(LegacySessionVectors fixture)
        : base(fixture)
    {
    }
}
