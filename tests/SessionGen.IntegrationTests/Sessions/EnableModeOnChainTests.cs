using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.IntegrationTests.Devnet;
using SessionGen.Protocol;
using SessionGen.Signing;
using SessionGen.Transport;
using Xunit;
using Xunit.Abstractions;
using static SessionGen.IntegrationTests.Sessions.OnChainSessions;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>ENABLE mode: the owner approves offline, and the app's first session operation enables the session too.</summary>
public sealed class EnableModeOnChainTests(DevnetFixture fixture, ITestOutputHelper output) : IClassFixture<DevnetFixture>
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task The_first_session_operation_deploys_the_account_enables_the_session_and_transfers()
    {
        using var owner = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash("enable mode"));
        await _chain.MintUsdcAsync(account.Address, 1_000 * Usdc);
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), default, _chain.SmartSessions);

        var approval = await account.SignEnableSessionAsync(session, owner); // offline: no transaction
        Assert.False(await account.IsDeployedAsync());
        var first = await account.ExecuteAsync(approval, [UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc)], sessionKey);

        Assert.True(first.Success);
        Assert.True(await account.IsDeployedAsync());
        Assert.True(await account.IsPermissionEnabledAsync(session.PermissionId));
        Assert.Equal(new BigInteger(995 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
        output.WriteLine($"deploy + ENABLE + transfer: tx gas {first.TransactionGasUsed}, actualGasUsed {first.ActualGasUsed}");

        var then = await account.ExecuteAsync(session, UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc), sessionKey);
        Assert.True(then.Success);

        // The approval was for nonce 0; the module's nonce has moved on, so it cannot be replayed.
        var replay = await Assert.ThrowsAsync<UserOperationRejectedException>(() =>
            account.ExecuteAsync(approval, [UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, 5 * Usdc)], sessionKey));
        output.WriteLine($"replayed approval: {replay.Error}");
        Assert.Equal("HashMismatch", replay.Error.Root.Name);
        Assert.Equal(new BigInteger(990 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task An_approval_signed_by_someone_else_is_rejected_by_the_chain()
    {
        using var owner = PrivateKeySigner.Generate();
        using var impostor = PrivateKeySigner.Generate();
        using var sessionKey = PrivateKeySigner.Generate();
        var account = await _chain.CreateAccountAsync(owner.Address, Keccak256.Hash("impostor"));
        await _chain.MintUsdcAsync(account.Address, 10 * Usdc);
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), default, _chain.SmartSessions);

        var approval = await account.SignEnableSessionAsync(session, impostor);
        var rejected = await Assert.ThrowsAsync<UserOperationRejectedException>(() =>
            account.ExecuteAsync(approval, [UsdcTrading.Transfer(_chain.Contracts.Usdc, Bob, Usdc)], sessionKey));

        Assert.Equal("InvalidEnableSignature", rejected.Error.Root.Name);
        Assert.Equal(new BigInteger(10 * Usdc), await _chain.GetUsdcBalanceAsync(account.Address));
    }

    [Fact]
    public async Task The_session_digest_matches_the_module_s_own_getSessionDigest()
    {
        using var sessionKey = PrivateKeySigner.Generate();
        var account = Address.Parse("0x00000000000000000000000000000000000acc01");
        var session = UsdcTrading.CreateSession(_chain.Contracts.Usdc, sessionKey.Address, await _chain.GetChainTimeAsync(), Keccak256.Hash("digest"), _chain.SmartSessions);

        // getSessionDigest(bytes32 permissionId, address account, Session session, uint8 mode)
        var data = new byte[4 + (4 * AbiSize.Word) + SessionAbi.GetEncodedSize(session, SmartSessionVersion.Legacy)];
        new Selector(0x67bb29c4).WriteTo(data);
        var writer = new AbiWriter(data, 4, 4 * AbiSize.Word);
        writer.WriteBytes32(session.PermissionId.Value);
        writer.WriteAddress(account);
        SessionAbi.Write(ref writer, session, SmartSessionVersion.Legacy);
        writer.WriteUInt64((ulong)SmartSessionMode.Enable);
        var onChain = new Bytes32(await _chain.CallAsync(_chain.Contracts.SmartSession, data));

        Assert.Equal(EnableDigest.HashSession(session, account, BigInteger.Zero, SmartSessionMode.Enable, _chain.SmartSessions), onChain);
    }
}
