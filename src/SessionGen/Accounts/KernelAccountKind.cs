using System;
using System.Numerics;
using System.Text;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Execution;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Accounts;

/// <summary>
/// ZeroDev Kernel v3 (0.3.1, as modulekit 0.5.9 ships it): nonce key <c>[1 byte mode 0x00][1 byte type][20 bytes validator][2 bytes lane]</c>
/// with type 0x00 for the root validator (the owner's, chosen at creation; the address bytes are then ignored) and 0x01
/// for any other validator, which also needs the right to call <c>execute</c> (granted when it is installed here);
/// ERC-1271 signature <c>0x01 ‖ validator ‖ signature</c> over the hash wrapped in Kernel's EIP-712 domain
/// (<c>Kernel(bytes32 hash)</c>, "Kernel" "0.3.1", chain id, the account); validators are no list (uninstall needs no
/// previous entry); created by <c>KernelFactory.createAccount(initialize(…), salt)</c>.
/// </summary>
public sealed class KernelAccountKind : AccountKind
{
    /// <summary><c>createAccount(bytes data, bytes32 salt)</c>.</summary>
    public static readonly Selector CreateAccountSelector = Selector.FromSignature("createAccount(bytes,bytes32)");

    /// <summary><c>getAddress(bytes data, bytes32 salt)</c>.</summary>
    public static readonly Selector GetAddressSelector = Selector.FromSignature("getAddress(bytes,bytes32)");

    /// <summary><c>initialize(bytes21 rootValidator, address hook, bytes validatorData, bytes hookData, bytes[] initConfig)</c>.</summary>
    public static readonly Selector InitializeSelector = Selector.FromSignature("initialize(bytes21,address,bytes,bytes,bytes[])");

    /// <summary>The validation type of the root validator in a nonce key.</summary>
    public const byte RootType = 0x00;

    /// <summary>The validation type of any other (ERC-7579) validator in a nonce key and a signature.</summary>
    public const byte ValidatorType = 0x01;

    // Kernel's "no hook" marker in a validation config (address(0) means not installed).
    private static readonly Address NoHook = Address.Parse("0x0000000000000000000000000000000000000001");
    private static readonly Bytes32 WrapperTypeHash = Keccak256.Hash("Kernel(bytes32 hash)");
    private static readonly Bytes32 DomainTypeHash = Keccak256.Hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    private static readonly Bytes32 NameHash = Keccak256.Hash("Kernel");
    private static readonly Bytes32 VersionHash = Keccak256.Hash("0.3.1");

    private readonly Address? _factory;

    /// <summary>The kind with its factory, able to create accounts.</summary>
    /// <param name="factory">The <c>KernelFactory</c> (whose implementation is Kernel 0.3.1).</param>
    public KernelAccountKind(Address factory) => _factory = factory;

    internal KernelAccountKind()
    {
    }

    /// <inheritdoc/>
    public override string Name => "ZeroDev Kernel v3";

    /// <inheritdoc/>
    public override BigInteger GetNonceKey(Address validator, uint lane) => Key(ValidatorType, validator, lane);

    /// <inheritdoc/>
    public override BigInteger GetOwnerNonceKey(Address ownerValidator, uint lane) => Key(RootType, ownerValidator, lane);

    /// <inheritdoc/>
    public override Address GetValidator(BigInteger nonce)
    {
        Span<byte> key = stackalloc byte[24];
        KeyToBytes(nonce, key);
        return new Address(key[2..22]);
    }

    /// <inheritdoc/>
    public override byte[] FormatErc1271Signature(Address validator, ReadOnlySpan<byte> signature)
    {
        var result = new byte[1 + Address.Length + signature.Length];
        result[0] = ValidatorType;
        validator.WriteTo(result.AsSpan(1));
        signature.CopyTo(result.AsSpan(1 + Address.Length));
        return result;
    }

    /// <inheritdoc/>
    public override Bytes32 GetErc1271Hash(Address account, ulong chainId, Bytes32 hash)
    {
        Span<byte> buffer = stackalloc byte[5 * AbiSize.Word];
        DomainTypeHash.WriteTo(buffer);
        NameHash.WriteTo(buffer[32..]);
        VersionHash.WriteTo(buffer[64..]);
        buffer[96..128].Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(buffer[120..128], chainId);
        buffer[128..140].Clear();
        account.WriteTo(buffer[140..]);
        var domain = Keccak256.Hash(buffer);

        WrapperTypeHash.WriteTo(buffer);
        hash.WriteTo(buffer[32..]);
        var structHash = Keccak256.Hash(buffer[..64]);

        Span<byte> digest = stackalloc byte[66];
        digest[0] = 0x19;
        digest[1] = 0x01;
        domain.WriteTo(digest[2..]);
        structHash.WriteTo(digest[34..]);
        return Keccak256.Hash(digest);
    }

    /// <summary>
    /// <c>installModule(1, validator, hook ‖ abi.encode(validatorData, hookData, selectorData))</c> with no hook and the
    /// right to call <c>execute</c>: Kernel lets a non-root validator validate only the selectors granted to it.
    /// </summary>
    public override Call InstallValidator(Address account, Address validator, ReadOnlySpan<byte> initData) =>
        Call.To(account, EncodeModuleCall(InstallModuleSelector, ValidatorModuleType, validator, EncodeValidatorInstallData(initData)));

    /// <summary>Kernel removes a validator by its identifier alone: <c>uninstallModule(1, validator, deInitData)</c>.</summary>
    public override Task<Call> UninstallValidatorAsync(EntryPointClient chain, Address account, Address validator, ReadOnlyMemory<byte> deInitData) =>
        Task.FromResult(Call.To(account, EncodeModuleCall(UninstallModuleSelector, ValidatorModuleType, validator, deInitData.Span)));

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
        return ReadAddressWord(await chain.CallAsync(factory, EncodeFactoryCall(GetAddressSelector, creation)).ConfigureAwait(false), factory);
    }

    /// <summary>
    /// <c>initialize(0x01 ‖ ownerValidator, no hook, ownerInitData, "", initConfig)</c>, where initConfig installs the other
    /// validators by calls to the account itself.
    /// </summary>
    public byte[] EncodeInitialize(AccountCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var owner = creation.OwnerValidator;
        var initConfig = new byte[creation.OtherValidators.Count][];
        var size = owner.InitData.Length;
        for (var i = 0; i < initConfig.Length; i++)
        {
            var other = creation.OtherValidators[i];
            initConfig[i] = EncodeModuleCall(InstallModuleSelector, ValidatorModuleType, other.Module, EncodeValidatorInstallData(other.InitData.Span));
            size += initConfig[i].Length;
        }

        return AbiScratch.Encode(InitializeSelector, 5, AbiScratch.Bound(size, 4 + initConfig.Length), (ref AbiWriter w) =>
        {
            var root = new byte[21];
            root[0] = ValidatorType;
            owner.Module.WriteTo(root.AsSpan(1));
            w.WriteFixedBytes(root);
            w.WriteAddress(NoHook);
            w.WriteBytes(owner.InitData.Span);
            w.WriteBytes(ReadOnlySpan<byte>.Empty);
            var calls = w.BeginDynamicArray(initConfig.Length, AbiSize.Word);
            foreach (var call in initConfig)
            {
                calls.WriteBytes(call);
            }

            w.End(calls);
        });
    }

    private static BigInteger Key(byte type, Address validator, uint lane)
    {
        if (lane > ushort.MaxValue)
        {
            throw new NotSupportedException($"The Kernel nonce key has 16 bits for lanes; lane {lane} does not fit.");
        }

        // mode 0x00 (default validation) ‖ type ‖ validator ‖ 2-byte lane.
        Span<byte> key = stackalloc byte[24];
        key[0] = 0x00;
        key[1] = type;
        validator.WriteTo(key[2..22]);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(key[22..], (ushort)lane);
        return KeyFromBytes(key);
    }

    /// <summary><c>hook (none) ‖ abi.encode(bytes validatorData, bytes hookData, bytes selectorData = execute)</c>.</summary>
    private static byte[] EncodeValidatorInstallData(ReadOnlySpan<byte> validatorData)
    {
        var encoded = new byte[Address.Length + (3 * AbiSize.Word) + AbiSize.Bytes(validatorData.Length) + AbiSize.Bytes(0) + AbiSize.Bytes(4)];
        NoHook.WriteTo(encoded);
        var writer = new AbiWriter(encoded, Address.Length, 3 * AbiSize.Word);
        writer.WriteBytes(validatorData);
        writer.WriteBytes(ReadOnlySpan<byte>.Empty);
        var selector = new byte[4];
        Erc7579Execution.ExecuteSelector.WriteTo(selector);
        writer.WriteBytes(selector);
        return encoded;
    }

    private byte[] EncodeFactoryCall(Selector selector, AccountCreation creation)
    {
        var data = EncodeInitialize(creation);
        var salt = creation.Salt;
        return AbiScratch.Encode(selector, 2, AbiScratch.Bound(data.Length, 2), (ref AbiWriter w) =>
        {
            w.WriteBytes(data);
            w.WriteBytes32(salt);
        });
    }
}
