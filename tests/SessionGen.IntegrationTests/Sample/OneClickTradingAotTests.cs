using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SessionGen.IntegrationTests.Packaging;
using Xunit;

namespace SessionGen.IntegrationTests.Sample;

/// <summary>
/// The sample published with Native AOT (issue #17.3, docs/aot.md): the native binary starts its own devnet and runs the same
/// one-click flow as the JIT sample, and the publish reports no trim or AOT warning from SessionGen or the sample. eng/test.sh
/// publishes it once before the tests (eng/publish-aot.sh: an AOT publish takes minutes, and one is enough for every test
/// here); when that publish failed or never ran, these tests fail with its log, they never skip.
/// </summary>
public class OneClickTradingAotTests
{
    // eng/publish-aot.sh always publishes Release, whatever configuration the tests were built in.
    private static string PublishFolder => Path.Combine(RepositoryPaths.Root, "samples", "OneClickTrading", "bin", "Release", "aot");

    private static string PublishLog => Path.Combine(RepositoryPaths.Root, "samples", "OneClickTrading", "obj", "Release", "aot-publish.log");

    private static string NativeSample => Path.Combine(PublishFolder, OperatingSystem.IsWindows() ? "OneClickTrading.exe" : "OneClickTrading");

    /// <summary>
    /// The third-party assemblies whose trim/AOT warnings the publish reports (one summary line each), as docs/aot.md lists
    /// them. A new one fails here so that the list stays true.
    /// </summary>
    private static readonly string[] DocumentedThirdPartyWarnings = ["Nethereum.JsonRpc.Client", "Newtonsoft.Json"];

    [Fact]
    public void The_native_binary_runs_the_one_click_flow_on_a_devnet_it_starts_itself()
    {
        var sample = RequirePublishedSample();
        var keyFile = Path.Combine(Path.GetTempPath(), $"sessiongen-aot-sample-key-{Guid.NewGuid():N}.json");
        try
        {
            var run = DotnetCli.RunProgram(sample, RepositoryPaths.Root, null, "--transfers", "3", "--amount", "40", "--key-file", keyFile).EnsureSuccess("the AOT sample");
            // The keystore written under AOT is read back by a second run (a trimmed Newtonsoft would have written "{}").
            var again = DotnetCli.RunProgram(sample, RepositoryPaths.Root, null, "--transfers", "0", "--key-file", keyFile).EnsureSuccess("the AOT sample, second run");

            Assert.Contains("Starting a local chain (anvil)", run.Output);
            Assert.Contains("saved to the encrypted keystore", run.Output);
            Assert.Contains("loaded from the encrypted keystore", again.Output);
            Assert.Contains("at most 100 USDC in total", run.Output);
            Assert.Contains("session enabled on chain: True", run.Output);
            Assert.Contains("account 960 USDC, bob 40 USDC, session total 40 USDC", run.Output);
            Assert.Contains("account 920 USDC, bob 80 USDC, session total 80 USDC", run.Output);
            Assert.Contains("transfer 3 is not covered by the enabled session (SpendingLimitExceeded)", run.Output);
            Assert.Contains("used 80000000 of 100000000, 20000000 left", run.Output);
            Assert.Contains("\"allowanceAmount\":\"0x5f5e100\"", run.Output);
            Assert.Contains("refused before signing (SpendingLimitExceeded): 20.000001 USDC more would bring the total to 100.000001 USDC, over the session's 100 USDC", run.Output);
            Assert.Contains("Nothing was signed or sent", run.Output);
            Assert.Contains("session enabled on chain: False", run.Output);
            Assert.Contains("a transfer after the revocation is refused: InvalidPermissionId", run.Output);
            Assert.Contains("bob holds 80 USDC", run.Output);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public void The_native_binary_runs_the_flow_through_the_local_alto_bundler_sponsored_by_the_local_paymaster()
    {
        var sample = RequirePublishedSample();
        var keyFile = Path.Combine(Path.GetTempPath(), $"sessiongen-aot-sample-key-{Guid.NewGuid():N}.json");

        var run = DotnetCli.RunProgram(sample, RepositoryPaths.Root, null, "--bundler", "local", "--paymaster", "local", "--transfers", "1", "--amount", "40", "--key-file", keyFile);
        File.Delete(keyFile);
        run.EnsureSuccess("the AOT sample through alto, sponsored");

        Assert.Contains("operations go through the local alto bundler at http://127.0.0.1:", run.Output);
        Assert.Contains("sponsored: the account's ETH balance is 0 wei", run.Output);
        Assert.Matches(@"the local paymaster's deposit went from \d+ to \d+ wei \([1-9]\d* ERC-7677 requests\)", run.Output);
        Assert.Contains("account 960 USDC, bob 40 USDC, session total 40 USDC", run.Output);
        Assert.Contains("a transfer after the revocation is refused: InvalidPermissionId", run.Output);
    }

    [Fact]
    public void Is_a_native_executable_without_managed_assemblies()
    {
        var sample = RequirePublishedSample();

        Assert.Empty(Directory.GetFiles(PublishFolder, "*.dll"));
        var header = new byte[4];
        using (var file = File.OpenRead(sample))
        {
            file.ReadExactly(header);
        }

        // ELF on Linux, PE ("MZ") on Windows, Mach-O on macOS: never a managed apphost next to a .dll.
        Assert.True(header is [0x7F, (byte)'E', (byte)'L', (byte)'F'] or [(byte)'M', (byte)'Z', _, _] or [0xCF, 0xFA, 0xED, 0xFE], $"{sample} is not a native executable.");
    }

    [Fact]
    public void Publishes_with_no_trim_or_AOT_warning_but_the_documented_third_party_ones()
    {
        RequirePublishedSample();
        var log = File.ReadAllLines(PublishLog);
        Assert.Contains(log, line => line.Contains("Generating native code", StringComparison.Ordinal));

        // The SDK reports each library's trim/AOT warnings as one summary line (IL2104 trim, IL3053 AOT) and the app's own in
        // full. So every warning must be such a summary for a documented third-party assembly: any warning from SessionGen,
        // SessionGen.Devnet or the sample (a summary naming them, or a detailed one from the app) fails here.
        var warnings = log.Where(line => line.Contains(": warning ", StringComparison.Ordinal) || line.Contains(" warning IL", StringComparison.Ordinal))
            .Select(line => Regex.Replace(line, @"\s+\[[^\]]+proj[^\]]*\]$", "")) // the "[project]" suffix MSBuild appends
            .Distinct().ToList();
        var summary = new Regex(@"warning (IL2104|IL3053): Assembly '(?<assembly>[^']+)' produced (trim|AOT analysis) warnings");
        var unexpected = warnings.Where(w => !summary.IsMatch(w)).ToList();
        Assert.True(unexpected.Count == 0, "Warnings other than third-party summaries:\n" + string.Join("\n", unexpected));

        var assemblies = warnings.Select(w => summary.Match(w).Groups["assembly"].Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.DoesNotContain(assemblies, a => a.StartsWith("SessionGen", StringComparison.Ordinal) || a == "OneClickTrading");
        Assert.Equal(DocumentedThirdPartyWarnings, assemblies);
    }

    private static string RequirePublishedSample()
    {
        if (!File.Exists(NativeSample))
        {
            var log = File.Exists(PublishLog) ? string.Join("\n", File.ReadLines(PublishLog).TakeLast(30)) : "(no publish log)";
            Assert.Fail($"The Native AOT sample is missing: {NativeSample}. eng/test.sh publishes it with eng/publish-aot.sh before the tests; run that script. Publish log:\n{log}");
        }

        return NativeSample;
    }
}
