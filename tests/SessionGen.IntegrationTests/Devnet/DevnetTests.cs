using System;
using System.Linq;
using System.Net.Sockets;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Devnet;
using Xunit;
using Xunit.Abstractions;

namespace SessionGen.IntegrationTests.Devnet;

public sealed class DevnetTests(DevnetFixture fixture, ITestOutputHelper output) : IClassFixture<DevnetFixture>
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task Every_contract_has_code_at_its_address()
    {
        output.WriteLine($"startup {_chain.StartupTime.TotalMilliseconds:0} ms, rpc {_chain.RpcUrl}");
        var contracts = _chain.Contracts;
        var all = typeof(DevnetContracts).GetProperties()
            .Where(p => p.PropertyType == typeof(Address))
            .Select(p => (p.Name, (Address)p.GetValue(contracts)!))
            .Concat(contracts.AccountKinds.All)
            .ToArray();
        Assert.Equal(15 + 9, all.Length);
        Assert.Equal(all.Length, all.Select(c => c.Item2).Distinct().Count());
        foreach (var (name, address) in all)
        {
            Assert.True((await _chain.GetCodeAsync(address)).Length > 0, $"no code at {name} ({address})");
        }
    }

    [Fact]
    public async Task The_fixture_devnet_speaks_the_legacy_protocol_with_every_policy_in_place()
    {
        var deployment = _chain.SmartSessions;
        Assert.Null(_chain.Upstream);
        Assert.Equal(SessionGen.Protocol.SmartSessionVersion.Legacy, deployment.Version);
        Assert.Equal(_chain.Contracts.UniActionPolicy, deployment.Policies.UniversalAction);
        Assert.False(deployment.Policies.UniversalAction.IsZero);
        Assert.True((await _chain.GetCodeAsync(deployment.Policies.UniversalAction)).Length > 0);
    }

    [Fact]
    public async Task A_missing_upstream_contracts_file_fails_the_start_and_names_the_file()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-such-upstream-contracts.json");
        var error = await Assert.ThrowsAsync<System.IO.FileNotFoundException>(() => SessionGen.Devnet.Devnet.StartAsync(new DevnetOptions { UpstreamContracts = missing }));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("eng/upstream.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fixed_addresses_are_the_canonical_ones()
    {
        Assert.Equal(Address.Parse("0x0000000071727De22E5E9d8BAf0edAc6f37da032"), _chain.Contracts.EntryPoint);
        Assert.Equal(Address.Parse("0xDDFF43A42726df11E34123f747bDce0f755F784d"), _chain.Contracts.SmartSession);
        Assert.Equal(Address.Parse("0x000000000069E2a187AEFFb852bF3cCdC95151B2"), _chain.Contracts.Registry);
        Assert.Equal(31337UL, _chain.ChainId);

        var smartSessionCode = await _chain.GetCodeAsync(_chain.Contracts.SmartSession);
        Assert.Equal(24_967, smartSessionCode.Length);
        // The MSA implementation is above EIP-170: only possible with --disable-code-size-limit.
        Assert.True((await _chain.GetCodeAsync(_chain.Contracts.AccountImplementation)).Length > 24_576);
    }

    [Fact]
    public async Task Factory_getAddress_is_deterministic_and_depends_on_salt_and_init_code()
    {
        var salt = Keccak256.Hash("devnet-test-salt");
        var initCode = Hex.Decode("0x1234");
        var first = await GetAccountAddress(salt, initCode);
        Assert.Equal(first, await GetAccountAddress(salt, initCode));
        Assert.NotEqual(first, await GetAccountAddress(Keccak256.Hash("other"), initCode));
        Assert.NotEqual(first, await GetAccountAddress(salt, Hex.Decode("0x1235")));
        Assert.False(first.IsZero);
    }

    [Fact]
    public async Task Usdc_has_six_decimals_and_anyone_can_mint()
    {
        var decimals = await _chain.CallAsync(_chain.Contracts.Usdc, Selector.FromSignature("decimals()").ToArray());
        Assert.Equal(BigInteger.Parse("6"), new BigInteger(decimals, isUnsigned: true, isBigEndian: true));

        var holder = _chain.Keys[3].Address;
        var before = await _chain.GetUsdcBalanceAsync(holder);
        await _chain.MintUsdcAsync(holder, 12_345_678);
        Assert.Equal(before + 12_345_678, await _chain.GetUsdcBalanceAsync(holder));
    }

    [Fact]
    public async Task The_generated_event_finder_reads_a_mints_Transfer_from_the_transactions_logs()
    {
        var holder = _chain.Keys[4].Address;
        var receipt = await _chain.MintUsdcAsync(holder, 4_242);

        var logs = await SessionGen.Abi.EventLogs.ReadAsync(_chain.Web3.Client, Bytes32.Parse(receipt.TransactionHash));
        var transfer = Assert.Single(SessionGen.IntegrationTests.Sessions.Erc20.TransferEvent.FindIn(logs, _chain.Contracts.Usdc));

        Assert.Equal(Address.Zero, transfer.From);
        Assert.Equal(holder, transfer.To);
        Assert.Equal(4_242, transfer.Value);
        Assert.Equal(receipt.Logs.Count(), logs.Count);
        Assert.Empty(SessionGen.IntegrationTests.Sessions.Erc20.TransferEvent.FindIn(logs, emitter: holder)); // another emitter
        Assert.Empty(SessionGen.IntegrationTests.Sessions.Erc20.ApprovalEvent.FindIn(logs));
    }

    [Fact]
    public async Task Time_travel_moves_the_chain_clock_and_snapshots_restore_state()
    {
        var before = await _chain.GetChainTimeAsync();
        await _chain.IncreaseTimeAsync(TimeSpan.FromDays(8));
        var after = await _chain.GetChainTimeAsync();
        Assert.InRange((after - before).TotalSeconds, 8 * 86_400, 8 * 86_400 + 60);

        var who = Address.Parse("0x00000000000000000000000000000000000a11ce");
        var snapshot = await _chain.SnapshotAsync();
        await _chain.SetBalanceAsync(who, 42);
        Assert.Equal(new BigInteger(42), await _chain.GetBalanceAsync(who));
        await _chain.RevertAsync(snapshot);
        Assert.Equal(BigInteger.Zero, await _chain.GetBalanceAsync(who));
    }

    [Fact]
    public void Dev_keys_are_funded_accounts_of_the_node()
    {
        Assert.Equal(10, _chain.Keys.Count);
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), _chain.Keys[0].Address);
        Assert.All(_chain.Keys, k => Assert.Equal(66, k.PrivateKey.Length));
    }

    private async Task<Address> GetAccountAddress(Bytes32 salt, byte[] initCode)
    {
        // getAddress(bytes32,bytes): head (salt, offset) + length word + data padded to a word.
        var data = new byte[4 + 32 + 32 + 32 + 32];
        Selector.FromSignature("getAddress(bytes32,bytes)").WriteTo(data);
        salt.WriteTo(data.AsSpan(4));
        data[4 + 32 + 31] = 0x40;
        data[4 + 64 + 31] = (byte)initCode.Length;
        initCode.CopyTo(data, 4 + 96);
        var word = await _chain.CallAsync(_chain.Contracts.AccountFactory, data);
        return new Address(word.AsSpan(12, 20));
    }
}

public sealed class DevnetLifetimeTests
{
    [Fact]
    public async Task An_undisposed_devnet_does_not_outlive_its_last_reference()
    {
        var pid = await StartAndForgetAsync();
        using var process = System.Diagnostics.Process.GetProcessById(pid);

        for (var i = 0; i < 50 && !process.HasExited; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(20);
        }

        Assert.True(process.HasExited, $"anvil {pid} still runs after its devnet was collected");
    }

    // Not inlined, so no reference to the devnet survives in the caller's frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<int> StartAndForgetAsync()
    {
        var chain = await SessionGen.Devnet.Devnet.StartAsync(new DevnetOptions { Accounts = 1 });
        return chain.ProcessId;
    }

    [Fact]
    public async Task Dispose_stops_anvil_and_closes_its_port()
    {
        var chain = await SessionGen.Devnet.Devnet.StartAsync(new DevnetOptions { Accounts = 1 });
        var port = chain.RpcUrl.Port;
        var pid = chain.ProcessId;
        Assert.Equal("anvil", System.Diagnostics.Process.GetProcessById(pid).ProcessName);
        Assert.False(chain.HasExited);
        Assert.Single(chain.Keys);
        await chain.DisposeAsync();

        Assert.True(chain.HasExited);
        Assert.ThrowsAny<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid));
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }
}
