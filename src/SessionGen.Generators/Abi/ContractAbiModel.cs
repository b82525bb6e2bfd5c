using System;
using System.Collections.Immutable;
using SessionGen.Generators.Helpers;

namespace SessionGen.Generators.Abi;

/// <summary>
/// What a contract ABI file says that bindings need: its functions, custom errors and events, in file order.
/// Constructors, fallback and receive entries are read (and checked) but not kept.
/// </summary>
/// <param name="Functions">Every well-formed function entry, in file order.</param>
/// <param name="Errors">Every well-formed custom error entry, in file order.</param>
/// <param name="Events">Every well-formed event entry, in file order.</param>
internal sealed record ContractAbiModel(EquatableArray<AbiFunctionModel> Functions, EquatableArray<AbiErrorModel> Errors, EquatableArray<AbiEventModel> Events)
{
    /// <summary>An ABI with no functions, errors or events.</summary>
    public static ContractAbiModel Empty { get; } = new(EquatableArray<AbiFunctionModel>.Empty, EquatableArray<AbiErrorModel>.Empty, EquatableArray<AbiEventModel>.Empty);

    /// <summary>
    /// The functions <paramref name="nameOrSignature"/> designates: all overloads of a bare name
    /// (<c>"transfer"</c>), or the one function with that signature (<c>"transfer(address,uint256)"</c>;
    /// spaces, parameter names and type aliases such as <c>uint</c> are tolerated).
    /// </summary>
    /// <returns>An empty array when nothing matches; more than one element when a bare name is overloaded.</returns>
    public ImmutableArray<AbiFunctionModel> FindFunctions(string nameOrSignature)
    {
        var builder = ImmutableArray.CreateBuilder<AbiFunctionModel>();
        if (nameOrSignature.IndexOf('(') >= 0)
        {
            var signature = AbiSignature.Normalize(nameOrSignature);
            foreach (var function in Functions)
            {
                if (string.Equals(function.CanonicalSignature, signature, StringComparison.Ordinal))
                {
                    builder.Add(function);
                }
            }
        }
        else
        {
            var name = nameOrSignature.Trim();
            foreach (var function in Functions)
            {
                if (string.Equals(function.Name, name, StringComparison.Ordinal))
                {
                    builder.Add(function);
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The function with this selector, if any.</summary>
    public AbiFunctionModel? FindFunction(uint selector)
    {
        foreach (var function in Functions)
        {
            if (function.Selector == selector)
            {
                return function;
            }
        }

        return null;
    }
}
