using System.IO;
using SessionGen.IntegrationTests.Packaging;
using Xunit;

namespace SessionGen.IntegrationTests.Sample;

/// <summary>The README's first command, as a test: the sample runs the whole flow on its own chain and exits 0.</summary>
public class OneClickTradingSampleTests
{
    private static string SampleAssembly => Path.Combine(RepositoryPaths.Root, "samples", "OneClickTrading", "bin", RepositoryPaths.Configuration, "net10.0", "OneClickTrading.dll");

    [Fact]
    public void Runs_the_one_click_trading_flow_end_to_end_and_exits_0()
    {
        Assert.True(File.Exists(SampleAssembly), $"The sample was not built: {SampleAssembly}");

        var keyFile = Path.Combine(Path.GetTempPath(), $"sessiongen-sample-key-{System.Guid.NewGuid():N}.json");
        var run = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--transfers", "3", "--amount", "40", "--key-file", keyFile).EnsureSuccess("the sample");
        var again = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--transfers", "0", "--key-file", keyFile).EnsureSuccess("the sample, second run");
        File.Delete(keyFile);

        Assert.Contains("saved to the encrypted keystore", run.Output);
        Assert.Contains("loaded from the encrypted keystore", again.Output);
        Assert.Contains("transfer 3 is not covered by the enabled session (SpendingLimitExceeded): the app would ask the owner for a new session", run.Output);
        Assert.Contains("token " + "0x", run.Output);
        Assert.Contains("used 80000000 of 100000000, 20000000 left", run.Output);
        Assert.Contains("\"type\":\"erc20-token-allowance\"", run.Output);
        Assert.Contains("\"allowanceAmount\":\"0x5f5e100\"", run.Output);
        Assert.Contains("\"type\":\"expiry\"", run.Output);

        Assert.Contains("at most 100 USDC in total", run.Output);
        Assert.Contains("session enabled on chain: True", run.Output);
        Assert.Contains("account 960 USDC, bob 40 USDC, session total 40 USDC", run.Output);
        Assert.Contains("account 920 USDC, bob 80 USDC, session total 80 USDC", run.Output);
        Assert.Contains("refused before signing (SpendingLimitExceeded): 20.000001 USDC more would bring the total to 100.000001 USDC, over the session's 100 USDC", run.Output);
        Assert.Contains("Nothing was signed or sent", run.Output);
        Assert.Contains("session enabled on chain: False", run.Output);
        Assert.Contains("a transfer after the revocation is refused", run.Output);
        Assert.Contains("bob holds 80 USDC", run.Output);
    }

    [Fact]
    public async System.Threading.Tasks.Task Runs_against_a_node_it_did_not_start_and_leaves_it_running()
    {
        await using var node = await SessionGen.Devnet.Devnet.StartAsync();

        var run = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--rpc", node.RpcUrl.ToString(), "--funder-key", node.Keys[1].PrivateKey, "--transfers", "1")
            .EnsureSuccess("the sample on an attached node");

        Assert.Contains($"Deploying EntryPoint v0.7, SmartSession, the account factory and test USDC on {node.RpcUrl}", run.Output);
        Assert.Contains("bob holds", run.Output);
        Assert.False(node.HasExited);
        Assert.True(await node.GetUsdcBalanceAsync(Address.Parse("0x00000000000000000000000000000000000b0b00")) >= 25_000_000);
    }

    [Fact]
    public void Runs_the_flow_through_the_local_alto_bundler()
    {
        var run = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--bundler", "local", "--transfers", "1", "--amount", "40").EnsureSuccess("the sample through alto");

        Assert.Contains("operations go through the local alto bundler at http://127.0.0.1:", run.Output);
        Assert.Contains("session enabled on chain: True", run.Output);
        Assert.Contains("account 960 USDC, bob 40 USDC, session total 40 USDC", run.Output);
        Assert.Contains("a transfer after the revocation is refused: InvalidPermissionId", run.Output);
    }

    [Theory]
    [InlineData("--bundler", "ftp://x", "--bundler: 'ftp://x' is not a valid value.")]
    [InlineData("--bundler", "", "--bundler: '' is not a valid value.")]
    [InlineData("--paymaster", "http://127.0.0.1:1/", "--paymaster needs --bundler")]
    [InlineData("--chain", "mainnet-ish", "--chain: unknown network 'mainnet-ish'. Known: base-sepolia, sepolia.")]
    [InlineData("--chain", "base-sepolia", "--chain base-sepolia needs --rpc <url> and --funder-key <hex> for that network, and --bundler <url>")]
    public void Rejects_bad_bundler_paymaster_and_chain_options_with_exit_code_2(string option, string value, string message)
    {
        var run = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Output);
    }

    [Fact]
    public void Explains_itself_with_help_and_rejects_unknown_options()
    {
        var help = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--help").EnsureSuccess("the sample's --help");
        Assert.Contains("Usage: dotnet run --project samples/OneClickTrading", help.Output);
        Assert.Contains("--bundler <url|local>", help.Output);
        Assert.Contains("--chain <name>", help.Output);

        var wrong = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--amount", "0.0000001");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--amount must be a positive USDC amount with at most 6 decimals", wrong.Output);

        var half = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--rpc", "http://127.0.0.1:8545");
        Assert.Equal(2, half.ExitCode);
        Assert.Contains("--rpc and --funder-key go together", half.Output);
    }
}
