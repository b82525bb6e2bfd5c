using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;
using SessionGen.Abi;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// Decodes a policy's init data into the terms its contract enforces; the inverse of the <see cref="Policies"/> builders.
/// The kind comes from the policy's address in a <see cref="PolicyAddresses"/>; any other address decodes to an
/// <see cref="UncheckedPolicy"/>. Each decoder reads what the contract's <c>initializeWithMultiplexer</c> reads and refuses what
/// would make it revert (so such a session could never have been enabled).
/// </summary>
public static class SessionPolicyDecoder
{
    /// <summary>Decodes one policy.</summary>
    /// <param name="policy">The policy and its init data.</param>
    /// <param name="addresses">Which contract is which kind (e.g. <see cref="SmartSessionDeployment.Policies"/>).</param>
    /// <exception cref="ArgumentException">The init data is not what the policy at that address accepts; the message names the policy and the field.</exception>
    public static SessionPolicy Decode(PolicyData policy, PolicyAddresses addresses)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(addresses);
        var at = policy.Policy;
        var data = policy.InitData.Span;

        // The same contract could be listed under two kinds only by mistake; the first match wins, in this order.
        if (at == addresses.Sudo)
        {
            return new SudoPolicy(at);
        }

        if (at == addresses.TimeFrame)
        {
            return DecodeTimeFrame(at, data, addresses.TimeFrameLayout);
        }

        if (at == addresses.UsageLimit)
        {
            Require(data, 16, at, "UsageLimitPolicy", "uint128 limit");
            return new UsageLimitPolicy(at, new BigInteger(data[..16], isUnsigned: true, isBigEndian: true));
        }

        if (at == addresses.ValueLimit)
        {
            Require(data, AbiSize.Word, at, "ValueLimitPolicy", "uint256 limit");
            return new ValueLimitPolicy(at, Word(data, 0));
        }

        if (at == addresses.ERC20SpendingLimit)
        {
            return DecodeSpendingLimit(at, data);
        }

        if (at == addresses.UniversalAction)
        {
            return DecodeUniAction(at, data);
        }

        return new UncheckedPolicy(at, policy.InitData.ToArray());
    }

    private static TimeFramePolicy DecodeTimeFrame(Address at, ReadOnlySpan<byte> data, TimeFrameLayout layout)
    {
        if (layout == TimeFrameLayout.PackedUInt128)
        {
            // Two 16-byte words of which the contract keeps the low 48 bits each.
            Require(data, 32, at, "TimeFramePolicy", "uint128 validUntil, uint128 validAfter");
            return new TimeFramePolicy(at, BinaryPrimitives.ReadUInt64BigEndian(data[8..]) & Policies.MaxUInt48, BinaryPrimitives.ReadUInt64BigEndian(data[24..]) & Policies.MaxUInt48);
        }

        Require(data, 12, at, "TimeFramePolicy", "uint48 validUntil, uint48 validAfter");
        return new TimeFramePolicy(at, ReadUInt48(data), ReadUInt48(data[6..]));
    }

    private static ERC20SpendingLimitPolicy DecodeSpendingLimit(Address at, ReadOnlySpan<byte> data)
    {
        // abi.encode(address[] tokens, uint256[] limits)
        const string Name = "ERC20SpendingLimitPolicy";
        Require(data, 2 * AbiSize.Word, at, Name, "the two array offsets");
        var tokens = ArrayAt(data, 0, at, "tokens");
        var limits = ArrayAt(data, AbiSize.Word, at, "limits");
        if (limits.Count < tokens.Count)
        {
            throw Invalid(at, Name, $"has {tokens.Count} tokens but only {limits.Count} limits");
        }

        var result = new TokenLimit[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = ToAddress(data.Slice(tokens.Start + (i * AbiSize.Word), AbiSize.Word), at, Name, $"tokens[{i}]");
            var limit = Word(data, limits.Start + (i * AbiSize.Word));
            if (token.IsZero)
            {
                throw Invalid(at, Name, $"tokens[{i}] is the zero address (the contract reverts InvalidTokenAddress)");
            }

            if (limit.IsZero)
            {
                throw Invalid(at, Name, $"limits[{i}] of token {token} is 0 (the contract reverts InvalidLimit)");
            }

            result[i] = new TokenLimit(token, limit);
        }

        return new ERC20SpendingLimitPolicy(at, result);
    }

    private static UniActionPolicy DecodeUniAction(Address at, ReadOnlySpan<byte> data)
    {
        // abi.encode(ActionConfig): valueLimitPerUse, ParamRules.length, then 16 rules of 6 words each (a static tuple).
        const string Name = "UniActionPolicy";
        const int RuleWords = 6;
        Require(data, (2 + (UniActionConfig.MaxRules * RuleWords)) * AbiSize.Word, at, Name, "ActionConfig (98 words)");
        var valueLimit = Word(data, 0);
        var length = Word(data, AbiSize.Word);
        if (length > UniActionConfig.MaxRules)
        {
            throw Invalid(at, Name, $"paramRules.length is {length}, over the {UniActionConfig.MaxRules} rules it holds");
        }

        var rules = new List<ParamRule>((int)length);
        for (var i = 0; i < (int)length; i++)
        {
            var rule = data.Slice((2 + (i * RuleWords)) * AbiSize.Word, RuleWords * AbiSize.Word);
            var condition = Word(rule, 0);
            if (condition > (int)ParamCondition.InRange)
            {
                throw Invalid(at, Name, $"rules[{i}].condition is {condition}, not one of EQUAL (0) … IN_RANGE (6)");
            }

            var offset = Word(rule, AbiSize.Word);
            if (offset > ulong.MaxValue)
            {
                throw Invalid(at, Name, $"rules[{i}].offset {offset} does not fit in uint64");
            }

            var isLimited = Word(rule, 2 * AbiSize.Word);
            if (isLimited > 1)
            {
                throw Invalid(at, Name, $"rules[{i}].isLimited is {isLimited}, not a bool");
            }

            rules.Add(new ParamRule(
                (ParamCondition)(byte)condition,
                (ulong)offset,
                new Bytes32(rule.Slice(3 * AbiSize.Word, AbiSize.Word)),
                isLimited: !isLimited.IsZero,
                limit: Word(rule, 4 * AbiSize.Word),
                used: Word(rule, 5 * AbiSize.Word)));
        }

        return new UniActionPolicy(at, new UniActionConfig(valueLimit, rules));
    }

    /// <summary>The unsigned big-endian 32-byte word at <paramref name="offset"/>.</summary>
    internal static BigInteger Word(ReadOnlySpan<byte> data, int offset) =>
        new(data.Slice(offset, AbiSize.Word), isUnsigned: true, isBigEndian: true);

    private static (int Start, int Count) ArrayAt(ReadOnlySpan<byte> data, int headOffset, Address at, string field)
    {
        const string Name = "ERC20SpendingLimitPolicy";
        var offset = Word(data, headOffset);
        if (offset > data.Length - AbiSize.Word)
        {
            throw Invalid(at, Name, $"the offset of {field} ({offset}) points past the end of the {data.Length}-byte init data");
        }

        var count = Word(data, (int)offset);
        var start = (int)offset + AbiSize.Word;
        if (count > (data.Length - start) / AbiSize.Word)
        {
            throw Invalid(at, Name, $"{field} claims {count} elements but the init data holds at most {(data.Length - start) / AbiSize.Word}");
        }

        return (start, (int)count);
    }

    private static Address ToAddress(ReadOnlySpan<byte> word, Address at, string name, string field)
    {
        if (word[..12].IndexOfAnyExcept((byte)0) >= 0)
        {
            throw Invalid(at, name, $"{field} is not an address (its upper 12 bytes are not zero)");
        }

        return new Address(word[12..]);
    }

    private static ulong ReadUInt48(ReadOnlySpan<byte> data)
    {
        Span<byte> eight = stackalloc byte[8];
        eight.Clear();
        data[..6].CopyTo(eight[2..]);
        return BinaryPrimitives.ReadUInt64BigEndian(eight);
    }

    private static void Require(ReadOnlySpan<byte> data, int length, Address at, string name, string layout)
    {
        if (data.Length < length)
        {
            throw Invalid(at, name, $"init data is {data.Length} bytes; it needs at least {length} ({layout})");
        }
    }

    private static ArgumentException Invalid(Address at, string name, string problem) =>
        new($"The {name} at {at}: {problem}.", "policy");
}
