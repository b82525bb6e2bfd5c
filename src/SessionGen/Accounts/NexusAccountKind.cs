using System;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Accounts;

/// <summary>
/// Biconomy Nexus (1.0.x, as modulekit 0.5.9 ships it): nonce key <c>[3 bytes lane][1 byte mode 0x00][20 bytes validator]</c>
/// (its NonceLib reads the validator from bytes 4–24 of the nonce; the three leading bytes are free, 2^24 lanes),
/// ERC-1271 signature <c>validator ‖ signature</c>, validators in a SentinelList, created by <c>NexusAccountFactory</c>
/// with <c>abi.encode(bootstrap, initNexus(validators, [], (0, ""), [], registry 0, [], 0))</c>.
/// </summary>
public sealed class NexusAccountKind : AccountKind
{
    /// <summary><c>createAccount(bytes initData, bytes32 salt)</c>.</summary>
    public static readonly Selector CreateAccountSelector = Selector.FromSignature("createAccount(bytes,bytes32)");

    /// <summary><c>computeAccountAddress(bytes initData, bytes32 salt)</c>.</summary>
    public static readonly Selector ComputeAccountAddressSelector = Selector.FromSignature("computeAccountAddress(bytes,bytes32)");

    /// <summary>The bootstrap's <c>initNexus(validators, executors, hook, fallbacks, registry, attesters, threshold)</c>.</summary>
    public static readonly Selector InitNexusSelector = Selector.FromSignature("initNexus((address,bytes)[],(address,bytes)[],(address,bytes),(address,bytes)[],address,address[],uint8)");

    private const int LaneBits = 24;
    private readonly Address? _factory;
    private readonly Address _bootstrap;

    /// <summary>The kind with its factory contracts, able to create accounts.</summary>
    /// <param name="factory">The <c>NexusAccountFactory</c>.</param>
    /// <param name="bootstrap">The <c>NexusBootstrap</c> whose <c>initNexus</c> installs the first validators.</param>
    public NexusAccountKind(Address factory, Address bootstrap)
    {
        _factory = factory;
        _bootstrap = bootstrap;
    }

    internal NexusAccountKind()
    {
    }

    /// <inheritdoc/>
    public override string Name => "Biconomy Nexus";

    /// <inheritdoc/>
    public override BigInteger GetNonceKey(Address validator, uint lane)
    {
        if (lane >= 1u << LaneBits)
        {
            throw new NotSupportedException($"The {Name} nonce key has {LaneBits} bits for lanes; lane {lane} does not fit.");
        }

        // lane (3 bytes) ‖ mode 0x00 (validate) ‖ validator (20 bytes).
        return ((BigInteger)lane << 168) | new BigInteger(validator.ToArray(), isUnsigned: true, isBigEndian: true);
    }

    /// <inheritdoc/>
    public override Address GetValidator(BigInteger nonce)
    {
        Span<byte> key = stackalloc byte[24];
        KeyToBytes(nonce, key);
        return new Address(key[4..]);
    }

    /// <inheritdoc/>
    public override byte[] FormatErc1271Signature(Address validator, ReadOnlySpan<byte> signature) =>
        ValidatorPrefixed(validator, signature);

    /// <inheritdoc/>
    public override AccountFactoryCall GetFactoryCall(AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var factory = _factory ?? throw NoFactory();
        return new AccountFactoryCall(factory, EncodeFactoryCall(CreateAccountSelector, creation));
    }

    /// <inheritdoc/>
    public override async Task<Address> GetAddressAsync(EntryPointClient chain, AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(creation);
        var factory = _factory ?? throw NoFactory();
        return ReadAddressWord(await chain.CallAsync(factory, EncodeFactoryCall(ComputeAccountAddressSelector, creation)).ConfigureAwait(false), factory);
    }

    /// <summary>The account's init data: <c>abi.encode(bootstrap, initNexus(validators, [], (0, ""), [], 0, [], 0))</c>.</summary>
    public byte[] EncodeAccountInitData(AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var validators = creation.AllValidators;
        var none = Array.Empty<ModuleInit>();
        var initNexus = AbiScratch.Encode(InitNexusSelector, 7, AbiScratch.Bound(ReferenceAccountFactory.ConfigsSize(validators), 8), (ref AbiWriter w) =>
        {
            ReferenceAccountFactory.WriteConfigs(ref w, validators);
            ReferenceAccountFactory.WriteConfigs(ref w, none);
            var hook = w.BeginDynamicTuple(2 * AbiSize.Word);
            ReferenceAccountFactory.WriteConfig(ref hook, default);
            w.End(hook);
            ReferenceAccountFactory.WriteConfigs(ref w, none);
            w.WriteAddress(Address.Zero); // no registry: modules are not checked against attestations
            var attesters = w.BeginDynamicArray(0, AbiSize.Word);
            w.End(attesters);
            w.WriteUInt64(0);
        });
        var bootstrap = _bootstrap;
        return AbiScratch.Encode(null, 2, AbiScratch.Bound(initNexus.Length, 2), (ref AbiWriter w) =>
        {
            w.WriteAddress(bootstrap);
            w.WriteBytes(initNexus);
        });
    }

    private byte[] EncodeFactoryCall(Selector selector, AccountCreation creation)
    {
        var initData = EncodeAccountInitData(creation);
        var salt = creation.Salt;
        return AbiScratch.Encode(selector, 2, AbiScratch.Bound(initData.Length, 2), (ref AbiWriter w) =>
        {
            w.WriteBytes(initData);
            w.WriteBytes32(salt);
        });
    }
}
