using System;
using System.Collections.Generic;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// The names code gives to what a <see cref="Session"/> holds as bare numbers: contract addresses (a token's symbol and
/// decimals, a contract class's name, "your account") and action parameters (a rule's offset is <c>params.recipient</c>,
/// an <c>address</c>). <see cref="SessionDescription"/> and the guard's refusals read them; they never change what is
/// signed, only how it is worded. Generated <c>CreateSession</c> methods attach them to the session they build
/// (<see cref="Session.Labels"/>).
/// </summary>
/// <remarks>Build it completely before attaching it to a session; it is not meant to change afterwards.</remarks>
public sealed class SessionLabels
{
    private readonly Dictionary<Address, AddressLabel> _addresses = new();
    private readonly Dictionary<(Address Target, Selector Selector), FunctionLabel> _functions = new();

    /// <summary>The labels of every named address.</summary>
    public IReadOnlyDictionary<Address, AddressLabel> Addresses => _addresses;

    /// <summary>The labels of every described function, by target and selector.</summary>
    public IReadOnlyDictionary<(Address Target, Selector Selector), FunctionLabel> Functions => _functions;

    /// <summary>Names <paramref name="address"/> (a contract class's name, or a value bound when the session was created). A later call for the same address adds to it.</summary>
    /// <returns>This instance.</returns>
    public SessionLabels Name(Address address, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _addresses[address] = _addresses.TryGetValue(address, out var known) && known.Symbol is not null ? known with { Name = known.Name ?? name } : new AddressLabel(name, null, null);
        return this;
    }

    /// <summary>Says that <paramref name="address"/> is an ERC-20 token with this symbol and decimals: its amounts are shown in whole tokens.</summary>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 77.</exception>
    public SessionLabels Token(Address address, string symbol, int decimals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 77);
        _addresses[address] = new AddressLabel(_addresses.TryGetValue(address, out var known) ? known.Name : null, symbol, decimals);
        return this;
    }

    /// <summary>Says that <paramref name="account"/> is the smart account the session belongs to: it reads "your account".</summary>
    /// <returns>This instance.</returns>
    public SessionLabels Account(Address account)
    {
        _addresses[account] = new AddressLabel(AccountName, null, null) { IsAccount = true };
        return this;
    }

    /// <summary>Names a function the session may call and the parameters its rules read.</summary>
    /// <param name="target">The contract called.</param>
    /// <param name="selector">The function's selector.</param>
    /// <param name="name">How the function is shown: its ABI name, or its signature when overloaded.</param>
    /// <param name="isPayable">Whether the function accepts native value (then the description says how much ETH may go along).</param>
    /// <param name="parameters">The parameters that rules may read, by offset after the selector.</param>
    /// <returns>This instance.</returns>
    public SessionLabels Function(Address target, Selector selector, string name, bool isPayable, params ParameterLabel[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        _functions[(target, selector)] = new FunctionLabel(name, parameters) { IsPayable = isPayable };
        return this;
    }

    /// <summary>The label of <paramref name="address"/>, or null when it has none.</summary>
    public AddressLabel? Of(Address address) => _addresses.TryGetValue(address, out var label) ? label : null;

    /// <summary>The label of the function at (<paramref name="target"/>, <paramref name="selector"/>), or null.</summary>
    public FunctionLabel? Of(Address target, Selector selector) => _functions.TryGetValue((target, selector), out var label) ? label : null;

    internal const string AccountName = "your account";
}

/// <summary>What an address is called.</summary>
/// <param name="Name">A contract class's name, a bound value's name or "your account"; null for a token known only by symbol.</param>
/// <param name="Symbol">The token symbol when the address is an ERC-20 token.</param>
/// <param name="Decimals">The token's decimals when <paramref name="Symbol"/> is set.</param>
public sealed record AddressLabel(string? Name, string? Symbol, int? Decimals)
{
    /// <summary>Whether the address is the session's own account.</summary>
    public bool IsAccount { get; init; }

    /// <summary>How the address reads: the symbol of a token, else the name.</summary>
    public string Display => Symbol ?? Name ?? string.Empty;
}

/// <summary>A function the session may call.</summary>
/// <param name="Name">Its ABI name, or its signature when overloaded.</param>
/// <param name="Parameters">The static parameters (and tuple members) a rule may read, by offset after the selector.</param>
public sealed record FunctionLabel(string Name, IReadOnlyList<ParameterLabel> Parameters)
{
    /// <summary>Whether the function accepts native value.</summary>
    public bool IsPayable { get; init; }

    /// <summary>The parameter whose word starts <paramref name="offset"/> bytes after the selector, or null.</summary>
    public ParameterLabel? At(ulong offset)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Offset == offset)
            {
                return parameter;
            }
        }

        return null;
    }
}

/// <summary>A parameter a rule may read.</summary>
/// <param name="Offset">The byte offset of its word after the selector.</param>
/// <param name="Path">Its name, or <c>params.recipient</c> for a tuple member.</param>
/// <param name="AbiType">Its ABI type (<c>address</c>, <c>uint256</c>, <c>bool</c>, <c>bytes32</c>, <c>int24</c>, …).</param>
public sealed record ParameterLabel(ulong Offset, string Path, string AbiType);
