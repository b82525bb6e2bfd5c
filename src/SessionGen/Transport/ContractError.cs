using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using SessionGen.Abi;

namespace SessionGen.Transport;

/// <summary>
/// A decoded Solidity revert: the error's name and arguments, for the errors an EntryPoint v0.7 and a
/// SmartSession module raise. A <c>bytes</c> argument that is itself a known error (the inner revert of
/// <c>FailedOpWithRevert</c>) is decoded as <see cref="Inner"/>.
/// </summary>
public sealed class ContractError
{
    // Signatures of the errors worth naming (EntryPoint v0.7, Solidity built-ins, SmartSession both generations, the
    // Smart Sessions policies, whose errors reach the caller when a policy refuses its init data or reverts in a check,
    // and the account kinds' own refusals).
    private static readonly string[] KnownSignatures =
    [
        "Error(string)",
        "Panic(uint256)",
        "FailedOp(uint256,string)",
        "FailedOpWithRevert(uint256,string,bytes)",
        "PostOpReverted(bytes)",
        "SignatureValidationFailed(address)",
        "ChainIdMismatch(uint64)",
        "HashMismatch(bytes32,bytes32)",
        "InvalidData()",
        "InvalidActionId()",
        "NoExecutionsInBatch()",
        "InvalidTarget()",
        "InvalidEnableSignature(address,bytes32)",
        "InvalidISessionValidator(address)",
        "InvalidSelfCall()",
        "InvalidSession(bytes32)",
        "InvalidSessionKeySignature(bytes32,address,address,bytes32)",
        "SmartSessionModuleAlreadyInstalled(address)",
        "InvalidPermissionId(bytes32)",
        "InvalidCallTarget()",
        "InvalidUserOpSender(address)",
        "NoPoliciesSet(bytes32)",
        "PartlyEnabledActions()",
        "PartlyEnabledPolicies()",
        "PolicyViolation(bytes32,address)",
        "SignerNotFound(bytes32,address)",
        "UnsupportedExecutionType()",
        "UnsupportedPolicy(address)",
        "UnsupportedSmartSessionMode(uint8)",
        "ForbiddenValidationData()",
        "PolicyCheckReverted(bytes32)",
        "PolicyNotInitialized(bytes32,address,address)",
        "ValueLimitExceeded(bytes32,uint256,uint256)",
        "InvalidTokenAddress(address)",
        "InvalidLimit(uint256)",
        "InvalidInitDataLength()",
        "UnsupportedCallType(bytes1)",
        "ExecutionFailed()",               // Safe7579: a validator call through the Safe failed (its reason is not passed on)
        "ValidatorNotInstalled(address)",  // Nexus
        "InvalidModule(address)",          // MSA
        "InvalidValidator()",              // Kernel
        "InvalidSignature()",              // OwnableValidator: fewer signatures than its threshold
    ];

    private static readonly Dictionary<Selector, (string Name, string[] Types)> Known = KnownSignatures.ToDictionary(
        Selector.FromSignature,
        signature =>
        {
            var open = signature.IndexOf('(');
            var types = signature[(open + 1)..^1];
            return (signature[..open], types.Length == 0 ? Array.Empty<string>() : types.Split(','));
        });

    private ContractError(Selector selector, string name, IReadOnlyList<string> arguments, ContractError? inner, byte[] data)
    {
        Selector = selector;
        Name = name;
        Arguments = arguments;
        Inner = inner;
        _data = data;
    }

    private readonly byte[] _data;

    /// <summary>The error's selector (first four bytes of the revert data).</summary>
    public Selector Selector { get; }

    /// <summary>The error's name, e.g. <c>PolicyViolation</c>; for an unknown selector, its hex.</summary>
    public string Name { get; }

    /// <summary>The arguments as text (numbers decimal, addresses EIP-55, bytes hex, strings as they are).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>
    /// A known error carried in a <c>bytes</c> argument (e.g. the inner revert of <c>FailedOpWithRevert</c>), or the
    /// policy's error named in <c>PolicyCheckReverted</c> (its arguments cut short); else null.
    /// </summary>
    public ContractError? Inner { get; }

    /// <summary>The raw revert data.</summary>
    public ReadOnlyMemory<byte> Data => _data;

    /// <summary>The innermost error: the one that says why (e.g. <c>PolicyViolation</c> inside <c>FailedOpWithRevert</c>).</summary>
    public ContractError Root => Inner?.Root ?? this;

    /// <summary>Decodes revert data; null when there is none or it is shorter than a selector (a bare <c>revert()</c>).</summary>
    public static ContractError? Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return null;
        }

        var selector = new Selector(BinaryPrimitives.ReadUInt32BigEndian(data));
        if (!Known.TryGetValue(selector, out var known) || !TryDecodeArguments(data[4..], known.Types, out var arguments, out var inner))
        {
            return new ContractError(selector, selector.ToString(), [Hex.Encode(data[4..])], null, data.ToArray());
        }

        if (known.Name == "PolicyCheckReverted")
        {
            inner = DecodePrefix(data.Slice(4, AbiSize.Word));
        }

        return new ContractError(selector, known.Name, arguments, inner, data.ToArray());
    }

    /// <summary>
    /// The policy's own error inside <c>PolicyCheckReverted(bytes32)</c>: the SmartSession keeps only the first 32 bytes of
    /// a policy's revert, so the error is named by its selector and its arguments are cut short (shown as raw hex).
    /// Null for an empty revert (a zero word).
    /// </summary>
    private static ContractError? DecodePrefix(ReadOnlySpan<byte> word)
    {
        var selector = new Selector(BinaryPrimitives.ReadUInt32BigEndian(word));
        if (selector.Value == 0)
        {
            return null;
        }

        var name = Known.TryGetValue(selector, out var known) ? known.Name : selector.ToString();
        return new ContractError(selector, name, [Hex.Encode(word[4..]) + "…"], null, word.ToArray());
    }

    /// <summary>The error as Solidity would write it, with the inner error expanded: <c>FailedOpWithRevert(0, "AA23 reverted", PolicyViolation(0x…, 0x…))</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Name).Append('(');
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(Inner is not null && i == Arguments.Count - 1 ? Inner.ToString() : Arguments[i]);
        }

        return text.Append(')').ToString();
    }

    private static bool TryDecodeArguments(ReadOnlySpan<byte> args, string[] types, out IReadOnlyList<string> arguments, out ContractError? inner)
    {
        var values = new string[types.Length];
        arguments = values;
        inner = null;
        if (args.Length < types.Length * AbiSize.Word)
        {
            return false;
        }

        for (var i = 0; i < types.Length; i++)
        {
            var word = args.Slice(i * AbiSize.Word, AbiSize.Word);
            switch (types[i])
            {
                case "address":
                    values[i] = new Address(word[12..]).ToString();
                    break;
                case "bytes32":
                    values[i] = Hex.Encode(word);
                    break;
                case "bytes1":
                    values[i] = Hex.Encode(word[..1]);
                    break;
                case "string" or "bytes":
                    if (!TryReadDynamic(args, word, out var content))
                    {
                        return false;
                    }

                    if (types[i] == "string")
                    {
                        values[i] = "\"" + Encoding.UTF8.GetString(content) + "\"";
                    }
                    else
                    {
                        values[i] = Hex.Encode(content);
                        inner = i == types.Length - 1 ? Decode(content) : null;
                    }

                    break;
                default: // uintN
                    values[i] = new BigInteger(word, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
                    break;
            }
        }

        return true;
    }

    private static bool TryReadDynamic(ReadOnlySpan<byte> args, ReadOnlySpan<byte> offsetWord, out ReadOnlySpan<byte> content)
    {
        content = default;
        var offset = new BigInteger(offsetWord, isUnsigned: true, isBigEndian: true);
        if (offset > args.Length - AbiSize.Word)
        {
            return false;
        }

        var start = (int)offset;
        var length = new BigInteger(args.Slice(start, AbiSize.Word), isUnsigned: true, isBigEndian: true);
        if (length > args.Length - start - AbiSize.Word)
        {
            return false;
        }

        content = args.Slice(start + AbiSize.Word, (int)length);
        return true;
    }
}
