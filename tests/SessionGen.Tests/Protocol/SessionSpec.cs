using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using SessionGen.Protocol;
using Xunit;

namespace SessionGen.Tests.Protocol;

/// <summary>
/// Rebuilds the sessions of <c>tests/vectors/session-vectors.mjs</c> from their JSON inputs with the public API, and
/// compares outputs with the reference SDK's.
/// </summary>
internal static class SessionSpec
{
    public static Session BuildSession(JsonElement spec, SmartSessionVersion version, Mismatches mismatches, string where)
    {
        var at = PolicyAddressesFor(version);
        var validator = spec.GetProperty("validator");
        byte[] initData = validator.GetProperty("kind").GetString() switch
        {
            "ownable" => SessionValidatorInitData.Ownable(
                validator.GetProperty("threshold").GetInt32(),
                validator.GetProperty("owners").EnumerateArray().Select(o => Address.Parse(o.GetString()!))),
            "singleKey" => SessionValidatorInitData.SingleKey(Address.Parse(validator.GetProperty("key").GetString()!)),
            "raw" => Hex.Decode(validator.GetProperty("data").GetString()!),
            var kind => throw new InvalidOperationException($"Unknown validator kind {kind}."),
        };
        mismatches.Bytes($"{where}.sessionValidatorInitData", spec.GetProperty("sessionValidatorInitData"), initData);

        var erc7739 = spec.GetProperty("erc7739");
        var erc1271 = BuildPolicies(erc7739.GetProperty("erc1271Policies"), at, mismatches, $"{where}.erc1271Policies");
        var contexts = erc7739.GetProperty("contexts").EnumerateArray().ToArray();
        var erc7739Data = version == SmartSessionVersion.Legacy
            ? ERC7739Data.ForLegacy(contexts.SelectMany(c => Strings(c.GetProperty("names"))), erc1271)
            : new ERC7739Data(contexts.Select(c => new ERC7739Context(Bytes32.Parse(c.GetProperty("separator").GetString()!), Strings(c.GetProperty("names")))), erc1271);

        var actions = spec.GetProperty("actions").EnumerateArray().Select((a, i) => new ActionData(
            Address.Parse(a.GetProperty("target").GetString()!),
            Selector.Parse(a.GetProperty("selector").GetString()!),
            BuildPolicies(a.GetProperty("policies"), at, mismatches, $"{where}.actions[{i}]"))).ToArray();

        return new Session(
            Address.Parse(spec.GetProperty("sessionValidator").GetString()!),
            initData,
            Bytes32.Parse(spec.GetProperty("salt").GetString()!),
            BuildPolicies(spec.GetProperty("userOpPolicies"), at, mismatches, $"{where}.userOpPolicies"),
            erc7739Data,
            actions,
            spec.GetProperty("permitERC4337Paymaster").GetBoolean());
    }

    public static PolicyAddresses PolicyAddressesFor(SmartSessionVersion version) => SmartSessionDeployment.For(version).Policies;

    public static List<PolicyData> BuildPolicies(JsonElement specs, PolicyAddresses at, Mismatches mismatches, string where)
    {
        var list = new List<PolicyData>();
        var i = 0;
        foreach (var spec in specs.EnumerateArray())
        {
            var policy = BuildPolicy(spec, at);
            var name = $"{where}[{i++}] {spec.GetProperty("kind").GetString()}";
            mismatches.Count("policy." + spec.GetProperty("kind").GetString());
            mismatches.Text($"{name}.policy", spec.GetProperty("policy").GetString()!.ToLowerInvariant(), policy.Policy.ToLowerHex());
            mismatches.Bytes($"{name}.initData", spec.GetProperty("initData"), policy.InitData.Span);
            list.Add(policy);
        }

        return list;
    }

    public static PolicyData BuildPolicy(JsonElement spec, PolicyAddresses at) => spec.GetProperty("kind").GetString() switch
    {
        "sudo" => Policies.Sudo(at),
        "timeFrame" => Policies.TimeFrame(spec.GetProperty("validUntil").GetUInt64(), spec.GetProperty("validAfter").GetUInt64(), at),
        "usageLimit" => Policies.UsageLimit(Big(spec.GetProperty("limit")), at),
        "valueLimit" => Policies.ValueLimit(Big(spec.GetProperty("limit")), at),
        "spendingLimit" => Policies.ERC20SpendingLimit(
            spec.GetProperty("limits").EnumerateArray().Select(l => new TokenLimit(Address.Parse(l.GetProperty("token").GetString()!), Big(l.GetProperty("limit")))),
            at),
        "uniAction" => Policies.UniversalAction(
            new UniActionConfig(
                Big(spec.GetProperty("valueLimitPerUse")),
                spec.GetProperty("rules").EnumerateArray().Select(r => new ParamRule(
                    (ParamCondition)r.GetProperty("condition").GetInt32(),
                    ulong.Parse(r.GetProperty("offset").GetString()!, CultureInfo.InvariantCulture),
                    Bytes32.Parse(r.GetProperty("ref").GetString()!),
                    r.GetProperty("isLimited").GetBoolean(),
                    Big(r.GetProperty("usage").GetProperty("limit")),
                    Big(r.GetProperty("usage").GetProperty("used"))))),
            at),
        var kind => throw new InvalidOperationException($"Unknown policy kind {kind}."),
    };

    public static BigInteger Big(JsonElement value) => BigInteger.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(s => s.GetString()!);
}

/// <summary>
/// Collects differences between expected (reference) and actual outputs over a whole vector set, so that one failing
/// test reports how many differ and the first few, and counts what was compared so a test can prove it compared enough.
/// </summary>
internal sealed class Mismatches
{
    private readonly List<string> _differences = new();
    private readonly Dictionary<string, int> _counts = new();

    public int this[string what] => _counts.TryGetValue(what, out var n) ? n : 0;

    public void Count(string what) => _counts[what] = this[what] + 1;

    public void Text(string where, string expected, string actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            _differences.Add($"{where}: expected {Truncate(expected)}, got {Truncate(actual)}");
        }
    }

    /// <summary>Compares bytes with a reference given as hex, or as <c>{ sha256, length }</c> for long outputs.</summary>
    public void Bytes(string where, JsonElement expected, ReadOnlySpan<byte> actual)
    {
        if (expected.ValueKind == JsonValueKind.String)
        {
            Text(where, expected.GetString()!.ToLowerInvariant(), Hex.Encode(actual));
            return;
        }

        var length = expected.GetProperty("length").GetInt32();
        var sha256 = expected.GetProperty("sha256").GetString()!;
        if (length != actual.Length || sha256 != Hex.Encode(SHA256.HashData(actual)))
        {
            _differences.Add($"{where}: expected {length} bytes with SHA-256 {sha256}, got {actual.Length} bytes with SHA-256 {Hex.Encode(SHA256.HashData(actual))}: {Truncate(Hex.Encode(actual))}");
        }
    }

    public void AssertNone()
    {
        Assert.True(_differences.Count == 0, $"{_differences.Count} differences; the first:\n" + string.Join("\n", _differences.Take(10)));
    }

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
