using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// Exports a session as an ERC-7715 <c>wallet_requestExecutionPermissions</c> request (draft standard; the permission types
/// of MetaMask's <c>@metamask/7715-permission-types</c>), for wallets that grant permissions themselves. What the standard
/// types cannot express is reported in <see cref="Erc7715Request.NotExpressible"/>, never dropped silently.
/// </summary>
/// <remarks>
/// <para>Mapping: an ERC-20 spending limit on a token's <c>transfer</c> action becomes one <c>erc20-token-allowance</c> per token
/// (<c>tokenAddress</c>, <c>allowanceAmount</c>); a native value limit on value transfers becomes a <c>native-token-allowance</c>
/// (with a <c>payee</c> rule when the action names the recipient); the time frame becomes <c>startTime</c> (validAfter) and an
/// <c>expiry</c> rule (validUntil). The export never widens the session: what it cannot express exactly (usage limits,
/// parameter rules, <c>approve</c>/<c>transferFrom</c> actions, arbitrary calls, ERC-1271 signing, unknown policies) is left out
/// of the request and listed instead.</para>
/// </remarks>
public static class Erc7715Export
{
    /// <summary>The JSON-RPC method the request is for.</summary>
    public const string Method = "wallet_requestExecutionPermissions";

    private static readonly Selector TransferSelector = Selector.FromSignature("transfer(address,uint256)");

    /// <summary>Exports <paramref name="session"/>.</summary>
    /// <param name="session">The session.</param>
    /// <param name="policies">Which policy contract is which kind (as for <see cref="SessionGuard"/>).</param>
    /// <param name="chainId">The chain the permissions are for.</param>
    /// <param name="to">Who is granted the permissions: the session key's address.</param>
    /// <param name="from">The account granting them, when known.</param>
    /// <param name="justification">Why the app asks, shown to the user.</param>
    /// <exception cref="ArgumentException">A policy's init data is malformed.</exception>
    public static Erc7715Request Export(Session session, PolicyAddresses policies, ulong chainId, Address to, Address? from = null, string? justification = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policies);
        var decoded = DecodedSession.Decode(session, policies);
        var gaps = new List<Erc7715Gap>();
        var frames = decoded.UserOp.OfType<TimeFramePolicy>().Concat(decoded.Actions.SelectMany(a => a.Policies.OfType<TimeFramePolicy>())).ToArray();
        var validAfter = frames.Select(f => f.ValidAfter).DefaultIfEmpty(0UL).Max();
        var validUntil = frames.Where(f => f.ValidUntil != 0).Select(f => f.ValidUntil).DefaultIfEmpty(0UL).Min();
        var permissions = new List<(string Type, JsonObject Data, Address? Payee)>();

        BigInteger? nativeTotal = null;
        foreach (var policy in decoded.UserOp)
        {
            switch (policy)
            {
                case ValueLimitPolicy value:
                    nativeTotal = nativeTotal is null ? value.Limit : BigInteger.Min(nativeTotal.Value, value.Limit);
                    break;
                case UsageLimitPolicy usage:
                    gaps.Add(new Erc7715Gap(Erc7715GapKind.UsageLimit, usage.Policy, null, $"at most {usage.Limit} operations: ERC-7715 has no usage-limit type"));
                    break;
                case UncheckedPolicy @unchecked:
                    gaps.Add(new Erc7715Gap(Erc7715GapKind.UnknownPolicy, @unchecked.Policy, null, "a user-op policy of no known kind"));
                    break;
            }
        }

        foreach (var rules in decoded.Actions)
        {
            var action = rules.Action;
            var spending = rules.Policies.OfType<ERC20SpendingLimitPolicy>().ToArray();
            var values = rules.Policies.OfType<ValueLimitPolicy>().ToArray();
            var expressed = false;
            if (spending.Length > 0 && action.ActionTargetSelector == TransferSelector)
            {
                var limit = spending.Min(p => p.LimitOf(action.ActionTarget));
                if (!limit.IsZero)
                {
                    var data = new JsonObject { ["tokenAddress"] = action.ActionTarget.ToString(), ["allowanceAmount"] = Quantity(limit) };
                    permissions.Add(("erc20-token-allowance", data, null));
                }

                expressed = true;
            }
            else if (values.Length > 0 && action.ActionTargetSelector == ActionId.ValueTransferSelector && !action.IsFallback)
            {
                var limit = values.Min(p => p.Limit);
                permissions.Add(("native-token-allowance", new JsonObject { ["allowanceAmount"] = Quantity(nativeTotal is null ? limit : BigInteger.Min(limit, nativeTotal.Value)) }, action.ActionTarget));
                expressed = true;
            }

            if (!expressed)
            {
                var reason = spending.Length > 0
                    ? $"{action.ActionTargetSelector} on token {action.ActionTarget} with a spending limit: ERC-7715's token allowances cover transfers only"
                    : $"calls to {action.ActionTarget} with selector {action.ActionTargetSelector}: ERC-7715 has no type for an arbitrary contract call";
                gaps.Add(new Erc7715Gap(Erc7715GapKind.ArbitraryAction, null, action, reason));
            }

            foreach (var policy in rules.Policies)
            {
                switch (policy)
                {
                    case UsageLimitPolicy usage:
                        gaps.Add(new Erc7715Gap(Erc7715GapKind.UsageLimit, usage.Policy, action, $"at most {usage.Limit} calls: ERC-7715 has no usage-limit type"));
                        break;
                    case UniActionPolicy uni:
                        gaps.Add(new Erc7715Gap(Erc7715GapKind.ParameterRule, uni.Policy, action, $"{uni.Config.Rules.Count} rule(s) on call parameters and at most {uni.Config.ValueLimitPerUse} wei per call: ERC-7715 has no parameter-rule type"));
                        break;
                    case UncheckedPolicy @unchecked:
                        gaps.Add(new Erc7715Gap(Erc7715GapKind.UnknownPolicy, @unchecked.Policy, action, "an action policy of no known kind"));
                        break;
                }
            }
        }

        if (nativeTotal is not null && !permissions.Any(p => p.Type == "native-token-allowance"))
        {
            // A session-wide native value cap only narrows the actions above; alone it grants nothing to export.
            gaps.Add(new Erc7715Gap(Erc7715GapKind.ValueLimitOnCalls, decoded.UserOp.OfType<ValueLimitPolicy>().First().Policy, null, $"at most {nativeTotal} wei in total across the session's calls: it limits calls that ERC-7715 cannot express"));
        }

        if (session.Erc7739Policies.Erc1271Policies.Count > 0)
        {
            gaps.Add(new Erc7715Gap(Erc7715GapKind.Erc1271Signing, null, null, "signing for the account (ERC-1271 / ERC-7739): ERC-7715 has no signing permission type"));
        }

        var requests = permissions.Select(p => Request(p.Type, p.Data, p.Payee, chainId, to, from, justification, validAfter, validUntil)).ToArray();
        return new Erc7715Request(requests, gaps);
    }

    private static JsonObject Request(string type, JsonObject data, Address? payee, ulong chainId, Address to, Address? from, string? justification, ulong validAfter, ulong validUntil)
    {
        if (validAfter != 0)
        {
            data["startTime"] = validAfter;
        }

        if (justification is not null)
        {
            data["justification"] = justification;
        }

        var request = new JsonObject { ["chainId"] = Quantity(chainId) };
        if (from is { } account)
        {
            request["from"] = account.ToString();
        }

        request["to"] = to.ToString();
        request["permission"] = new JsonObject { ["type"] = type, ["isAdjustmentAllowed"] = false, ["data"] = data };
        // Added as JsonNode: JsonArray.Add<T> (what a JsonObject argument binds to) is not trim- or AOT-safe.
        var rules = new JsonArray();
        if (validUntil != 0)
        {
            rules.Add((JsonNode)new JsonObject { ["type"] = "expiry", ["data"] = new JsonObject { ["timestamp"] = validUntil } });
        }

        if (payee is { } recipient)
        {
            rules.Add((JsonNode)new JsonObject { ["type"] = "payee", ["data"] = new JsonObject { ["addresses"] = new JsonArray(recipient.ToString()) } });
        }

        if (rules.Count > 0)
        {
            request["rules"] = rules;
        }

        return request;
    }

    /// <summary>A JSON-RPC quantity: <c>0x</c> and lowercase hex digits without leading zeros.</summary>
    private static string Quantity(BigInteger value) =>
        value.IsZero ? "0x0" : "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0');
}

/// <summary>An ERC-7715 export: the permission requests (the method's params) and what could not be expressed.</summary>
/// <param name="Permissions">One <c>PermissionRequest</c> per permission, in order; empty when nothing was expressible.</param>
/// <param name="NotExpressible">What the session permits or restricts that the request does not carry.</param>
public sealed record Erc7715Request(IReadOnlyList<JsonObject> Permissions, IReadOnlyList<Erc7715Gap> NotExpressible)
{
    /// <summary>Whether the request carries the whole session.</summary>
    public bool IsComplete => NotExpressible.Count == 0;

    /// <summary>The <c>params</c> of <see cref="Erc7715Export.Method"/>: the array of permission requests, as JSON.</summary>
    public string ToJson(bool indented = false) =>
        new JsonArray(Permissions.Select(p => (JsonNode)p.DeepClone()).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
}

/// <summary>Something a session holds that the ERC-7715 export cannot express.</summary>
/// <param name="Kind">What kind of rule it is.</param>
/// <param name="Policy">The policy concerned, when one is.</param>
/// <param name="Action">The action concerned, or <see langword="null"/> for the session as a whole.</param>
/// <param name="Reason">In plain words.</param>
public sealed record Erc7715Gap(Erc7715GapKind Kind, Address? Policy, ActionData? Action, string Reason);

/// <summary>The kinds of session rules ERC-7715's permission types cannot express.</summary>
public enum Erc7715GapKind
{
    /// <summary>A usage limit (number of operations or calls).</summary>
    UsageLimit = 0,

    /// <summary>Rules on call parameters (UniActionPolicy).</summary>
    ParameterRule = 1,

    /// <summary>An action that is not a token transfer nor a native transfer: an arbitrary contract call (or the fallback action).</summary>
    ArbitraryAction = 2,

    /// <summary>A policy of no known kind.</summary>
    UnknownPolicy = 3,

    /// <summary>ERC-1271 signing for the account.</summary>
    Erc1271Signing = 4,

    /// <summary>A session-wide native value limit on calls the export cannot express.</summary>
    ValueLimitOnCalls = 5,
}
