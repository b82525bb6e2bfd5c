namespace SessionGen.Generators.Amounts;

/// <summary>Shows an integer amount of base units in whole tokens: <c>1500000</c> at 6 decimals is <c>1.5</c>. Exact, no rounding.</summary>
internal static class AmountFormat
{
    /// <param name="baseUnits">A non-negative decimal integer, as produced by <see cref="AmountLiteral"/>.</param>
    /// <param name="decimals">The token's decimals; null shows the base units unchanged.</param>
    public static string Units(string baseUnits, int? decimals)
    {
        if (decimals is not { } places || places == 0)
        {
            return baseUnits;
        }

        var padded = baseUnits.PadLeft(places + 1, '0');
        var whole = padded.Substring(0, padded.Length - places);
        var fraction = padded.Substring(padded.Length - places).TrimEnd('0');
        return fraction.Length == 0 ? whole : whole + "." + fraction;
    }

    /// <summary>An amount with its unit: "100 USDC", or "100000000 (base units)" when the token is unknown.</summary>
    public static string WithSymbol(string baseUnits, string? symbol, int? decimals) =>
        symbol is not null && decimals is not null
            ? Units(baseUnits, decimals) + " " + symbol
            : baseUnits + " (base units)";
}
