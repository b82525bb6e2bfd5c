using System;
using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Sessions;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using Xunit.Abstractions;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Bundler;

/// <summary>
/// The on-chain scenarios through a real ERC-4337 bundler (alto): operations go out with <c>eth_sendUserOperation</c>
/// with gas from <c>eth_estimateUserOperationGas</c> and fees from <c>pimlico_getUserOperationGasPrice</c>; outcomes come
/// from <c>eth_getUserOperationReceipt</c>; refusals are the bundler's, decoded into the EntryPoint's error.
/// </summary>
[Collection(BundlerCollection.Name)]
public sealed class ThroughBundlerOnChainTests(BundlerFixture fixture, ITestOutputHelper output)
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    private EntryPointClient Bundled() => _chain.CreateBundlerEntryPointClient(fixture.Bundler);

    [Fact]
    public async Task The_one_click_flow_goes_through_the_bundler_with_estimated_gas()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var (account, session, enable) = await SetUpAsync(nameof(The_one_click_flow_goes_through_the_bundler_with_estimated_gas), owner, sessionKey);
        var bobBefore = await _chain.GetUsdcBalanceAsync(Bob);

        var receipt = await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc), sessionKey);

        Assert.True(receipt.Success);
        Assert.Equal(account.Address, receipt.Sender);
        Assert.Equal(bobBefore + (5 * Usdc), await _chain.GetUsdcBalanceAsync(Bob));
        // The bundler's own key sent the bundle, and this operation is in it as the chain saw it.
        var transaction = await _chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(receipt.TransactionHash.ToString());
        Assert.Equal(fixture.Bundler.Executor.Address, Address.Parse(transaction.From));
        var onChain = await _chain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(receipt.TransactionHash.ToString());
        Assert.Equal(receipt.TransactionGasUsed, onChain.GasUsed.Value);
        // Estimated limits: far below the fixed defaults' cost (2M/1M/100k), which the EntryPoint charges 10% of unused call gas on.
        Assert.True(receipt.ActualGasUsed < 300_000, $"actualGasUsed {receipt.ActualGasUsed}");
        output.WriteLine($"through alto: create + enable actualGasUsed {enable.ActualGasUsed}; USE transfer actualGasUsed {receipt.ActualGasUsed}, tx gas {receipt.TransactionGasUsed}");
    }

    [Fact]
    public async Task ENABLE_mode_deploys_enables_and_transfers_in_one_bundled_operation()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash("bundled enable mode"), Bundled());
        await _chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), default, _chain.SmartSessions);

        var approval = await account.SignEnableSessionAsync(session, owner);
        var first = await account.ExecuteAsync(approval, [UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc)], sessionKey);

        Assert.True(first.Success);
        Assert.True(await account.IsPermissionEnabledAsync(session.PermissionId));
        Assert.Equal(new BigInteger(995 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
        var replay = await Assert.ThrowsAsync<UserOperationRejectedException>(() =>
            account.ExecuteAsync(approval, [UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc)], sessionKey));
        Assert.Equal("HashMismatch", replay.Error.Root.Name);
        output.WriteLine($"deploy + ENABLE + transfer through alto: actualGasUsed {first.ActualGasUsed}; replay: {replay.Error}");
    }

    [Fact]
    public async Task Each_refusal_is_the_same_decoded_rejection_as_the_EntryPoints()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        using var stranger = PrivateKeySigner.Generate();
        var (account, session, _) = await SetUpAsync(nameof(Each_refusal_is_the_same_decoded_rejection_as_the_EntryPoints), owner, sessionKey);
        var direct = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash(nameof(Each_refusal_is_the_same_decoded_rejection_as_the_EntryPoints)));
        Assert.Equal(account.Address, direct.Address); // the same account, sent directly: the EntryPoint's own refusal

        async Task Same(Func<SmartAccount, Task> send, string name, string reason)
        {
            var bundled = await Assert.ThrowsAsync<UserOperationRejectedException>(() => send(account));
            var own = await Assert.ThrowsAsync<UserOperationRejectedException>(() => send(direct));
            Assert.IsType<Nethereum.JsonRpc.Client.RpcResponseException>(bundled.InnerException); // it came from the bundler
            Assert.Null(own.InnerException);                                                     // it came from the simulation
            Assert.Equal(name, bundled.Error.Name);
            Assert.Equal(reason, bundled.Error.Root.Name);
            Assert.Equal(own.Error.ToString(), bundled.Error.ToString());
            output.WriteLine($"{bundled.Error}  ← {bundled.InnerException!.Message}");
        }

        var tooMuch = UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 101 * Usdc);
        await Same(a => SendUncheckedAsync(a, session, tooMuch, sessionKey), "FailedOpWithRevert", "PolicyViolation");
        var approve = UsdcTrading.Approve(_chain.Contracts.Usdc, Bob, Usdc);
        await Same(a => SendUncheckedAsync(a, session, approve, sessionKey), "FailedOpWithRevert", "NoPoliciesSet");
        await Same(a => a.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc), stranger), "FailedOp", "FailedOp");
        Assert.Equal(new BigInteger(1_000 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task Ten_concurrent_operations_of_one_account_all_land_through_the_bundler()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var (account, session, _) = await SetUpAsync(nameof(Ten_concurrent_operations_of_one_account_all_land_through_the_bundler), owner, sessionKey);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() =>
            account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc), sessionKey))));

        Assert.All(receipts, r => Assert.True(r.Success));
        Assert.Equal(10, receipts.Select(r => r.Nonce).Distinct().Count());
        Assert.Equal(new BigInteger(950 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
        output.WriteLine($"10 concurrent operations in {receipts.Select(r => r.TransactionHash).Distinct().Count()} bundles");
    }

    /// <summary>A fresh account (sending through the bundler) holding 1,000 USDC whose owner enabled the one-click session through it.</summary>
    private async Task<(SmartAccount Account, Session Session, UserOperationReceipt Enable)> SetUpAsync(string name, PrivateKeySigner owner, PrivateKeySigner sessionKey)
    {
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), Keccak256.Hash(name), _chain.SmartSessions);
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash(name), Bundled());
        await _chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        var enable = await account.EnableSessionAsync(session, owner);
        Assert.True(enable.Success);
        Assert.True(await account.IsPermissionEnabledAsync(session.PermissionId));
        return (account, session, enable);
    }
}
