using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using Xunit.Abstractions;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Bundler;

/// <summary>
/// Sponsored sessions: the app's ERC-7677 paymaster service (the devnet's VerifyingPaymaster) pays for the owner's
/// approval and the session key's transfers, and the account holds no ETH at all.
/// </summary>
[Collection(BundlerCollection.Name)]
public sealed class SponsoredOnChainTests(BundlerFixture fixture, ITestOutputHelper output)
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_paymaster_pays_for_the_approval_and_the_transfers_of_an_account_without_ETH(bool throughBundler)
    {
        var paymaster = await _chain.StartPaymasterAsync();
        var entryPoint = throughBundler
            ? _chain.CreateBundlerEntryPointClient(fixture.Bundler, paymaster.CreateClient())
            : _chain.CreateEntryPointClient(_chain.Keys[2], paymaster.CreateClient());
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var name = $"sponsored {throughBundler}";
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), Keccak256.Hash(name), _chain.SmartSessions);
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash(name), entryPoint);
        await _chain.SetBalanceAsync(account.Address, BigInteger.Zero);
        await _chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        var depositBefore = await _chain.GetPaymasterDepositAsync(paymaster.Address);
        var requestsBefore = paymaster.Requests;

        var enable = await account.EnableSessionAsync(session, owner);
        var transfer = await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc), sessionKey);

        Assert.True(enable.Success && transfer.Success);
        Assert.Equal(new BigInteger(995 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
        Assert.Equal(BigInteger.Zero, await _chain.GetBalanceAsync(account.Address));                     // never held ETH
        var depositAfter = await _chain.GetPaymasterDepositAsync(paymaster.Address);
        Assert.Equal(depositBefore - enable.ActualGasCost - transfer.ActualGasCost, depositAfter);        // the paymaster paid both
        Assert.True(paymaster.Requests >= requestsBefore + 4, $"{paymaster.Requests - requestsBefore} ERC-7677 requests"); // stub + data, twice at least
        output.WriteLine($"{(throughBundler ? "through alto" : "direct")}: sponsored enable actualGasUsed {enable.ActualGasUsed}, sponsored USE transfer actualGasUsed {transfer.ActualGasUsed}; deposit {depositBefore} → {depositAfter}");
    }

    [Fact]
    public async Task Without_the_paymaster_an_account_without_ETH_is_refused()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), Keccak256.Hash("unsponsored"), _chain.SmartSessions);
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash("unsponsored"), _chain.CreateBundlerEntryPointClient(fixture.Bundler));
        await _chain.SetBalanceAsync(account.Address, BigInteger.Zero);

        var refused = await Assert.ThrowsAsync<UserOperationRejectedException>(() => account.EnableSessionAsync(session, owner));

        Assert.Equal("FailedOp", refused.Error.Name);
        Assert.Contains("AA21", refused.Error.Arguments[1]); // didn't pay prefund
    }
}
