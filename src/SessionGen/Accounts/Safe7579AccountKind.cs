using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Accounts;

/// <summary>
/// Safe 1.4.1 with Rhinestone's Safe7579 adapter (1.0.0, as modulekit 0.5.9 ships it), set up through the
/// <c>Safe7579Launchpad</c>: the factory call creates a Safe proxy whose singleton is the launchpad, storing only the
/// hash of the set-up; the first operation's callData is <c>launchpad.setupSafe(InitData)</c>, whose validation
/// installs the validators and lets the one named in the nonce check the operation, and whose execution sets the Safe
/// up (owners, the adapter as module and fallback handler, the real singleton) and then runs the wrapped callData.
/// Nonce key <c>validator ‖ 4 bytes</c> (read back as <c>nonce &gt;&gt; 96</c>, 2^32 lanes), ERC-1271 signature
/// <c>validator ‖ signature</c> for a 7579 validator (a Safe owner's own signature would go through the SafeMessage
/// EIP-712 wrapper instead), validators in a SentinelList.
/// </summary>
public sealed class Safe7579AccountKind : AccountKind
{
    /// <summary>SafeProxyFactory 1.4.1 <c>createProxyWithNonce(address singleton, bytes initializer, uint256 saltNonce)</c>.</summary>
    public static readonly Selector CreateProxyWithNonceSelector = Selector.FromSignature("createProxyWithNonce(address,bytes,uint256)");

    /// <summary>SafeProxyFactory 1.4.1 <c>proxyCreationCode()</c>.</summary>
    public static readonly Selector ProxyCreationCodeSelector = Selector.FromSignature("proxyCreationCode()");

    /// <summary>The launchpad's <c>preValidationSetup(bytes32 initHash, address to, bytes preInit)</c> (the proxy's initializer).</summary>
    public static readonly Selector PreValidationSetupSelector = Selector.FromSignature("preValidationSetup(bytes32,address,bytes)");

    /// <summary>The launchpad's <c>setupSafe(InitData)</c>: the first operation's callData.</summary>
    public static readonly Selector SetupSafeSelector = Selector.FromSignature("setupSafe((address,address[],uint256,address,bytes,address,(address,bytes)[],bytes))");

    /// <summary>The launchpad's <c>initSafe7579(safe7579, executors, fallbacks, hooks, attesters, threshold)</c> (the Safe's set-up delegatecall).</summary>
    public static readonly Selector InitSafe7579Selector = Selector.FromSignature("initSafe7579(address,(address,bytes)[],(address,bytes)[],(address,bytes)[],address[],uint8)");

    private readonly Address? _proxyFactory;
    private readonly Address _singleton;
    private readonly Address _adapter;
    private readonly Address _launchpad;
    private byte[]? _proxyCreationCode;

    /// <summary>The kind with its contracts, able to create accounts.</summary>
    /// <param name="proxyFactory">SafeProxyFactory 1.4.1.</param>
    /// <param name="singleton">The Safe 1.4.1 singleton the account ends up with.</param>
    /// <param name="adapter">The Safe7579 adapter (module and fallback handler).</param>
    /// <param name="launchpad">The Safe7579Launchpad (the proxy's first singleton).</param>
    public Safe7579AccountKind(Address proxyFactory, Address singleton, Address adapter, Address launchpad)
    {
        _proxyFactory = proxyFactory;
        _singleton = singleton;
        _adapter = adapter;
        _launchpad = launchpad;
    }

    internal Safe7579AccountKind()
    {
    }

    /// <inheritdoc/>
    public override string Name => "Safe 1.4.1 + Safe7579";

    /// <inheritdoc/>
    public override BigInteger GetNonceKey(Address validator, uint lane) => ValidatorFirstKey(validator, lane);

    /// <inheritdoc/>
    public override Address GetValidator(BigInteger nonce) => ValidatorFirst(nonce);

    /// <inheritdoc/>
    public override byte[] FormatErc1271Signature(Address validator, ReadOnlySpan<byte> signature) =>
        ValidatorPrefixed(validator, signature);

    /// <summary>
    /// False: during its first operation the Safe's singleton is still the launchpad, which has no <c>isValidSignature</c>,
    /// so an ENABLE-mode approval cannot be checked (the chain refuses it with <c>AA23 reverted</c>).
    /// </summary>
    public override bool ChecksErc1271WhileDeploying => false;

    /// <inheritdoc/>
    public override AccountFactoryCall GetFactoryCall(AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var factory = _proxyFactory ?? throw NoFactory();
        var initializer = EncodeInitializer(creation);
        var launchpad = _launchpad;
        var salt = creation.Salt;
        var call = AbiScratch.Encode(CreateProxyWithNonceSelector, 3, AbiScratch.Bound(initializer.Length, 3), (ref AbiWriter w) =>
        {
            w.WriteAddress(launchpad);
            w.WriteBytes(initializer);
            w.WriteBytes32(salt);
        });
        return new AccountFactoryCall(factory, call);
    }

    /// <summary>SafeProxyFactory's CREATE2 address: salt <c>keccak256(keccak256(initializer) ‖ saltNonce)</c>, code <c>proxyCreationCode ‖ uint256(launchpad)</c>.</summary>
    public override async Task<Address> GetAddressAsync(EntryPointClient chain, AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(creation);
        var factory = _proxyFactory ?? throw NoFactory();
        var creationCode = _proxyCreationCode;
        if (creationCode is null)
        {
            var query = new byte[4];
            ProxyCreationCodeSelector.WriteTo(query);
            var output = await chain.CallAsync(factory, query).ConfigureAwait(false);
            if (output.Length < 2 * AbiSize.Word)
            {
                throw new InvalidOperationException($"The Safe proxy factory at {factory} answered proxyCreationCode() with {output.Length} bytes (no factory there?).");
            }

            var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(output.AsSpan(AbiSize.Word + 24, 8));
            creationCode = _proxyCreationCode = output.AsSpan(2 * AbiSize.Word, length).ToArray();
        }

        Span<byte> saltPreimage = stackalloc byte[64];
        Keccak256.Hash(EncodeInitializer(creation), saltPreimage[..32]);
        creation.Salt.WriteTo(saltPreimage[32..]);

        var code = new byte[creationCode.Length + AbiSize.Word];
        creationCode.CopyTo(code, 0);
        _launchpad.WriteTo(code.AsSpan(creationCode.Length + 12));

        Span<byte> preimage = stackalloc byte[1 + 20 + 32 + 32];
        preimage[0] = 0xff;
        factory.WriteTo(preimage[1..21]);
        Keccak256.Hash(saltPreimage, preimage[21..53]);
        Keccak256.Hash(code, preimage[53..]);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(preimage, hash);
        return new Address(hash[12..]);
    }

    /// <summary>The first operation's callData: <c>setupSafe(InitData)</c> with <paramref name="callData"/> as its <c>callData</c> (run once the Safe is set up).</summary>
    public override byte[] EncodeDeployingCallData(AccountCreation creation, byte[] callData)
    {
        ArgumentNullException.ThrowIfNull(creation);
        ArgumentNullException.ThrowIfNull(callData);
        var setup = GetSetup(creation);
        return AbiScratch.Encode(SetupSafeSelector, 1, AbiScratch.Bound(setup.Size + callData.Length, 12), (ref AbiWriter w) =>
        {
            var data = w.BeginDynamicTuple(8 * AbiSize.Word);
            setup.Write(ref data);
            data.WriteBytes(callData);
            w.End(data);
        });
    }

    /// <summary>
    /// The launchpad's <c>hash(InitData)</c>: <c>keccak256(abi.encode(singleton, owners, threshold, setupTo, setupData,
    /// safe7579, validators))</c> — everything but the wrapped callData, so the address does not depend on it.
    /// </summary>
    public Bytes32 GetInitHash(AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var setup = GetSetup(creation);
        return Keccak256.Hash(AbiScratch.Encode(null, 7, AbiScratch.Bound(setup.Size, 10), setup.Write));
    }

    private byte[] EncodeInitializer(AccountCreation creation)
    {
        var initHash = GetInitHash(creation);
        return AbiScratch.Encode(PreValidationSetupSelector, 3, AbiScratch.Bound(0, 3), (ref AbiWriter w) =>
        {
            w.WriteBytes32(initHash);
            w.WriteAddress(Address.Zero);
            w.WriteBytes(ReadOnlySpan<byte>.Empty);
        });
    }

    private Setup GetSetup(AccountCreation creation)
    {
        var (threshold, owners) = SafeOwners(creation);
        return new Setup(_singleton, owners, threshold, _launchpad, EncodeSetupData(), _adapter, creation.AllValidators);
    }

    /// <summary>The fields of the launchpad's InitData but the last (callData): what its hash covers.</summary>
    private sealed record Setup(Address Singleton, IReadOnlyList<Address> Owners, int Threshold, Address Launchpad, byte[] SetupData, Address Adapter, IReadOnlyList<ModuleInit> Validators)
    {
        public int Size => SetupData.Length + ReferenceAccountFactory.ConfigsSize(Validators) + (Owners.Count * AbiSize.Word);

        public void Write(ref AbiWriter writer)
        {
            writer.WriteAddress(Singleton);
            WriteAddresses(ref writer, Owners);
            writer.WriteUInt64((ulong)Threshold);
            writer.WriteAddress(Launchpad);
            writer.WriteBytes(SetupData);
            writer.WriteAddress(Adapter);
            ReferenceAccountFactory.WriteConfigs(ref writer, Validators);
        }
    }

    /// <summary><c>initSafe7579(adapter, [], [], [], [], 0)</c>: no executors, fallbacks, hooks or registry attesters.</summary>
    private byte[] EncodeSetupData()
    {
        var adapter = _adapter;
        var none = Array.Empty<ModuleInit>();
        return AbiScratch.Encode(InitSafe7579Selector, 6, AbiScratch.Bound(0, 6), (ref AbiWriter w) =>
        {
            w.WriteAddress(adapter);
            ReferenceAccountFactory.WriteConfigs(ref w, none);
            ReferenceAccountFactory.WriteConfigs(ref w, none);
            ReferenceAccountFactory.WriteConfigs(ref w, none);
            WriteAddresses(ref w, Array.Empty<Address>());
            w.WriteUInt64(0);
        });
    }

    /// <summary>
    /// The Safe's own owners and threshold: those of the owner validator when its init data is OwnableValidator's
    /// <c>abi.encode(threshold, owners)</c>, so the Safe and its 7579 validator agree on who owns it.
    /// </summary>
    private static (int Threshold, IReadOnlyList<Address> Owners) SafeOwners(AccountCreation creation)
    {
        var data = creation.OwnerValidator.InitData.Span;
        if (data.Length >= 3 * AbiSize.Word)
        {
            var threshold = ReadSmall(data, 0);
            var offset = ReadSmall(data, AbiSize.Word);
            if (offset == 2 * AbiSize.Word && threshold > 0)
            {
                var count = ReadSmall(data, offset);
                if (count >= threshold && data.Length == offset + ((count + 1) * AbiSize.Word))
                {
                    var owners = new Address[count];
                    for (var i = 0; i < count; i++)
                    {
                        owners[i] = new Address(data.Slice(offset + ((i + 1) * AbiSize.Word) + 12, Address.Length));
                    }

                    return (threshold, owners);
                }
            }
        }

        throw new ArgumentException(
            "A Safe needs owners of its own: give the owner validator OwnableValidator init data (OwnableValidatorInitData.Encode), whose owners and threshold the Safe takes.",
            nameof(creation));
    }

    private static int ReadSmall(ReadOnlySpan<byte> data, int position)
    {
        var word = data.Slice(position, AbiSize.Word);
        return word[..28].IndexOfAnyExcept((byte)0) >= 0 ? -1 : (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(word[28..]);
    }

    private static void WriteAddresses(ref AbiWriter writer, IReadOnlyList<Address> addresses)
    {
        var array = writer.BeginDynamicArray(addresses.Count, AbiSize.Word);
        foreach (var address in addresses)
        {
            array.WriteAddress(address);
        }

        writer.End(array);
    }
}
