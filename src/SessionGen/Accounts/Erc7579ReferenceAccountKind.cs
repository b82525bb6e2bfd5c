using System;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Accounts;

/// <summary>
/// The ERC-7579 reference implementation (MSA, as in modulekit): nonce key <c>validator ‖ 4 bytes</c> (the account reads
/// the validator back as <c>nonce &gt;&gt; 96</c>; the 4 bytes it ignores are 2^32 lanes), ERC-1271 signature
/// <c>validator ‖ signature</c>, validators in a SentinelList, created by modulekit's <c>ERC7579Factory</c> with a
/// bootstrap's <c>initMSA</c> (see <see cref="ReferenceAccountFactory"/>).
/// </summary>
public sealed class Erc7579ReferenceAccountKind : AccountKind
{
    private readonly Address? _factory;
    private readonly Address _bootstrap;

    /// <summary>The kind with its factory contracts, able to create accounts.</summary>
    /// <param name="factory">modulekit's <c>ERC7579Factory</c>.</param>
    /// <param name="bootstrap">The bootstrap whose <c>initMSA</c> installs the first validators.</param>
    public Erc7579ReferenceAccountKind(Address factory, Address bootstrap)
    {
        _factory = factory;
        _bootstrap = bootstrap;
    }

    internal Erc7579ReferenceAccountKind()
    {
    }

    /// <inheritdoc/>
    public override string Name => "ERC-7579 reference account (MSA)";

    /// <inheritdoc/>
    public override BigInteger GetNonceKey(Address validator, uint lane) => ValidatorFirstKey(validator, lane);

    /// <inheritdoc/>
    public override Address GetValidator(BigInteger nonce) => ValidatorFirst(nonce);

    /// <inheritdoc/>
    public override byte[] FormatErc1271Signature(Address validator, ReadOnlySpan<byte> signature) =>
        ValidatorPrefixed(validator, signature);

    /// <inheritdoc/>
    public override AccountFactoryCall GetFactoryCall(AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var factory = _factory ?? throw NoFactory();
        var initData = ReferenceAccountFactory.EncodeAccountInitData(_bootstrap, creation.AllValidators);
        return new AccountFactoryCall(factory, ReferenceAccountFactory.EncodeCreateAccount(creation.Salt, initData));
    }

    /// <inheritdoc/>
    public override async Task<Address> GetAddressAsync(EntryPointClient chain, AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(creation);
        var factory = _factory ?? throw NoFactory();
        var initData = ReferenceAccountFactory.EncodeAccountInitData(_bootstrap, creation.AllValidators);
        return ReadAddressWord(await chain.CallAsync(factory, ReferenceAccountFactory.EncodeGetAddress(creation.Salt, initData)).ConfigureAwait(false), factory);
    }
}
