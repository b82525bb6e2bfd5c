using System;
using System.Linq;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Protocol;
using SessionGen.Signing;
using Xunit;

namespace SessionGen.IntegrationTests.Devnet;

/// <summary>The devnet's own contracts answer as the SmartSession module and current Smart Sessions expect.</summary>
public sealed class DevnetContractsTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private static readonly Selector ValidateSignatureWithData = Selector.FromSignature("validateSignatureWithData(bytes32,bytes,bytes)");
    private static readonly Selector SupportsInterface = Selector.FromSignature("supportsInterface(bytes4)");
    private static readonly Selector IsModuleType = Selector.FromSignature("isModuleType(uint256)");
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task Session_validator_checks_a_single_key_over_the_raw_hash()
    {
        using var key = PrivateKeySigner.Generate();
        using var other = PrivateKeySigner.Generate();
        var hash = Keccak256.Hash("user op");
        var data = SessionValidatorInitData.SingleKey(key.Address);

        Assert.True(await ValidateAsync(hash, key.SignHash(hash).ToArray(), data));
        Assert.False(await ValidateAsync(hash, other.SignHash(hash).ToArray(), data));
        Assert.False(await ValidateAsync(Keccak256.Hash("another op"), key.SignHash(hash).ToArray(), data));
        // eth_sign convention: v + 4 marks a signature over the EIP-191 hash.
        var personal = key.SignHash(Eip191.HashMessage(hash)).ToArray();
        Assert.False(await ValidateAsync(hash, personal, data));
        personal[64] += 4;
        Assert.True(await ValidateAsync(hash, personal, data));
    }

    [Fact]
    public async Task Session_validator_reads_OwnableValidator_init_data_with_a_threshold()
    {
        var keys = Enumerable.Range(0, 3).Select(_ => PrivateKeySigner.Generate()).ToArray();
        try
        {
            var hash = Keccak256.Hash("multisig op");
            var data = SessionValidatorInitData.Ownable(2, keys.Select(k => k.Address).ToArray());
            byte[] Signatures(params PrivateKeySigner[] signers) => signers.SelectMany(s => s.SignHash(hash).ToArray()).ToArray();

            Assert.True(await ValidateAsync(hash, Signatures(keys[0], keys[2]), data));
            Assert.True(await ValidateAsync(hash, Signatures(keys[2], keys[1]), data));
            Assert.False(await ValidateAsync(hash, Signatures(keys[1], keys[1]), data)); // one owner twice
            Assert.False(await ValidateAsync(hash, Signatures(keys[0]), data));          // below the threshold
            using var stranger = PrivateKeySigner.Generate();
            Assert.False(await ValidateAsync(hash, Signatures(keys[0], stranger), data));
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    [Fact]
    public async Task Session_validator_is_a_stateless_validator_module()
    {
        Assert.True(await BoolAsync(_chain.Contracts.SessionKeyValidator, Word(IsModuleType, 7)));
        Assert.False(await BoolAsync(_chain.Contracts.SessionKeyValidator, Word(IsModuleType, 1)));
        Assert.True(await BoolAsync(_chain.Contracts.OwnerValidator, Word(IsModuleType, 1)));
    }

    [Theory]
    [InlineData(nameof(SessionGen.Devnet.DevnetContracts.SpendingLimitPolicy), new[] { 0x05c00895u })]
    [InlineData(nameof(SessionGen.Devnet.DevnetContracts.TimeFramePolicy), new[] { 0x7129edceu, 0x05c00895u, 0xcbf34505u })]
    [InlineData(nameof(SessionGen.Devnet.DevnetContracts.UsageLimitPolicy), new[] { 0x7129edceu, 0x05c00895u })]
    [InlineData(nameof(SessionGen.Devnet.DevnetContracts.ValueLimitPolicy), new[] { 0x7129edceu, 0x05c00895u })]
    [InlineData(nameof(SessionGen.Devnet.DevnetContracts.UniActionPolicy), new[] { 0x05c00895u })]
    [InlineData(nameof(SessionGen.Devnet.DevnetContracts.SudoPolicy), new[] { 0x7129edceu, 0x05c00895u, 0xcbf34505u })]
    public async Task Policies_answer_ERC165_strictly(string policy, uint[] kinds)
    {
        var address = (Address)typeof(SessionGen.Devnet.DevnetContracts).GetProperty(policy)!.GetValue(_chain.Contracts)!;
        uint[] all = [0x7129edce, 0x05c00895, 0xcbf34505];

        Assert.True(await SupportsAsync(address, 0x01ffc9a7));
        Assert.True(await SupportsAsync(address, 0x989c9e46)); // IPolicy (initializeWithMultiplexer), as the upstream policies answer
        Assert.False(await SupportsAsync(address, 0xffffffff));
        foreach (var kind in all)
        {
            Assert.Equal(kinds.Contains(kind), await SupportsAsync(address, kind));
        }
    }

    private async Task<bool> SupportsAsync(Address policy, uint interfaceId)
    {
        var data = new byte[4 + AbiSize.Word];
        SupportsInterface.WriteTo(data);
        new Selector(interfaceId).WriteTo(data.AsSpan(4));
        return await BoolAsync(policy, data);
    }

    private async Task<bool> ValidateAsync(Bytes32 hash, byte[] signature, byte[] initData)
    {
        var data = new byte[4 + (3 * AbiSize.Word) + AbiSize.Bytes(signature.Length) + AbiSize.Bytes(initData.Length)];
        ValidateSignatureWithData.WriteTo(data);
        var writer = new AbiWriter(data, 4, 3 * AbiSize.Word);
        writer.WriteBytes32(hash);
        writer.WriteBytes(signature);
        writer.WriteBytes(initData);
        return await BoolAsync(_chain.Contracts.SessionKeyValidator, data);
    }

    private async Task<bool> BoolAsync(Address contract, byte[] data)
    {
        var word = await _chain.CallAsync(contract, data);
        Assert.Equal(AbiSize.Word, word.Length);
        return word[^1] == 1;
    }

    private static byte[] Word(Selector selector, ulong value)
    {
        var data = new byte[4 + AbiSize.Word];
        selector.WriteTo(data);
        new AbiWriter(data, 4, AbiSize.Word).WriteUInt64(value);
        return data;
    }
}
