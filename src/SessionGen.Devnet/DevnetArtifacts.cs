using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SessionGen.Devnet;

/// <summary>The bytecode compile.mjs gathers: the devnet's contracts, modulekit's MSA factory and other account kinds' bytecode, the legacy SmartSession and EntryPoint v0.7.</summary>
internal sealed class DevnetArtifacts
{
    private readonly Dictionary<string, (byte[] Creation, byte[] Runtime)> _contracts;

    private readonly Dictionary<string, byte[]> _precompiles;

    private DevnetArtifacts(Dictionary<string, (byte[], byte[])> contracts, Dictionary<string, byte[]> precompiles, byte[] smartSessionRuntime, byte[] entryPointCreation)
    {
        _contracts = contracts;
        _precompiles = precompiles;
        SmartSessionRuntime = smartSessionRuntime;
        EntryPointCreation = entryPointCreation;
    }

    public byte[] SmartSessionRuntime { get; }

    public byte[] EntryPointCreation { get; }

    public byte[] Creation(string contract) => Get(contract).Creation;

    public byte[] Runtime(string contract) => Get(contract).Runtime;

    /// <summary>Creation bytecode modulekit ships for another account kind (its <c>*Precompiles.sol</c> constant of that name).</summary>
    public byte[] Precompile(string name) =>
        _precompiles.TryGetValue(name, out var code)
            ? code
            : throw new KeyNotFoundException($"The devnet artifacts have no modulekit precompile '{name}' (have: {string.Join(", ", _precompiles.Keys)}).");

    private (byte[] Creation, byte[] Runtime) Get(string contract) =>
        _contracts.TryGetValue(contract, out var code)
            ? code
            : throw new KeyNotFoundException($"The devnet artifacts have no contract '{contract}' (have: {string.Join(", ", _contracts.Keys)}).");

    public static DevnetArtifacts Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var contracts = new Dictionary<string, (byte[], byte[])>(StringComparer.Ordinal);
        foreach (var contract in root.GetProperty("contracts").EnumerateObject())
        {
            contracts[contract.Name] = (
                Hex.Decode(contract.Value.GetProperty("bytecode").GetString()!),
                Hex.Decode(contract.Value.GetProperty("deployedBytecode").GetString()!));
        }

        var precompiles = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var precompile in root.GetProperty("precompiles").EnumerateObject())
        {
            precompiles[precompile.Name] = Hex.Decode(precompile.Value.GetString()!);
        }

        return new DevnetArtifacts(
            contracts,
            precompiles,
            Hex.Decode(root.GetProperty("smartSessionRuntime").GetString()!),
            Hex.Decode(root.GetProperty("entryPointBytecode").GetString()!));
    }
}
