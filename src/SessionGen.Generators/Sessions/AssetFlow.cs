using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SessionGen.Generators.Abi;

namespace SessionGen.Generators.Sessions;

/// <summary>
/// Where a function lets the account's assets go: approvals (someone else may move them later, beyond the session) and
/// output-routing address parameters (a swap's recipient, a vault's receiver). A plain transfer is not flagged: paying
/// out is its purpose, and its amount is what the spending limit bounds.
/// </summary>
internal static class AssetFlow
{
    /// <summary>Approval functions by canonical signature, with the parameter that receives the authority.</summary>
    private static readonly ImmutableDictionary<string, int> Approvals = new Dictionary<string, int>
    {
        ["approve(address,uint256)"] = 0, // ERC-20 spender, ERC-721 approved address
        ["increaseAllowance(address,uint256)"] = 0,
        ["setApprovalForAll(address,bool)"] = 0, // ERC-721 / ERC-1155 operator
    }.ToImmutableDictionary();

    /// <summary>Address parameter names that say "the output goes here".</summary>
    private static readonly ImmutableHashSet<string> RoutingNames = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "to", "recipient", "receiver", "beneficiary", "onBehalfOf", "dst", "destination");

    /// <summary>Functions whose purpose is to pay someone: their recipient is not a routing parameter.</summary>
    private static readonly ImmutableHashSet<string> Transfers = ImmutableHashSet.Create(
        StringComparer.Ordinal, "transfer", "transferFrom", "safeTransferFrom", "safeBatchTransferFrom", "send", "mint", "burn");

    /// <summary>The parameter an approval function authorises (<c>spender</c>, <c>operator</c>), or null when it is no approval.</summary>
    public static string? ApprovedParameter(AbiFunctionModel function) =>
        Approvals.TryGetValue(function.CanonicalSignature, out var index) && function.Inputs[index].Name is { Length: > 0 } name ? name : null;

    /// <summary>The paths of the address parameters (or static tuple members) that route the function's output.</summary>
    public static IEnumerable<string> RoutingParameters(AbiFunctionModel function)
    {
        if (Transfers.Contains(function.Name) || ApprovedParameter(function) is not null)
        {
            yield break;
        }

        foreach (var path in AddressPaths(function.Inputs, string.Empty))
        {
            var name = path.Substring(path.LastIndexOf('.') + 1);
            if (RoutingNames.Contains(name))
            {
                yield return path;
            }
        }
    }

    private static IEnumerable<string> AddressPaths(IReadOnlyList<AbiParameterModel> parameters, string prefix)
    {
        foreach (var parameter in parameters)
        {
            var info = parameter.TypeInfo;
            if (parameter.Name.Length == 0 || info.IsDynamic)
            {
                continue;
            }

            if (parameter.Type == "address")
            {
                yield return prefix + parameter.Name;
            }
            else if (info.Kind == AbiTypeKind.Tuple)
            {
                foreach (var member in AddressPaths(info.Components, prefix + parameter.Name + "."))
                {
                    yield return member;
                }
            }
        }
    }
}
