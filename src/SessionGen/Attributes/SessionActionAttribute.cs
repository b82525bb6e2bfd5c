using System;

namespace SessionGen;

/// <summary>
/// Permits a session key to call one function of the contract declared by <c>[ContractAbi]</c> on this class
/// (or on <see cref="Contract"/>), within the limits set by the properties.
/// </summary>
/// <remarks>
/// <para>An action with no limit of any kind lets the session key call the function without bound until the
/// session expires; analyzer SESSGEN203 warns about it. Set <see cref="SpendingLimit"/>, <see cref="MaxUses"/>,
/// <see cref="ValueLimit"/>, add a <see cref="ParamRuleAttribute"/>, or opt in to <see cref="Sudo"/>.</para>
/// <para>Amounts are exact integer literals in the token's smallest unit: <c>"100e6"</c>, <c>"1_000_000"</c>,
/// <c>"0x5f5e100"</c>. A negative, fractional or larger-than-2^256-1 amount is a compile-time error.</para>
/// </remarks>
/// <example>
/// <code>
/// [ContractAbi("abis/ERC20.json")]
/// [SessionAction("transfer", SpendingLimit = "100e6")]   // at most 100 USDC (6 decimals) in total
/// [SessionExpiry(Days = 7)]
/// public partial class UsdcTrading { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SessionActionAttribute : Attribute
{
    /// <summary>Permits calls to <paramref name="function"/>.</summary>
    /// <param name="function">
    /// The function's name as in the ABI (<c>"transfer"</c>), or its canonical signature when the name is
    /// overloaded (<c>"safeTransferFrom(address,address,uint256)"</c>).
    /// </param>
    public SessionActionAttribute(string function) => Function = function;

    /// <summary>The function's ABI name or canonical signature.</summary>
    public string Function { get; }

    /// <summary>
    /// The most the session may move in total through this action, in the token's smallest unit
    /// (<c>"100e6"</c> = 100 tokens of 6 decimals). Enforced on chain by the ERC-20 spending-limit policy,
    /// so only valid on ERC-20 <c>transfer</c>, <c>approve</c> and <c>transferFrom</c>; for other functions use
    /// a <see cref="ParamRuleAttribute"/> with <see cref="ParamRuleAttribute.CumulativeLimit"/>.
    /// </summary>
    public string? SpendingLimit { get; set; }

    /// <summary>How many times the session may call this function in total (usage-limit policy). Must be positive.</summary>
    public long MaxUses { get; set; }

    /// <summary>
    /// The most native currency (wei) the session may send along with calls to this function, in total
    /// (value-limit policy), e.g. <c>"1e18"</c> = 1 ETH.
    /// </summary>
    public string? ValueLimit { get; set; }

    /// <summary>
    /// Another <c>[ContractAbi]</c> class that declares the function, for sessions over several contracts.
    /// When left unset the function is looked up in this class's own ABI.
    /// </summary>
    public Type? Contract { get; set; }

    /// <summary>
    /// Explicitly allows unrestricted use of this function (sudo policy): no amount, count or parameter is
    /// checked on chain. Analyzer SESSGEN205 warns about every opt-in so that it is reviewed.
    /// </summary>
    public bool Sudo { get; set; }
}
