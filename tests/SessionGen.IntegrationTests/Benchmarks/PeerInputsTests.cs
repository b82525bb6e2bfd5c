using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using SessionGen.IntegrationTests.Packaging;
using Xunit;

namespace SessionGen.IntegrationTests.Benchmarks;

/// <summary>
/// The C# benchmarks and benchmarks/node/peers.mjs must time the same work on the same bytes: each side prints what it
/// computes from its own copy of the inputs (PeerInputs.cs, the "Inputs" block of peers.mjs), and every value must agree.
/// </summary>
public class PeerInputsTests
{
    [Fact]
    public void Both_sides_compute_the_same_outputs_from_their_inputs()
    {
        var csharp = Parse(DotnetCli.Run(RepositoryPaths.Root, null, BenchmarkAssembly.EnsureBuilt(), "--peer-outputs").EnsureSuccess("the benchmark's --peer-outputs").Output);
        var node = Parse(RunNode(Path.Combine(RepositoryPaths.Root, "benchmarks", "node", "peers.mjs"), "--outputs"));

        Assert.Equal(10, csharp.Count);
        foreach (var (key, value) in csharp)
        {
            Assert.True(node.TryGetValue(key, out var peer), $"peers.mjs --outputs has no '{key}'");
            Assert.True(value == peer, $"{key}: C# {value}, node {peer}");
        }

        // module-sdk's own enable digest agrees with viem's hashTypedData over the contract's types.
        Assert.Equal(node["enableDigest"], node["enableDigestModuleSdk"]);
    }

    private static Dictionary<string, string> Parse(string output)
    {
        var json = output[output.IndexOf('{', StringComparison.Ordinal)..];
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
    }

    private static string RunNode(string script, string argument)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node {Path.GetFileName(script)} {argument} failed ({process.ExitCode}): {stderr.Result}");
        return stdout;
    }
}
