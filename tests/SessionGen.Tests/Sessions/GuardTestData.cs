using System;
using System.Collections.Generic;
using System.Numerics;
using SessionGen.Abi;
using SessionGen.Protocol;
using SessionGen.Tests.Protocol;

namespace SessionGen.Tests.Sessions;

/// <summary>Sessions, calls and chain times for the pre-flight check tests.</summary>
internal static class GuardTestData
{
    public const long Usdc = 1_000_000;

    public static readonly Address Token = TestSessions.Usdc;
    public static readonly Address OtherToken = Address.Parse("0xdAC17F958D2ee523a2206206994597C13D831ec7");
    public static readonly Address Bob = Address.Parse("0x000000000000000000000000000000000000b0b0");
    public static readonly Address Dex = Address.Parse("0x1111111254EEB25477B68fb85Ed929f73A960582");
    public static readonly Selector Transfer = Selector.FromSignature("transfer(address,uint256)");
    public static readonly Selector Approve = Selector.FromSignature("approve(address,uint256)");
    public static readonly Selector TransferFrom = Selector.FromSignature("transferFrom(address,address,uint256)");
    public static readonly Selector Swap = Selector.FromSignature("swap(address,uint256,uint256)");

    /// <summary>Valid from 1,700,000,000 until 1,800,000,000 (Unix seconds).</summary>
    public static readonly DateTimeOffset ValidAfter = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    public static readonly DateTimeOffset ValidUntil = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    public static readonly DateTimeOffset Now = ValidAfter.AddDays(1);

    /// <summary>One-click trading: USDC transfer up to 100 USDC, valid for the frame above.</summary>
    public static Session OneClickTrading(BigInteger? limit = null, PolicyAddresses? at = null) =>
        Create([new ActionData(Token, Transfer, Policies.ERC20SpendingLimit(Token, limit ?? 100 * Usdc, at))], at);

    public static Session Create(IEnumerable<ActionData> actions, PolicyAddresses? at = null, IEnumerable<PolicyData>? userOpPolicies = null) =>
        new(
            SmartSessionDeployment.Current.OwnableValidator,
            SessionValidatorInitData.Ownable(1, TestSessions.SessionKey),
            default,
            userOpPolicies ?? [Policies.TimeFrame(ValidUntil, ValidAfter, at)],
            ERC7739Data.None,
            actions);

    public static Call TokenCall(Address token, Selector selector, BigInteger amount, BigInteger value = default) =>
        new(token, value, Encode(selector, Words(Bob), Words(amount)));

    public static Call TransferFromCall(Address token, BigInteger amount) =>
        new(token, BigInteger.Zero, Encode(TransferFrom, Words(Bob), Words(Dex), Words(amount)));

    public static Call SwapCall(Address recipient, BigInteger amountIn, BigInteger minOut, BigInteger value = default) =>
        new(Dex, value, Encode(Swap, Words(recipient), Words(amountIn), Words(minOut)));

    public static byte[] Encode(Selector selector, params byte[][] words)
    {
        var data = new byte[4 + (words.Length * AbiSize.Word)];
        selector.WriteTo(data);
        for (var i = 0; i < words.Length; i++)
        {
            words[i].CopyTo(data, 4 + (i * AbiSize.Word));
        }

        return data;
    }

    public static byte[] Words(Address address)
    {
        var word = new byte[AbiSize.Word];
        address.WriteTo(word.AsSpan(12));
        return word;
    }

    public static byte[] Words(BigInteger value)
    {
        var word = new byte[AbiSize.Word];
        var writer = new AbiWriter(word, 0, AbiSize.Word);
        writer.WriteUInt(value);
        return word;
    }
}
