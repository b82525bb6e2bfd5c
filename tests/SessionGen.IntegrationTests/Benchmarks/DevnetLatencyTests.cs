using System.Text.Json;
using SessionGen.IntegrationTests.Packaging;
using Xunit;

namespace SessionGen.IntegrationTests.Benchmarks;

/// <summary>
/// The end-to-end measurement (<c>SessionGen.Benchmarks --devnet</c>) keeps working: it starts a local chain, enables the
/// one-click-trading session and makes session-key transfers (it checks the recipient's balance itself). No timing is asserted.
/// </summary>
public class DevnetLatencyTests
{
    [Fact]
    public void Devnet_mode_makes_session_key_transfers_and_reports_each_phase()
    {
        var result = DotnetCli.Run(RepositoryPaths.Root, null, BenchmarkAssembly.EnsureBuilt(), "--devnet", "2").EnsureSuccess("the benchmark's --devnet mode");

        using var report = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', System.StringComparison.Ordinal)..]);
        Assert.Equal(2, report.RootElement.GetProperty("transfers").GetInt32());
        foreach (var phase in new[] { "buildAndSign", "sendAndReceipt", "endToEnd" })
        {
            Assert.True(report.RootElement.GetProperty(phase).GetProperty("median").GetDouble() > 0, phase);
        }
    }
}
