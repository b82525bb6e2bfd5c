using System;
using System.Collections.Generic;
using SessionGen.Abi;

namespace SessionGen.Accounts;

/// <summary>
/// Calls to the ERC-7579 reference account (MSA) factory, modulekit's <c>ERC7579Factory</c>: the account is an
/// ERC-1967 proxy created with CREATE2 whose constructor calls <c>initializeAccount(abi.encode(bootstrap,
/// bootstrapCall))</c>, and the bootstrap's <c>initMSA</c> installs the first modules.
/// </summary>
public static class ReferenceAccountFactory
{
    /// <summary><c>createAccount(bytes32 salt, bytes initCode)</c>.</summary>
    public static readonly Selector CreateAccountSelector = Selector.FromSignature("createAccount(bytes32,bytes)");

    /// <summary><c>getAddress(bytes32 salt, bytes initCode)</c>: the counterfactual account address.</summary>
    public static readonly Selector GetAddressSelector = Selector.FromSignature("getAddress(bytes32,bytes)");

    /// <summary>The bootstrap's <c>initMSA(BootstrapConfig[] validators, BootstrapConfig[] executors, BootstrapConfig hook, BootstrapConfig[] fallbacks)</c>.</summary>
    public static readonly Selector InitMsaSelector = Selector.FromSignature("initMSA((address,bytes)[],(address,bytes)[],(address,bytes),(address,bytes)[])");

    /// <summary>
    /// The account's initialization data: <c>abi.encode(bootstrap, initMSA(validators, [], (0, ""), []))</c> —
    /// the <c>initCode</c> argument of <c>createAccount</c> and <c>getAddress</c>.
    /// </summary>
    /// <param name="bootstrap">The MSA bootstrap contract.</param>
    /// <param name="validators">The validators to install (at least one: the account must be able to validate a user operation).</param>
    /// <exception cref="ArgumentException">No validators.</exception>
    public static byte[] EncodeAccountInitData(Address bootstrap, IReadOnlyList<ModuleInit> validators)
    {
        if (validators is null || validators.Count == 0)
        {
            throw new ArgumentException("An account needs at least one validator.", nameof(validators));
        }

        // initMSA(validators, executors = [], hook = (0, ""), fallbacks = []): four head words.
        var initMsaSize = 4 + (4 * AbiSize.Word) + ConfigsSize(validators) + AbiSize.Word + ConfigSize(default) + AbiSize.Word;
        var initMsa = new byte[initMsaSize];
        InitMsaSelector.WriteTo(initMsa);
        var args = new AbiWriter(initMsa, 4, 4 * AbiSize.Word);
        WriteConfigs(ref args, validators);
        WriteConfigs(ref args, Array.Empty<ModuleInit>());
        var hook = args.BeginDynamicTuple(2 * AbiSize.Word);
        WriteConfig(ref hook, default);
        args.End(hook);
        WriteConfigs(ref args, Array.Empty<ModuleInit>());

        var result = new byte[(2 * AbiSize.Word) + AbiSize.Bytes(initMsa.Length)];
        var outer = new AbiWriter(result, 0, 2 * AbiSize.Word);
        outer.WriteAddress(bootstrap);
        outer.WriteBytes(initMsa);
        return result;
    }

    /// <summary>Calldata for <c>createAccount(salt, accountInitData)</c> (the factory part of a user operation's initCode).</summary>
    public static byte[] EncodeCreateAccount(Bytes32 salt, ReadOnlySpan<byte> accountInitData) =>
        EncodeSaltAndBytes(CreateAccountSelector, salt, accountInitData);

    /// <summary>Calldata for <c>getAddress(salt, accountInitData)</c>, which returns the account's counterfactual address.</summary>
    public static byte[] EncodeGetAddress(Bytes32 salt, ReadOnlySpan<byte> accountInitData) =>
        EncodeSaltAndBytes(GetAddressSelector, salt, accountInitData);

    /// <summary>A user operation's <c>initCode</c>: <c>factory ‖ createAccount(salt, accountInitData)</c>.</summary>
    public static byte[] EncodeInitCode(Address factory, Bytes32 salt, ReadOnlySpan<byte> accountInitData)
    {
        var call = EncodeCreateAccount(salt, accountInitData);
        var result = new byte[Address.Length + call.Length];
        factory.WriteTo(result);
        call.CopyTo(result, Address.Length);
        return result;
    }

    private static byte[] EncodeSaltAndBytes(Selector selector, Bytes32 salt, ReadOnlySpan<byte> data)
    {
        var result = new byte[4 + (2 * AbiSize.Word) + AbiSize.Bytes(data.Length)];
        selector.WriteTo(result);
        var writer = new AbiWriter(result, 4, 2 * AbiSize.Word);
        writer.WriteBytes32(salt);
        writer.WriteBytes(data);
        return result;
    }

    internal static int ConfigSize(ModuleInit config) => (2 * AbiSize.Word) + AbiSize.Bytes(config.InitData.Length);

    internal static int ConfigsSize(IReadOnlyList<ModuleInit> configs)
    {
        var size = AbiSize.Word; // length
        foreach (var config in configs)
        {
            size += AbiSize.Word + ConfigSize(config); // offset + (address, bytes) tuple
        }

        return size;
    }

    internal static void WriteConfigs(ref AbiWriter writer, IReadOnlyList<ModuleInit> configs)
    {
        var array = writer.BeginDynamicArray(configs.Count, AbiSize.Word);
        foreach (var config in configs)
        {
            var tuple = array.BeginDynamicTuple(2 * AbiSize.Word);
            WriteConfig(ref tuple, config);
            array.End(tuple);
        }

        writer.End(array);
    }

    internal static void WriteConfig(ref AbiWriter writer, ModuleInit config)
    {
        writer.WriteAddress(config.Module);
        writer.WriteBytes(config.InitData.Span);
    }
}
