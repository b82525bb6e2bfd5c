using System;
using System.Linq;
using System.Threading.Tasks;
using Nethereum.JsonRpc.Client;
using SessionGen.Abi;
using SessionGen.Accounts;
using SessionGen.IntegrationTests.Devnet;
using SessionGen.Signing;
using Xunit;

namespace SessionGen.IntegrationTests.Accounts;

/// <summary>
/// The devnet's owner validator in the OwnableValidator role: it takes OwnableValidator's init data and refuses what
/// OwnableValidator refuses, and checks threshold-of-n ECDSA signatures the way OwnableValidator does.
/// </summary>
public sealed class OwnerValidatorOnChainTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private static readonly Selector IsValidSignatureWithSender = Selector.FromSignature("isValidSignatureWithSender(address,bytes32,bytes)");
    private static readonly Selector ValidateSignatureWithData = Selector.FromSignature("validateSignatureWithData(bytes32,bytes,bytes)");
    private static readonly Selector GetOwners = Selector.FromSignature("getOwners(address)");
    private readonly SessionGen.Devnet.Devnet _chain = fixture.Chain;

    [Fact]
    public async Task Install_refuses_a_bare_owner_unsorted_or_duplicate_owners_and_a_bad_threshold()
    {
        var a = Address.Parse("0x00000000000000000000000000000000000000a1");
        var b = Address.Parse("0x00000000000000000000000000000000000000b2");
        var bareOwner = new byte[AbiSize.Word];
        new AbiWriter(bareOwner, 0, AbiSize.Word).WriteAddress(a);
        var sorted = OwnableValidatorInitData.Encode(1, [a, b]);
        var unsorted = sorted.ToArray();
        a.WriteTo(unsorted.AsSpan((4 * AbiSize.Word) + 12)); // owners [b, a]
        b.WriteTo(unsorted.AsSpan((3 * AbiSize.Word) + 12));
        var duplicate = sorted.ToArray();
        a.WriteTo(duplicate.AsSpan((4 * AbiSize.Word) + 12)); // owners [a, a]
        var zeroThreshold = sorted.ToArray();
        zeroThreshold[31] = 0;
        var highThreshold = sorted.ToArray();
        highThreshold[31] = 3;

        Assert.True(await CreatesAsync(sorted));
        foreach (var refused in new[] { bareOwner, unsorted, duplicate, zeroThreshold, highThreshold })
        {
            Assert.False(await CreatesAsync(refused));
        }
    }

    [Fact]
    public async Task A_two_of_three_account_needs_two_distinct_owners_raw_or_eth_sign()
    {
        using var one = PrivateKeySigner.Generate();
        using var two = PrivateKeySigner.Generate();
        using var three = PrivateKeySigner.Generate();
        using var stranger = PrivateKeySigner.Generate();
        var initData = OwnableValidatorInitData.Encode(2, [one.Address, two.Address, three.Address]);
        var account = await DeployAsync(initData, nameof(A_two_of_three_account_needs_two_distinct_owners_raw_or_eth_sign));
        var owners = await _chain.CallAsync(_chain.Contracts.OwnerValidator, Encode(GetOwners, (ref AbiWriter w) => w.WriteAddress(account), 1));
        var listed = Enumerable.Range(0, 3).Select(i => new Address(owners.AsSpan((2 + i) * AbiSize.Word + 12, 20))).ToArray();
        Assert.Equal(new[] { one.Address, two.Address, three.Address }.Order().ToArray(), listed);

        var hash = Keccak256.Hash("an enable digest");
        var byOne = one.SignHash(hash).ToArray();
        var byThree = three.SignHash(hash).ToArray();
        var byStranger = stranger.SignHash(hash).ToArray();
        var byTwoEthSign = two.SignHash(Eip191.HashMessage(hash)).ToArray();
        byTwoEthSign[64] += 4; // v > 30: an eth_sign signature

        Assert.True(await ValidAsync(account, hash, [.. byOne, .. byThree]));
        Assert.True(await ValidAsync(account, hash, [.. byThree, .. byOne]));
        Assert.True(await ValidAsync(account, hash, [.. byTwoEthSign, .. byOne]));
        Assert.False(await ValidAsync(account, hash, [.. byOne, .. byOne]));
        Assert.False(await ValidAsync(account, hash, [.. byOne, .. byStranger]));
        await Assert.ThrowsAsync<RpcResponseException>(() => ValidAsync(account, hash, byOne)); // fewer than the threshold: InvalidSignature

        // The stateless form a session validator gets: the same rules from the init data alone.
        Assert.True(await StatelessAsync(hash, [.. byOne, .. byTwoEthSign], initData));
        Assert.False(await StatelessAsync(hash, [.. byOne, .. byOne], initData));
        Assert.False(await StatelessAsync(hash, [.. byOne, .. byStranger], initData));
    }

    private async Task<bool> CreatesAsync(byte[] ownerInitData)
    {
        var initData = ReferenceAccountFactory.EncodeAccountInitData(_chain.Contracts.AccountBootstrap, [new ModuleInit(_chain.Contracts.OwnerValidator, ownerInitData)]);
        try
        {
            await _chain.CallAsync(_chain.Contracts.AccountFactory, ReferenceAccountFactory.EncodeCreateAccount(Keccak256.Hash(Hex.Encode(ownerInitData)), initData));
            return true;
        }
        catch (RpcResponseException)
        {
            return false;
        }
    }

    private async Task<Address> DeployAsync(byte[] ownerInitData, string salt)
    {
        var initData = ReferenceAccountFactory.EncodeAccountInitData(_chain.Contracts.AccountBootstrap, [new ModuleInit(_chain.Contracts.OwnerValidator, ownerInitData)]);
        var address = new Address((await _chain.CallAsync(_chain.Contracts.AccountFactory, ReferenceAccountFactory.EncodeGetAddress(Keccak256.Hash(salt), initData))).AsSpan(12, 20));
        await _chain.SendAsync(_chain.Contracts.AccountFactory, ReferenceAccountFactory.EncodeCreateAccount(Keccak256.Hash(salt), initData));
        return address;
    }

    // isValidSignatureWithSender as the account asks it (msg.sender = the account).
    private async Task<bool> ValidAsync(Address account, Bytes32 hash, byte[] signature)
    {
        var call = Encode(IsValidSignatureWithSender, (ref AbiWriter w) => { w.WriteAddress(account); w.WriteBytes32(hash); w.WriteBytes(signature); }, 3, signature.Length);
        var answer = await _chain.CallAsync(_chain.Contracts.OwnerValidator, call, from: account);
        return answer.AsSpan(0, 4).SequenceEqual(new byte[] { 0x16, 0x26, 0xba, 0x7e });
    }

    private async Task<bool> StatelessAsync(Bytes32 hash, byte[] signature, byte[] initData)
    {
        var call = Encode(ValidateSignatureWithData, (ref AbiWriter w) => { w.WriteBytes32(hash); w.WriteBytes(signature); w.WriteBytes(initData); }, 3, signature.Length + initData.Length);
        return (await _chain.CallAsync(_chain.Contracts.OwnerValidator, call))[31] == 1;
    }

    private delegate void Write(ref AbiWriter writer);

    private static byte[] Encode(Selector selector, Write write, int headWords, int dynamicBytes = 0)
    {
        var buffer = new byte[4 + (headWords * AbiSize.Word) + dynamicBytes + (4 * AbiSize.Word)];
        selector.WriteTo(buffer);
        var writer = new AbiWriter(buffer, 4, headWords * AbiSize.Word);
        write(ref writer);
        return buffer[..writer.Position];
    }
}
