using System;

namespace SessionGen;

/// <summary>
/// Says how amounts of this ERC-20 contract are shown in session descriptions (<c>Describe</c>): its symbol and
/// decimals, so that a spending limit of <c>"100e6"</c> reads "100 USDC" rather than "100000000".
/// </summary>
/// <example>
/// <code>
/// [ContractAbi("abis/ERC20.json")]
/// [TokenDisplay("USDC", 6)]
/// [SessionAction("transfer", SpendingLimit = "100e6")]
/// [SessionExpiry(Days = 7)]
/// public partial class UsdcTrading { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TokenDisplayAttribute : Attribute
{
    /// <summary>Shows amounts as <paramref name="decimals"/>-decimal numbers followed by <paramref name="symbol"/>.</summary>
    /// <param name="symbol">The token symbol, e.g. <c>"USDC"</c>.</param>
    /// <param name="decimals">The token's decimals, e.g. 6 for USDC, 18 for most tokens.</param>
    public TokenDisplayAttribute(string symbol, int decimals)
    {
        Symbol = symbol;
        Decimals = decimals;
    }

    /// <summary>The token symbol.</summary>
    public string Symbol { get; }

    /// <summary>The token's decimals.</summary>
    public int Decimals { get; }
}
