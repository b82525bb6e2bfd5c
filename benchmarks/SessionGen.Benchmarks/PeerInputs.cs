using System;
using System.Collections.Generic;
using System.Numerics;
using SessionGen.Abi;
using SessionGen.Protocol;
using SessionGen.Signing;

namespace SessionGen.Benchmarks;

/// <summary>
/// The one place the C# side's benchmark inputs are defined. benchmarks/node/peers.mjs defines the same values in its
/// "Inputs" block; <c>--peer-outputs</c> prints what both sides compute from them, and
/// tests/SessionGen.IntegrationTests/Benchmarks checks that the two agree byte for byte.
/// </summary>
public static class PeerInputs
{
    /// <summary>Recipient of the transfer and of the swap.</summary>
    public static readonly Address Recipient = Address.Parse("0x1111111111111111111111111111111111111111");

    /// <summary>USDC (mainnet address): transfer token, swap input, spending-limit token.</summary>
    public static readonly Address TokenIn = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");

    /// <summary>WETH (mainnet address): swap output.</summary>
    public static readonly Address TokenOut = Address.Parse("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");

    /// <summary>5 USDC.</summary>
    public static readonly BigInteger TransferAmount = 5_000_000;

    /// <summary>The swap's pool fee (0.3 %).</summary>
    public const uint SwapFee = 3000;

    /// <summary>2026-01-01T00:00:00Z: the swap deadline and the session's end.</summary>
    public const ulong Deadline = 1767225600;

    /// <summary>100 USDC in, at least 0.03 WETH out, no price limit.</summary>
    public static readonly BigInteger AmountIn = 100_000_000;

    /// <summary>0.03 WETH.</summary>
    public static readonly BigInteger AmountOutMinimum = 30_000_000_000_000_000;

    /// <summary>The session key (a fixed test key: 0x42 repeated).</summary>
    public const string SessionKey = "0x4242424242424242424242424242424242424242424242424242424242424242";

    /// <summary>The hash the session key signs: keccak256("user operation").</summary>
    public static readonly Bytes32 UserOpHash = Keccak256.Hash("user operation");

    /// <summary>The session's salt: keccak256("one-click trading").</summary>
    public static readonly Bytes32 Salt = Keccak256.Hash("one-click trading");

    /// <summary>The spending limit of the session: 100 USDC.</summary>
    public static readonly BigInteger SpendingLimit = 100_000_000;

    /// <summary>The chain the session is enabled on (a local devnet).</summary>
    public const ulong ChainId = 31337;

    /// <summary>The smart account enabling the session.</summary>
    public static readonly Address Account = Address.Parse("0x3333333333333333333333333333333333333333");

    /// <summary>The module's nonce for the session on that account.</summary>
    public static readonly BigInteger EnableNonce = 0;

    /// <summary>Stand-ins for the owner's enable signature (85 bytes: validator prefix + 65) and the session key's user-op signature.</summary>
    public static readonly byte[] PermissionEnableSig = Filled(0xab, 85);

    /// <inheritdoc cref="PermissionEnableSig"/>
    public static readonly byte[] UserOpSignature = Filled(0xcd, 65);

    /// <summary>The session key's address.</summary>
    public static readonly Address SessionKeyAddress = GetSessionKeyAddress();

    /// <summary>
    /// The reference scenario "one-click trading" on the current module: the ownable validator with the session key as
    /// sole owner, a time frame until <see cref="Deadline"/>, and USDC <c>transfer</c> under a 100 USDC spending limit.
    /// </summary>
    public static readonly Session OneClickSession = new(
        SmartSessionDeployment.Current.OwnableValidator,
        SessionValidatorInitData.Ownable(1, SessionKeyAddress),
        Salt,
        [Policies.TimeFrame(Deadline, 0)],
        ERC7739Data.None,
        [new ActionData(TokenIn, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(TokenIn, SpendingLimit))],
        permitERC4337Paymaster: true);

    /// <summary>The sessions list install data and enableSessions take.</summary>
    public static readonly IReadOnlyList<Session> Sessions = [OneClickSession];

    /// <summary>The swap of the calldata benchmarks.</summary>
    public static readonly SwapRouter.ExactInputSingleParams Swap = new(TokenIn, TokenOut, SwapFee, Recipient, Deadline, AmountIn, AmountOutMinimum, BigInteger.Zero);

    /// <summary>The transfer's calldata.</summary>
    public static readonly byte[] TransferCalldata = Erc20.Calldata.Transfer(Recipient, TransferAmount);

    /// <summary>The swap's calldata.</summary>
    public static readonly byte[] SwapCalldata = SwapRouter.Calldata.ExactInputSingle(Swap);

    /// <summary>The calls batched by <c>multicall(bytes[])</c>: transfer, swap, transfer.</summary>
    public static readonly IReadOnlyList<ReadOnlyMemory<byte>> MulticallData = [TransferCalldata, SwapCalldata, TransferCalldata];

    /// <summary>The enable digest's one chain.</summary>
    public static ChainDigest EnableChain => EnableDigest.ForChain(ChainId, OneClickSession, Account, EnableNonce);

    /// <summary>
    /// A typical ENABLE payload, as the user-op signature compresses it: <c>abi.encode(EnableSession, bytes signature)</c>
    /// with the session above enabled on one chain.
    /// </summary>
    public static readonly byte[] EnablePayload = EncodeEnablePayload();

    private static Address GetSessionKeyAddress()
    {
        using var signer = PrivateKeySigner.FromPrivateKey(SessionKey);
        return signer.Address;
    }

    private static byte[] EncodeEnablePayload()
    {
        var enable = new EnableSession(0, [EnableChain], OneClickSession, PermissionEnableSig);
        var buffer = new byte[(2 * AbiSize.Word) + SessionAbi.GetEncodedSize(enable) + AbiSize.Bytes(UserOpSignature.Length)];
        var writer = new AbiWriter(buffer, 0, 2 * AbiSize.Word);
        SessionAbi.Write(ref writer, enable);
        writer.WriteBytes(UserOpSignature);
        return buffer;
    }

    private static byte[] Filled(byte value, int length)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(value);
        return bytes;
    }
}
