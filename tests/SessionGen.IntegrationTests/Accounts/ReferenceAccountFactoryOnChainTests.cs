using System;
using System.Threading.Tasks;
using SessionGen.Accounts;
using SessionGen.Abi;
using SessionGen.IntegrationTests.Devnet;
using Xunit;

namespace SessionGen.IntegrationTests.Accounts;

public sealed class ReferenceAccountFactoryOnChainTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task CreateAccount_deploys_at_the_counterfactual_address_with_the_owner_validator_installed()
    {
        var owner = Address.Parse("0x00000000000000000000000000000000000000a1");
        var contracts = _chain.Contracts;
        var ownerInit = OwnableValidatorInitData.ForOwner(owner);
        var initData = ReferenceAccountFactory.EncodeAccountInitData(
            contracts.AccountBootstrap, [new ModuleInit(contracts.OwnerValidator, ownerInit)]);
        var salt = Keccak256.Hash("factory-on-chain");

        var predicted = new Address((await _chain.CallAsync(contracts.AccountFactory, ReferenceAccountFactory.EncodeGetAddress(salt, initData))).AsSpan(12, 20));
        Assert.Empty(await _chain.GetCodeAsync(predicted));

        await _chain.SendAsync(contracts.AccountFactory, ReferenceAccountFactory.EncodeCreateAccount(salt, initData));

        Assert.NotEmpty(await _chain.GetCodeAsync(predicted));
        var isInstalled = Selector.FromSignature("isModuleInstalled(uint256,address,bytes)");
        var query = new byte[4 + (4 * AbiSize.Word)];
        isInstalled.WriteTo(query);
        var writer = new AbiWriter(query, 4, 3 * AbiSize.Word);
        writer.WriteUInt64(1);
        writer.WriteAddress(contracts.OwnerValidator);
        writer.WriteBytes(ReadOnlySpan<byte>.Empty);
        Assert.Equal(1, (await _chain.CallAsync(predicted, query))[31]);

        var getOwners = new byte[4 + AbiSize.Word];
        Selector.FromSignature("getOwners(address)").WriteTo(getOwners);
        new AbiWriter(getOwners, 4, AbiSize.Word).WriteAddress(predicted);
        var owners = await _chain.CallAsync(contracts.OwnerValidator, getOwners);
        Assert.Equal(1, owners[63]); // one owner
        Assert.Equal(owner, new Address(owners.AsSpan(64 + 12, 20)));
    }
}
