using System;
using System.Globalization;
using System.Numerics;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// How session values read, shared by <see cref="SessionDescription"/> and the guard's refusals: checksummed addresses
/// with their names, amounts in token units, parameter words in their ABI type, conditions in words.
/// </summary>
internal static class SessionWording
{
    private static readonly BigInteger UInt128Mask = (BigInteger.One << 128) - 1;
    private static readonly BigInteger AddressLimit = BigInteger.One << 160;

    /// <summary><c>USDC 0xA0b8…</c>, <c>your account 0x…</c>, or the bare checksummed address.</summary>
    public static string Address(Address address, SessionLabels? labels) =>
        labels?.Of(address) is { } label ? $"{label.Display} {address}" : address.ToString();

    /// <summary>An amount of <paramref name="token"/> in whole tokens (<c>100 USDC</c>), or the bare integer when its decimals are unknown.</summary>
    public static string Amount(BigInteger amount, AddressLabel? token) =>
        token is { Symbol: { } symbol, Decimals: { } decimals } ? Units(amount, decimals) + " " + symbol : amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Wei in ETH: <c>0.5 ETH</c>.</summary>
    public static string Ether(BigInteger wei) => Units(wei, 18) + " ETH";

    /// <summary>
    /// A parameter's 32-byte word in its ABI type: an address checksummed with its name, a bool, a signed integer, an amount
    /// in <paramref name="unit"/>'s tokens, bytesN in hex. Without a type: the integer (in hex when it is long).
    /// </summary>
    public static string Word(BigInteger word, string? abiType, SessionLabels? labels, AddressLabel? unit = null)
    {
        switch (abiType)
        {
            case "address" when word < AddressLimit:
                return Address(ToAddress(word), labels);
            case "bool" when word <= BigInteger.One:
                return word.IsZero ? "false" : "true";
            case { } type when type.StartsWith("int", StringComparison.Ordinal) && int.TryParse(type.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var bits):
                var signed = word >= BigInteger.One << (bits - 1) && word < BigInteger.One << bits ? word - (BigInteger.One << bits) : word;
                return signed.ToString(CultureInfo.InvariantCulture);
            case { } type when type.StartsWith("uint", StringComparison.Ordinal):
                return Amount(word, unit);
            case { } type when type.StartsWith("bytes", StringComparison.Ordinal) && int.TryParse(type.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length is > 0 and <= 32:
                return "0x" + Hex(word, 64)[..(2 * length)]; // bytesN is left-aligned in its word
            case null:
                return word < ulong.MaxValue ? word.ToString(CultureInfo.InvariantCulture) : "0x" + Hex(word, 64);
            default:
                return "0x" + Hex(word, 64) + " (not a valid " + abiType + ")";
        }
    }

    /// <summary><c>= USDC 0x…</c>, <c>≤ 50 USDC</c>, <c>between 1 and 5</c>.</summary>
    public static string Condition(ParamCondition condition, BigInteger reference, string? abiType, SessionLabels? labels, AddressLabel? unit) => condition switch
    {
        ParamCondition.Equal => "= " + Word(reference, abiType, labels, unit),
        ParamCondition.GreaterThan => "> " + Word(reference, abiType, labels, unit),
        ParamCondition.LessThan => "< " + Word(reference, abiType, labels, unit),
        ParamCondition.GreaterThanOrEqual => "≥ " + Word(reference, abiType, labels, unit),
        ParamCondition.LessThanOrEqual => "≤ " + Word(reference, abiType, labels, unit),
        ParamCondition.NotEqual => "≠ " + Word(reference, abiType, labels, unit),
        _ => $"between {Word(reference >> 128, abiType, labels, unit)} and {Word(reference & UInt128Mask, abiType, labels, unit)}",
    };

    /// <summary>The rule's parameter: its label when known, else its offset.</summary>
    public static string Parameter(ParameterLabel? parameter, ulong offset) =>
        parameter is null ? $"parameter at offset {offset}" : parameter.Path;

    /// <summary>
    /// The token whose units a <c>uint</c> parameter counts in: for <c>amountIn</c> the token an <c>Equal</c> rule pins
    /// <c>tokenIn</c> to (same for <c>amount</c>/<c>token</c>, <c>amountOut…</c>/<c>tokenOut</c>), else the called contract
    /// when it is a known token (<c>approve</c>'s amount is in the token's units).
    /// </summary>
    public static AddressLabel? UnitOf(ParameterLabel? parameter, FunctionLabel? function, UniActionConfig? config, Address target, SessionLabels? labels)
    {
        if (labels is null || parameter is null || !parameter.AbiType.StartsWith("uint", StringComparison.Ordinal))
        {
            return null;
        }

        var tokenPath = TokenPathFor(parameter.Path);
        if (tokenPath is not null && function is not null && config is not null)
        {
            foreach (var rule in config.Rules)
            {
                if (rule.Condition == ParamCondition.Equal && function.At(rule.Offset) is { AbiType: "address" } pinned && pinned.Path == tokenPath)
                {
                    var token = SessionPolicyDecoder.Word(rule.Reference.ToArray(), 0);
                    return token < AddressLimit && labels.Of(ToAddress(token)) is { Symbol: not null } known ? known : null;
                }
            }
        }

        return labels.Of(target) is { Symbol: not null } own ? own : null;
    }

    public static Address ToAddress(BigInteger word)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        word.TryWriteBytes(bytes, out var written, isUnsigned: true, isBigEndian: true);
        Span<byte> aligned = stackalloc byte[32];
        aligned.Clear();
        bytes[..written].CopyTo(aligned[(32 - written)..]);
        return new Address(aligned[12..]);
    }

    /// <summary>amountIn → tokenIn, params.amountOutMinimum → params.tokenOut, amount → token; null when the name says nothing.</summary>
    private static string? TokenPathFor(string path)
    {
        var dot = path.LastIndexOf('.');
        var prefix = path[..(dot + 1)];
        var name = path[(dot + 1)..];
        if (!name.StartsWith("amount", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = name[6..];
        var direction = rest.StartsWith("In", StringComparison.Ordinal) ? "In" : rest.StartsWith("Out", StringComparison.Ordinal) ? "Out" : string.Empty;
        return prefix + "token" + direction;
    }

    private static string Units(BigInteger amount, int decimals)
    {
        if (decimals == 0)
        {
            return amount.ToString(CultureInfo.InvariantCulture);
        }

        var text = amount.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var whole = text[..^decimals];
        var fraction = text[^decimals..].TrimEnd('0');
        return fraction.Length == 0 ? whole : whole + "." + fraction;
    }

    private static string Hex(BigInteger word, int digits)
    {
        var hex = word.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return hex.Length > digits ? hex[^digits..] : hex;
    }
}
