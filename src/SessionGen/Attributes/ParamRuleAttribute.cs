using System;

namespace SessionGen;

/// <summary>
/// Restricts one static parameter of a permitted function: every call must satisfy
/// <c>parameter condition reference</c>, checked on chain by the UniActionPolicy.
/// </summary>
/// <remarks>
/// The reference is an amount literal (<c>"100e6"</c>, <c>"0x…"</c>; addresses are written as hex). Set
/// <see cref="CumulativeLimit"/> to also cap the sum of the parameter over all calls, which is how a spending
/// limit is expressed on functions that are not ERC-20 <c>transfer</c>/<c>approve</c>/<c>transferFrom</c>.
/// <c>parameter</c> may name a member of a static tuple parameter as <c>"params.amountIn"</c>.
/// <para>
/// A reference known only when the session is created (the account, a router's address on this chain) is bound instead of
/// written: <see cref="Bind"/> names a typed parameter of the generated <c>CreateSession</c>. <c>"account"</c> is the smart
/// account itself, the name of one of the session's contracts (its <c>CreateSession</c> parameter, e.g. <c>"usdc"</c>) reuses
/// that contract's address, and any other name adds a parameter of the rule's ABI type.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [SessionAction("deposit")]
/// [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "10e6", CumulativeLimit = "100e6")]
/// [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ParamRuleAttribute : Attribute
{
    /// <summary>Restricts <paramref name="parameter"/> of <paramref name="function"/>.</summary>
    /// <param name="function">The function, named as in its <see cref="SessionActionAttribute"/>.</param>
    /// <param name="parameter">The parameter's name in the ABI; it must have a static type (no bytes, string or arrays).</param>
    /// <param name="condition">How the parameter is compared with <paramref name="reference"/>.</param>
    /// <param name="reference">The reference value, an amount literal; the lower bound for <see cref="ParamCondition.InRange"/>.</param>
    public ParamRuleAttribute(string function, string parameter, ParamCondition condition, string reference)
    {
        Function = function;
        Parameter = parameter;
        Condition = condition;
        Reference = reference;
    }

    /// <summary>Restricts <paramref name="parameter"/> of <paramref name="function"/> against a value bound when the session is created (set <see cref="Bind"/>).</summary>
    /// <param name="function">The function, named as in its <see cref="SessionActionAttribute"/>.</param>
    /// <param name="parameter">The parameter's name in the ABI; it must have a static type (no bytes, string or arrays).</param>
    /// <param name="condition">How the parameter is compared with the bound value.</param>
    public ParamRuleAttribute(string function, string parameter, ParamCondition condition)
    {
        Function = function;
        Parameter = parameter;
        Condition = condition;
    }

    /// <summary>The function the rule applies to.</summary>
    public string Function { get; }

    /// <summary>The parameter's ABI name.</summary>
    public string Parameter { get; }

    /// <summary>The comparison.</summary>
    public ParamCondition Condition { get; }

    /// <summary>The reference value (lower bound for <see cref="ParamCondition.InRange"/>); null when the rule is bound (<see cref="Bind"/>).</summary>
    public string? Reference { get; }

    /// <summary>
    /// The name of the <c>CreateSession</c> parameter that supplies the reference when the session is created, instead of a
    /// literal: <c>"account"</c> (the smart account), the parameter of one of the session's contracts (<c>"usdc"</c>), or any
    /// other name, which adds a parameter typed after the rule's ABI type (<c>Address</c>, <c>BigInteger</c>, <c>bool</c>,
    /// <c>Bytes32</c>). Not with <see cref="ParamCondition.InRange"/> or <see cref="CumulativeLimit"/>.
    /// </summary>
    public string? Bind { get; set; }

    /// <summary>The inclusive upper bound; required with <see cref="ParamCondition.InRange"/> and only allowed there.</summary>
    public string? UpperBound { get; set; }

    /// <summary>
    /// When set, the sum of this parameter over every call of the session may not exceed this amount
    /// (the rule's on-chain usage limit), in addition to the per-call condition.
    /// </summary>
    public string? CumulativeLimit { get; set; }

    /// <summary>The contract class declaring the function, when it is not this class (as in <see cref="SessionActionAttribute.Contract"/>).</summary>
    public Type? Contract { get; set; }
}
