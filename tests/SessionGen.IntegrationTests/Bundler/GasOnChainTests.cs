using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Sessions;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;
using SessionGen.UserOperations;
using Xunit;
using Xunit.Abstractions;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Bundler;

/// <summary>
/// Gas limits and fees: what SessionGen estimates when it sends directly, against what alto estimates for the same
/// operation on the same account, and the fixed defaults; and many accounts' operations in one <c>handleOps</c>.
/// Gas is deterministic for the same state, so these are assertions, not timings.
/// </summary>
[Collection(BundlerCollection.Name)]
public sealed class GasOnChainTests(BundlerFixture fixture, ITestOutputHelper output)
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task A_USE_transfer_with_estimated_limits_costs_within_3_percent_of_the_bundlers_estimate_and_far_less_than_the_defaults()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var session = UsdcTransferSession(_chain, sessionKey.Address, 100 * Usdc);
        var (direct, _) = await EnableAsync(_chain, nameof(A_USE_transfer_with_estimated_limits_costs_within_3_percent_of_the_bundlers_estimate_and_far_less_than_the_defaults), owner, session);
        var bundled = SmartAccount.Attach(_chain.CreateBundlerEntryPointClient(fixture.Bundler), direct.Address, direct.Kind, direct.OwnerValidator, direct.SmartSessions); // the deployed account through the bundler
        var transfer = Erc20.Transfer(_chain.Contracts.Usdc, Bob, Usdc);
        await direct.ExecuteAsync(session, transfer, sessionKey); // Bob's balance and the policy's counter exist from here on

        var withDefaults = await direct.ExecuteAsync(session, transfer, sessionKey, UserOperationGas.Default);
        var estimatedHere = await direct.ExecuteAsync(session, transfer, sessionKey);
        var estimatedByAlto = await bundled.ExecuteAsync(session, transfer, sessionKey);

        output.WriteLine($"actualGasUsed: defaults {withDefaults.ActualGasUsed}, SessionGen's estimate {estimatedHere.ActualGasUsed}, alto's estimate {estimatedByAlto.ActualGasUsed}");
        var ratio = (double)estimatedHere.ActualGasUsed / (double)estimatedByAlto.ActualGasUsed;
        Assert.InRange(ratio, 0.97, 1.03);
        Assert.True(withDefaults.ActualGasUsed > estimatedByAlto.ActualGasUsed * 3 / 2, $"defaults {withDefaults.ActualGasUsed} vs alto {estimatedByAlto.ActualGasUsed}");
        Assert.True(withDefaults.Success && estimatedHere.Success && estimatedByAlto.Success);
        Assert.Equal(new BigInteger(996 * Usdc), await _chain.GetUsdcBalanceAsync(direct.Address));
    }

    [Fact]
    public async Task Fees_come_from_the_bundler_when_it_offers_them_else_from_the_node()
    {
        var bundled = await _chain.CreateBundlerEntryPointClient(fixture.Bundler).GetFeesAsync();
        var node = await _chain.CreateEntryPointClient().GetFeesAsync();
        var baseFee = (await _chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest())).BaseFeePerGas.Value;
        var priority = (await _chain.Web3.Eth.GasPrice.SendRequestAsync()).Value; // anvil: base fee + its priority-fee suggestion

        Assert.True(node.MaxFeePerGas >= (2 * baseFee) && node.MaxPriorityFeePerGas <= priority, $"{node} with base fee {baseFee}");
        Assert.True(bundled.MaxFeePerGas >= bundled.MaxPriorityFeePerGas && bundled.MaxFeePerGas > 0, bundled.ToString());
        output.WriteLine($"bundler fees {bundled}; node fees {node}; base fee {baseFee}");
    }

    [Fact]
    public async Task Operations_of_many_accounts_go_out_in_one_handleOps_and_each_gets_its_receipt()
    {
        using var sessionKey = PrivateKeySigner.Generate();
        var entryPoint = _chain.CreateEntryPointClient(_chain.Keys[1]);
        var operations = new PackedUserOperation[5];
        var accounts = new SmartAccount[operations.Length];
        for (var i = 0; i < operations.Length; i++)
        {
            using var owner = PrivateKeySigner.Generate();
            var session = UsdcTransferSession(_chain, sessionKey.Address, 100 * Usdc);
            (accounts[i], _) = await EnableAsync(_chain, $"bundle {i}", owner, session);
            operations[i] = await accounts[i].BuildSessionOperationAsync(session, [Erc20.Transfer(_chain.Contracts.Usdc, Bob, (i + 1) * Usdc)], sessionKey);
        }

        var receipts = await entryPoint.SendBundleAsync(operations);

        Assert.Equal(operations.Length, receipts.Count);
        Assert.Single(receipts.Select(r => r.TransactionHash).Distinct());
        for (var i = 0; i < operations.Length; i++)
        {
            Assert.True(receipts[i].Success);
            Assert.Equal(accounts[i].Address, receipts[i].Sender);
            Assert.Equal(entryPoint.GetUserOpHash(operations[i]), receipts[i].UserOpHash);
            Assert.Equal(new BigInteger((1_000 - (i + 1)) * Usdc), await _chain.GetUsdcBalanceAsync(accounts[i].Address));
        }

        // Bundles are for sending directly: a bundler makes its own.
        await Assert.ThrowsAsync<System.InvalidOperationException>(() => _chain.CreateBundlerEntryPointClient(fixture.Bundler).SendBundleAsync(operations));
    }

    [Fact]
    public async Task A_refused_operation_in_a_bundle_is_named_and_nothing_is_sent()
    {
        using var sessionKey = PrivateKeySigner.Generate();
        var entryPoint = _chain.CreateEntryPointClient(_chain.Keys[1]);
        var session = UsdcTransferSession(_chain, sessionKey.Address, 100 * Usdc);
        using var owner = PrivateKeySigner.Generate();
        var (account, _) = await EnableAsync(_chain, "refused in a bundle", owner, session);
        var good = await account.BuildSessionOperationAsync(session, [Erc20.Transfer(_chain.Contracts.Usdc, Bob, Usdc)], sessionKey);
        var tooMuch = await account.BuildUncheckedSessionOperationAsync(session, [Erc20.Transfer(_chain.Contracts.Usdc, Bob, 101 * Usdc)], sessionKey, UserOperationGas.Default, 1, default);
        var nonceBefore = await _chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(_chain.Keys[1].Address.ToString());

        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() => entryPoint.SendBundleAsync([good, tooMuch]));

        Assert.Equal(entryPoint.GetUserOpHash(tooMuch), rejected.UserOpHash);
        Assert.Equal("PolicyViolation", rejected.Error.Root.Name);
        Assert.Equal(nonceBefore.Value, (await _chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(_chain.Keys[1].Address.ToString())).Value);
    }
}
