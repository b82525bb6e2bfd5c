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

        // --chain on a node that is not that network: the attached account's kind is named, then the chain id check stops it before anything is signed.
        var wrongChain = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--chain", "base-sepolia", "--rpc", node.RpcUrl.ToString(), "--bundler", "http://127.0.0.1:1/",
            "--account", "0x00000000000000000000000000000000000000aa", "--account-kind", "safe", "--owner-key", node.Keys[2].PrivateKey);
        Assert.Equal(2, wrongChain.ExitCode);
        Assert.Contains("account 0x00000000000000000000000000000000000000AA (Safe 1.4.1 + Safe7579), owner validator 0x000000000013fdB5234E4E3162a810F54d9f7E98", wrongChain.Output);
        Assert.Contains($"the node at {node.RpcUrl} is chain {node.ChainId}, not base-sepolia (84532). Nothing was signed or sent.", wrongChain.Output);
    }

    [Fact]
    public void Runs_the_flow_through_the_local_alto_bundler_sponsored_by_the_local_paymaster()
    {
        var run = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--bundler", "local", "--paymaster", "local", "--transfers", "1", "--amount", "40").EnsureSuccess("the sample through alto, sponsored");

        Assert.Contains("operations go through the local alto bundler at http://127.0.0.1:", run.Output);
        Assert.Contains("operations are sponsored by the local paymaster 0x", run.Output);
        Assert.Contains("sponsored: the account's ETH balance is 0 wei", run.Output); // the sample zeroes it first: an unsponsored operation would be refused (AA21)
        var deposit = System.Text.RegularExpressions.Regex.Match(run.Output, @"the local paymaster's deposit went from (\d+) to (\d+) wei \((\d+) ERC-7677 requests\)");
        Assert.True(deposit.Success, run.Output);
        Assert.True(System.Numerics.BigInteger.Parse(deposit.Groups[2].Value) < System.Numerics.BigInteger.Parse(deposit.Groups[1].Value), deposit.Value);
        Assert.True(int.Parse(deposit.Groups[3].Value) >= 6, deposit.Value); // stub + data for the approval, the transfer and the revocation
        Assert.Contains("session enabled on chain: True", run.Output);
        Assert.Contains("account 960 USDC, bob 40 USDC, session total 40 USDC", run.Output);
        Assert.Contains("a transfer after the revocation is refused: InvalidPermissionId", run.Output);
    }

    [Theory]
    [InlineData("--bundler", "ftp://x", "--bundler: 'ftp://x' is not a valid value.")]
    [InlineData("--bundler", "", "--bundler: '' is not a valid value.")]
    [InlineData("--paymaster", "http://127.0.0.1:1/", "--paymaster needs --bundler")]
    [InlineData("--chain", "mainnet-ish", "--chain: unknown network 'mainnet-ish'. Known: base-sepolia, sepolia.")]
    [InlineData("--chain", "base-sepolia", "--chain base-sepolia needs --rpc <url>, --bundler <url>, --account <address>, --account-kind <msa|safe|nexus|kernel>, --owner-key <hex>")]
    [InlineData("--paymaster", "local", "--paymaster needs --bundler")]
    [InlineData("--paymaster", "ftp://x", "--paymaster: 'ftp://x' is not a valid value.")]
    [InlineData("--account", "0x00000000000000000000000000000000000000aa", "--account goes only with --chain: on the devnet the sample creates the account")]
    [InlineData("--account", "0x0000000000000000000000000000000000000000", "--account: '0x0000000000000000000000000000000000000000' is not a valid value.")]
    [InlineData("--account-kind", "biconomy", "--account-kind: unknown kind 'biconomy'. Known: msa, safe, nexus, kernel.")]
    [InlineData("--account-kind", "nexus", "--account-kind goes only with --chain")]
    [InlineData("--owner-key", "0x1234", "--owner-key: '0x1234' is not a valid value.")]
    [InlineData("--token", "not-an-address", "--token: 'not-an-address' is not a valid value.")]
    public void Rejects_bad_bundler_paymaster_and_chain_options_with_exit_code_2(string option, string value, string message)
    {
        var run = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Output);
    }

    [Theory]
    [InlineData("--bundler local", "--chain base-sepolia needs --bundler <url>, --account <address>, --account-kind <msa|safe|nexus|kernel>, --owner-key <hex>")]
    [InlineData("--bundler http://127.0.0.1:1/ --account 0x00000000000000000000000000000000000000aa --account-kind kernel", "--chain base-sepolia needs --owner-key <hex>")]
    [InlineData("--bundler http://127.0.0.1:1/ --account 0x00000000000000000000000000000000000000aa --account-kind MSA --owner-key 0x1111111111111111111111111111111111111111111111111111111111111111 --paymaster local",
        "--paymaster local is the devnet's paymaster; with --chain base-sepolia give the URL of an ERC-7677 service for that network.")]
    [InlineData("--bundler http://127.0.0.1:1/ --account 0x00000000000000000000000000000000000000aa --account-kind safe --owner-key 0x1111111111111111111111111111111111111111111111111111111111111111 --funder-key 0x1111111111111111111111111111111111111111111111111111111111111111",
        "--chain base-sepolia takes no --funder-key")]
    public void Rejects_incomplete_or_contradictory_chain_options_before_touching_the_network(string rest, string message)
    {
        var run = DotnetCli.Run(RepositoryPaths.Root, null, [SampleAssembly, "--chain", "base-sepolia", "--rpc", "http://127.0.0.1:1/", .. rest.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Output);
    }

    [Fact]
    public void Reports_a_node_that_does_not_answer_on_a_public_chain_with_exit_code_2()
    {
        var run = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--chain", "sepolia", "--rpc", "http://127.0.0.1:1/", "--bundler", "http://127.0.0.1:1/",
            "--account", "0x00000000000000000000000000000000000000aa", "--account-kind", "nexus", "--owner-key", "0x1111111111111111111111111111111111111111111111111111111111111111");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("account 0x00000000000000000000000000000000000000AA (Biconomy Nexus)", run.Output);
        Assert.Contains("eth_chainId", run.Output);
        Assert.Contains("Check --rpc, --bundler and --paymaster.", run.Output);
        Assert.DoesNotContain("Unhandled exception", run.Output);
    }

    [Fact]
    public void Explains_itself_with_help_and_rejects_unknown_options()
    {
        var help = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--help").EnsureSuccess("the sample's --help");
        Assert.Contains("Usage: dotnet run --project samples/OneClickTrading", help.Output);
        Assert.Contains("--bundler <url|local>", help.Output);
        Assert.Contains("--chain <name>", help.Output);
        Assert.Contains("--paymaster <url|local>", help.Output);
        Assert.Contains("--account-kind <msa|safe|nexus|kernel>", help.Output);

        var wrong = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--amount", "0.0000001");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--amount must be a positive USDC amount with at most 6 decimals", wrong.Output);

        var half = DotnetCli.Run(RepositoryPaths.Root, null, SampleAssembly, "--rpc", "http://127.0.0.1:8545");
        Assert.Equal(2, half.ExitCode);
        Assert.Contains("--rpc and --funder-key go together", half.Output);
    }
}
