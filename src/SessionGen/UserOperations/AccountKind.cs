using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Accounts;
using SessionGen.Execution;
using SessionGen.Transport;

namespace SessionGen.UserOperations;

/// <summary>
/// Everything that differs between smart-account implementations and that this library needs to know: how the
/// nonce key selects the validator of a user operation, how an ERC-1271 signature names its validator, how the
/// account is created (factory call, counterfactual address), how modules are installed and uninstalled, and how
/// calls are executed. Every account goes through this seam; there is one subclass per account kind.
/// </summary>
/// <remarks>
/// <para>ERC-7579 leaves the choice of validator to the account: the reference implementation (MSA) and Safe7579 read it
/// from the top 20 bytes of the nonce, Nexus after a lane and a mode byte, Kernel v3 after a mode and a type byte.</para>
/// <para>The static instances (<see cref="Erc7579Reference"/>, <see cref="Safe7579"/>, <see cref="Nexus"/>, <see cref="Kernel"/>)
/// know the layout only, which is all an attached account needs (<see cref="SmartAccount.Attach"/>). To create accounts,
/// construct the kind with its factory contracts (e.g. <see cref="NexusAccountKind(Address, Address)"/>).</para>
/// </remarks>
public abstract class AccountKind
{
    /// <summary>ERC-7579 module type of a validator.</summary>
    public const int ValidatorModuleType = 1;

    /// <summary><c>installModule(uint256 moduleTypeId, address module, bytes initData)</c>.</summary>
    public static readonly Selector InstallModuleSelector = Selector.FromSignature("installModule(uint256,address,bytes)");

    /// <summary><c>uninstallModule(uint256 moduleTypeId, address module, bytes deInitData)</c>.</summary>
    public static readonly Selector UninstallModuleSelector = Selector.FromSignature("uninstallModule(uint256,address,bytes)");

    /// <summary><c>isModuleInstalled(uint256 moduleTypeId, address module, bytes additionalContext)</c>.</summary>
    public static readonly Selector IsModuleInstalledSelector = Selector.FromSignature("isModuleInstalled(uint256,address,bytes)");

    /// <summary>For derived account kinds.</summary>
    protected AccountKind()
    {
    }

    /// <summary>The ERC-7579 reference implementation (MSA, as in modulekit), layout only (see <see cref="Erc7579ReferenceAccountKind"/>).</summary>
    public static AccountKind Erc7579Reference { get; } = new Erc7579ReferenceAccountKind();

    /// <summary>Safe 1.4.1 with the Safe7579 adapter, layout only (see <see cref="Safe7579AccountKind"/>).</summary>
    public static AccountKind Safe7579 { get; } = new Safe7579AccountKind();

    /// <summary>Biconomy Nexus, layout only (see <see cref="NexusAccountKind"/>).</summary>
    public static AccountKind Nexus { get; } = new NexusAccountKind();

    /// <summary>ZeroDev Kernel v3, layout only (see <see cref="KernelAccountKind"/>).</summary>
    public static AccountKind Kernel { get; } = new KernelAccountKind();

    /// <summary>A short name for messages.</summary>
    public abstract string Name { get; }

    /// <summary>The 192-bit nonce key that makes the account validate with <paramref name="validator"/> (lane 0).</summary>
    public BigInteger GetNonceKey(Address validator) => GetNonceKey(validator, 0);

    /// <summary>
    /// A nonce key for <paramref name="validator"/> on an independent lane: each key has its own sequence at the
    /// EntryPoint, so operations in flight at the same time on different lanes neither share a nonce nor need to
    /// land in order.
    /// </summary>
    /// <exception cref="NotSupportedException">The account kind has no room for <paramref name="lane"/> in its key.</exception>
    public abstract BigInteger GetNonceKey(Address validator, uint lane);

    /// <summary>
    /// The nonce key for the account's owner validator: the same as <see cref="GetNonceKey(Address, uint)"/> except where
    /// the account treats the validator it was created with specially (Kernel's root validator).
    /// </summary>
    public virtual BigInteger GetOwnerNonceKey(Address ownerValidator, uint lane) => GetNonceKey(ownerValidator, lane);

    /// <summary>The validator a nonce selects.</summary>
    public abstract Address GetValidator(BigInteger nonce);

    /// <summary>The full nonce for <paramref name="validator"/> at <paramref name="sequence"/> (read the sequence with the EntryPoint's <c>getNonce(sender, key)</c>).</summary>
    public BigInteger GetNonce(Address validator, ulong sequence) => UserOperationNonce.Compose(GetNonceKey(validator), sequence);

    /// <summary>
    /// A signature in the format the account's <c>isValidSignature</c> (ERC-1271) routes to <paramref name="validator"/>:
    /// for example the owner's <c>permissionEnableSig</c> in an ENABLE-mode session signature.
    /// </summary>
    /// <param name="validator">The validator that checks the signature (e.g. the owner validator).</param>
    /// <param name="signature">That validator's signature (for an ECDSA owner: over the raw hash).</param>
    public abstract byte[] FormatErc1271Signature(Address validator, ReadOnlySpan<byte> signature);

    /// <summary>
    /// The hash a validator sees when the account is asked <c>isValidSignature(hash, …)</c> (ERC-1271): the one an ECDSA
    /// owner signs for it. <paramref name="hash"/> itself for most kinds; Kernel wraps it in its EIP-712 domain.
    /// </summary>
    public virtual Bytes32 GetErc1271Hash(Address account, ulong chainId, Bytes32 hash) => hash;

    /// <summary>
    /// The user operation's <c>callData</c> that makes the account run <paramref name="calls"/>: ERC-7579
    /// <c>execute(mode, executionCalldata)</c>, single mode for one call and batch mode otherwise (all four kinds).
    /// </summary>
    public virtual byte[] EncodeExecute(IReadOnlyList<Call> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return calls.Count == 1 ? Erc7579Execution.EncodeExecute(calls[0]) : Erc7579Execution.EncodeExecuteBatch(calls);
    }

    /// <summary>
    /// The call (to the account itself) that installs a validator module with <paramref name="initData"/> — the data
    /// the module's <c>onInstall</c> receives; the kind adds what the account needs around it.
    /// </summary>
    public virtual Call InstallValidator(Address account, Address validator, ReadOnlySpan<byte> initData) =>
        Call.To(account, EncodeModuleCall(InstallModuleSelector, ValidatorModuleType, validator, initData));

    /// <summary>
    /// The call (to the account itself) that uninstalls a validator, which must be installed. Accounts that keep
    /// validators in a linked list (MSA, Safe7579, Nexus) need the entry before it: it is read from the chain here.
    /// </summary>
    /// <param name="chain">Where the account is.</param>
    /// <param name="account">The account.</param>
    /// <param name="validator">The validator to remove.</param>
    /// <param name="deInitData">What the module's <c>onUninstall</c> receives.</param>
    /// <exception cref="InvalidOperationException">The validator is not installed on the account.</exception>
    public virtual async Task<Call> UninstallValidatorAsync(EntryPointClient chain, Address account, Address validator, ReadOnlyMemory<byte> deInitData)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var previous = await ValidatorList.GetPreviousAsync(chain, account, validator).ConfigureAwait(false);
        var data = new byte[(2 * AbiSize.Word) + AbiSize.Bytes(deInitData.Length)];
        var writer = new AbiWriter(data, 0, 2 * AbiSize.Word);
        writer.WriteAddress(previous);
        writer.WriteBytes(deInitData.Span);
        return Call.To(account, EncodeModuleCall(UninstallModuleSelector, ValidatorModuleType, validator, data));
    }

    /// <summary>Whether <paramref name="validator"/> is installed on the deployed <paramref name="account"/> (<c>isModuleInstalled</c>).</summary>
    public virtual async Task<bool> IsValidatorInstalledAsync(EntryPointClient chain, Address account, Address validator)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var (output, revert) = await chain.TryCallAsync(account, EncodeModuleCall(IsModuleInstalledSelector, ValidatorModuleType, validator, ReadOnlySpan<byte>.Empty)).ConfigureAwait(false);
        return revert is null && output is { Length: AbiSize.Word } && output[^1] == 1;
    }

    /// <summary>The factory call of an operation's <c>initCode</c> that creates the account for <paramref name="creation"/>.</summary>
    /// <exception cref="InvalidOperationException">This instance knows the layout only (no factory contracts).</exception>
    public abstract AccountFactoryCall GetFactoryCall(AccountCreation creation);

    /// <summary>The counterfactual address of the account for <paramref name="creation"/> (read from the factory where it tells).</summary>
    /// <exception cref="InvalidOperationException">This instance knows the layout only, or the factory did not answer.</exception>
    public abstract Task<Address> GetAddressAsync(EntryPointClient chain, AccountCreation creation);

    /// <summary>
    /// The <c>callData</c> of the operation that deploys the account, for an operation whose callData would otherwise be
    /// <paramref name="callData"/>. Unchanged for most kinds; Safe's launchpad set-up wraps it.
    /// </summary>
    public virtual byte[] EncodeDeployingCallData(AccountCreation creation, byte[] callData) => callData;

    /// <summary>
    /// Whether the account answers <c>isValidSignature</c> (ERC-1271) during the operation that deploys it — which an
    /// ENABLE-mode session operation on an undeployed account needs (the SmartSession module checks the owner's approval
    /// through it). True for most kinds; a Safe is still its launchpad then.
    /// </summary>
    public virtual bool ChecksErc1271WhileDeploying => true;

    /// <summary>The account kind's name.</summary>
    public override string ToString() => Name;

    /// <summary><c>selector(uint256 type, address module, bytes data)</c>.</summary>
    protected static byte[] EncodeModuleCall(Selector selector, int moduleType, Address module, ReadOnlySpan<byte> data)
    {
        var result = new byte[4 + (3 * AbiSize.Word) + AbiSize.Bytes(data.Length)];
        selector.WriteTo(result);
        var writer = new AbiWriter(result, 4, 3 * AbiSize.Word);
        writer.WriteUInt64((ulong)moduleType);
        writer.WriteAddress(module);
        writer.WriteBytes(data);
        return result;
    }

    /// <summary>The layout-only message for a kind constructed without factory contracts.</summary>
    protected InvalidOperationException NoFactory() =>
        new($"This {Name} instance knows the account layout only: construct it with its factory contracts to create accounts.");

    /// <summary>The address in a factory's one-word answer (an ABI <c>address</c>).</summary>
    protected static Address ReadAddressWord(byte[] output, Address factory) =>
        output.Length == AbiSize.Word
            ? new Address(output.AsSpan(12, Address.Length))
            : throw new InvalidOperationException($"The factory at {factory} answered with {output.Length} bytes (no factory there?).");

    /// <summary>
    /// The layout the MSA and Safe7579 share: <c>validator ‖ 4 bytes</c>, read back as <c>nonce &gt;&gt; 96</c>; the 4 bytes
    /// the account ignores make 2^32 lanes.
    /// </summary>
    protected static BigInteger ValidatorFirstKey(Address validator, uint lane) =>
        (new BigInteger(validator.ToArray(), isUnsigned: true, isBigEndian: true) << 32) | lane;

    /// <summary>The validator of a <see cref="ValidatorFirstKey"/> nonce: its top 20 bytes.</summary>
    protected static Address ValidatorFirst(BigInteger nonce)
    {
        Span<byte> key = stackalloc byte[24];
        KeyToBytes(nonce, key);
        return new Address(key[..Address.Length]);
    }

    /// <summary><c>validator ‖ signature</c>: the ERC-1271 format of the MSA, Safe7579 and Nexus (the account reads the validator from the first 20 bytes and passes the rest on).</summary>
    protected static byte[] ValidatorPrefixed(Address validator, ReadOnlySpan<byte> signature)
    {
        var result = new byte[Address.Length + signature.Length];
        validator.WriteTo(result);
        signature.CopyTo(result.AsSpan(Address.Length));
        return result;
    }

    /// <summary>The 24-byte nonce key as a number.</summary>
    protected static BigInteger KeyFromBytes(ReadOnlySpan<byte> key24) => new(key24, isUnsigned: true, isBigEndian: true);

    /// <summary>The 24 bytes of a nonce's key.</summary>
    protected static void KeyToBytes(BigInteger nonce, Span<byte> key24)
    {
        key24.Clear();
        var key = UserOperationNonce.GetKey(nonce);
        key.TryWriteBytes(key24[(24 - key.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
    }
}
