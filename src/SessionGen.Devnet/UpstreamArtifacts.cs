using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SessionGen.Devnet;

/// <summary>The contracts.json eng/upstream/build.mjs writes: per contract its creation code and upstream CREATE2 salt.</summary>
internal sealed class UpstreamArtifacts
{
    // build.mjs names the repositories by their folder; these are their GitHub names.
    private static readonly Dictionary<string, string> RepositoryNames = new(StringComparer.Ordinal)
    {
        ["smartsessions"] = "erc7579/smartsessions",
        ["core-modules"] = "rhinestonewtf/core-modules",
    };

    private readonly Dictionary<string, (byte[] Creation, Bytes32 Salt)> _contracts;

    private UpstreamArtifacts(Dictionary<string, (byte[], Bytes32)> contracts, UpstreamBuild build)
    {
        _contracts = contracts;
        Build = build;
    }

    public UpstreamBuild Build { get; }

    public (byte[] Creation, Bytes32 Salt) Get(string contract) =>
        _contracts.TryGetValue(contract, out var entry)
            ? entry
            : throw new KeyNotFoundException($"The upstream contracts file has no contract '{contract}' (have: {string.Join(", ", _contracts.Keys)}).");

    /// <summary>The upstream contracts the options name, or null for the fixture devnet.</summary>
    public static UpstreamArtifacts? For(DevnetOptions options) => options.UpstreamContracts is { } path ? Load(path) : null;

    public static UpstreamArtifacts Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"DevnetOptions.UpstreamContracts: no file at '{path}'. Build it with eng/upstream.sh (or node eng/upstream/build.mjs).", path);
        }

        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var contracts = new Dictionary<string, (byte[], Bytes32)>(StringComparer.Ordinal);
        foreach (var contract in root.GetProperty("contracts").EnumerateObject())
        {
            contracts[contract.Name] = (
                Hex.Decode(contract.Value.GetProperty("creation").GetString()!),
                Bytes32.Parse(contract.Value.GetProperty("salt").GetString()!));
        }

        var commits = root.GetProperty("repositories").EnumerateObject()
            .Select(r => new UpstreamCommit(
                RepositoryNames.GetValueOrDefault(r.Name, r.Name),
                r.Value.GetProperty("commit").GetString()!,
                DateTimeOffset.Parse(r.Value.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
                r.Value.GetProperty("subject").GetString()!))
            .ToArray();
        return new UpstreamArtifacts(contracts, new UpstreamBuild(commits, root.GetProperty("mode").GetString()!, root.GetProperty("solc").GetString()!));
    }
}
