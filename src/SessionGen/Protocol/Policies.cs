using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using SessionGen.Abi;

namespace SessionGen.Protocol;

/// <summary>
/// Builds <see cref="PolicyData"/> for the standard Smart Sessions policies with typed parameters and their exact
/// init data. Every builder takes the policy addresses to use; the default is <see cref="PolicyAddresses.Current"/>.
/// </summary>
public static class Policies
{
    /// <summary>The largest <c>uint48</c> timestamp (in seconds), the limit of a time-frame bound.</summary>
    public const ulong MaxUInt48 = (1UL << 48) - 1;

    /// <summary>
    /// SudoPolicy: allows every call of the action (or every user operation). Its init data is empty.
    /// Grant it only on purpose: it puts no limit on the action.
    /// </summary>
    public static PolicyData Sudo(PolicyAddresses? at = null) => new((at ?? PolicyAddresses.Current).Sudo, ReadOnlySpan<byte>.Empty);

    /// <summary>
    /// TimeFramePolicy: valid from <paramref name="validAfter"/> until (not including) <paramref name="validUntil"/>.
    /// Times are truncated to whole seconds (the policy compares <c>block.timestamp</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A time before 1970 or beyond <c>uint48</c> seconds.</exception>
    /// <exception cref="ArgumentException"><paramref name="validUntil"/> is not after <paramref name="validAfter"/>.</exception>
    public static PolicyData TimeFrame(DateTimeOffset validUntil, DateTimeOffset validAfter, PolicyAddresses? at = null)
    {
        var until = ToUnixSeconds(validUntil, nameof(validUntil));
        var after = ToUnixSeconds(validAfter, nameof(validAfter));
        if (until <= after)
        {
            throw new ArgumentException($"validUntil ({validUntil:O}) must be after validAfter ({validAfter:O}): the session would never be valid.", nameof(validUntil));
        }

        return TimeFrame(until, after, at);
    }

    /// <summary>
    /// TimeFramePolicy from raw Unix times in seconds; <paramref name="validUntil"/> 0 means no end. The init data is
    /// <c>abi.encodePacked(uint48 validUntil, uint48 validAfter)</c> (or two <c>uint128</c> for <see cref="TimeFrameLayout.PackedUInt128"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A time beyond <c>uint48</c>.</exception>
    public static PolicyData TimeFrame(ulong validUntil, ulong validAfter, PolicyAddresses? at = null)
    {
        CheckUInt48(validUntil, nameof(validUntil));
        CheckUInt48(validAfter, nameof(validAfter));
        var addresses = at ?? PolicyAddresses.Current;
        if (addresses.TimeFrameLayout == TimeFrameLayout.PackedUInt128)
        {
            Span<byte> wide = stackalloc byte[32];
            wide.Clear();
            BinaryPrimitives.WriteUInt64BigEndian(wide[8..], validUntil);
            BinaryPrimitives.WriteUInt64BigEndian(wide[24..], validAfter);
            return new PolicyData(addresses.TimeFrame, wide);
        }

        Span<byte> packed = stackalloc byte[12];
        WriteUInt48(packed, validUntil);
        WriteUInt48(packed[6..], validAfter);
        return new PolicyData(addresses.TimeFrame, packed);
    }

    /// <summary>UsageLimitPolicy: at most <paramref name="limit"/> uses. Init data <c>abi.encodePacked(uint128 limit)</c>, 16 bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside <c>uint128</c>.</exception>
    public static PolicyData UsageLimit(BigInteger limit, PolicyAddresses? at = null)
    {
        // The packed uint128 is the low half of the value's ABI word.
        var word = Words.FromUInt(limit, 128, nameof(limit)).ToArray();
        return new PolicyData((at ?? PolicyAddresses.Current).UsageLimit, word.AsSpan(16));
    }

    /// <summary>ValueLimitPolicy: at most <paramref name="limit"/> wei of native value in total. Init data <c>abi.encode(uint256 limit)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside <c>uint256</c>.</exception>
    public static PolicyData ValueLimit(BigInteger limit, PolicyAddresses? at = null) =>
        new((at ?? PolicyAddresses.Current).ValueLimit, Words.FromUInt(limit, 256, nameof(limit)).ToArray());

    /// <summary>ERC20SpendingLimitPolicy for one token: at most <paramref name="limit"/> base units moved in total.</summary>
    public static PolicyData ERC20SpendingLimit(Address token, BigInteger limit, PolicyAddresses? at = null) =>
        ERC20SpendingLimit(new[] { new TokenLimit(token, limit) }, at);

    /// <summary>
    /// ERC20SpendingLimitPolicy (an action policy for ERC-20 <c>transfer</c>/<c>approve</c>/<c>transferFrom</c>):
    /// per-token limits. Init data <c>abi.encode(address[] tokens, uint256[] limits)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">No tokens, a zero token address, or a token listed twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit outside <c>uint256</c>.</exception>
    public static PolicyData ERC20SpendingLimit(IEnumerable<TokenLimit> limits, PolicyAddresses? at = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var list = limits.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("limits is empty: give at least one token and its limit.", nameof(limits));
        }

        var seen = new HashSet<Address>();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Token.IsZero)
            {
                throw new ArgumentException($"limits[{i}].Token is the zero address.", nameof(limits));
            }

            if (!seen.Add(list[i].Token))
            {
                throw new ArgumentException($"limits[{i}].Token {list[i].Token} is listed twice.", nameof(limits));
            }

            AbiRange.CheckUnsigned(list[i].Limit, 256, $"limits[{i}].Limit");
        }

        // abi.encode(address[], uint256[]): two offsets, then each array as a length word and its elements.
        var buffer = new byte[(2 * AbiSize.Word) + (2 * (AbiSize.Word + (list.Length * AbiSize.Word)))];
        var writer = new AbiWriter(buffer, 0, 2 * AbiSize.Word);
        var tokens = writer.BeginDynamicArray(list.Length, AbiSize.Word);
        foreach (var item in list)
        {
            tokens.WriteAddress(item.Token);
        }

        writer.End(tokens);
        var amounts = writer.BeginDynamicArray(list.Length, AbiSize.Word);
        foreach (var item in list)
        {
            amounts.WriteUInt(item.Limit);
        }

        writer.End(amounts);
        return new PolicyData((at ?? PolicyAddresses.Current).ERC20SpendingLimit, buffer);
    }

    /// <summary>
    /// UniActionPolicy: a value limit per call and up to 16 rules on the call's parameters. Init data
    /// <c>abi.encode(ActionConfig)</c>, a static tuple of 98 words (unused rules are zero).
    /// </summary>
    public static PolicyData UniversalAction(UniActionConfig config, PolicyAddresses? at = null)
    {
        ArgumentNullException.ThrowIfNull(config);

        // ActionConfig { uint256 valueLimitPerUse; ParamRules { uint256 length; ParamRule[16] rules; } },
        // ParamRule { uint8 condition; uint64 offset; bool isLimited; bytes32 ref; LimitUsage { uint256 limit; uint256 used; } }.
        const int RuleSize = 6 * AbiSize.Word;
        const int Size = (2 * AbiSize.Word) + (UniActionConfig.MaxRules * RuleSize);
        var buffer = new byte[Size];
        var writer = new AbiWriter(buffer, 0, Size);
        writer.WriteUInt(config.ValueLimitPerUse);
        writer.WriteUInt64((ulong)config.Rules.Count);
        foreach (var rule in config.Rules)
        {
            writer.WriteUInt64((byte)rule.Condition);
            writer.WriteUInt64(rule.Offset);
            writer.WriteBool(rule.IsLimited);
            writer.WriteBytes32(rule.Reference);
            writer.WriteUInt(rule.Limit);
            writer.WriteUInt(rule.Used);
        }

        // The remaining rules of ParamRule[16] stay zero (the array is new).
        return new PolicyData((at ?? PolicyAddresses.Current).UniversalAction, buffer);
    }

    private static ulong ToUnixSeconds(DateTimeOffset time, string name)
    {
        var seconds = time.ToUnixTimeSeconds();
        if (seconds < 0 || (ulong)seconds > MaxUInt48)
        {
            throw new ArgumentOutOfRangeException(name, time, $"{name} must be between 1970-01-01 and 2^48-1 seconds after it (a uint48 Unix time).");
        }

        return (ulong)seconds;
    }

    private static void CheckUInt48(ulong seconds, string name)
    {
        if (seconds > MaxUInt48)
        {
            throw new ArgumentOutOfRangeException(name, seconds, $"{name} does not fit in uint48 (0 to 2^48-1 seconds).");
        }
    }

    private static void WriteUInt48(Span<byte> destination, ulong value)
    {
        Span<byte> eight = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(eight, value);
        eight[2..].CopyTo(destination);
    }
}

/// <summary>A token and the most of it (in base units) a session may move.</summary>
/// <param name="Token">The ERC-20 token contract.</param>
/// <param name="Limit">The limit in base units (<c>uint256</c>).</param>
public readonly record struct TokenLimit(Address Token, BigInteger Limit);
