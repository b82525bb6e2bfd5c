using System.Linq;
using System.Numerics;
using System.Text.Json.Nodes;
using SessionGen.Protocol;

namespace SessionGen.Benchmarks;

/// <summary>
/// The SmartSession enable digest as generic EIP-712 typed data (eth_signTypedData_v4 JSON), for Nethereum's encoder: the
/// contract's types (current module), domain {"SmartSession","1"}, one chain. The same types peers.mjs gives viem.
/// </summary>
internal static class NethereumTypedData
{
    private const string Types = """
        {
          "EIP712Domain": [{ "name": "name", "type": "string" }, { "name": "version", "type": "string" }],
          "PolicyData": [{ "name": "policy", "type": "address" }, { "name": "initData", "type": "bytes" }],
          "ActionData": [{ "name": "actionTargetSelector", "type": "bytes4" }, { "name": "actionTarget", "type": "address" }, { "name": "actionPolicies", "type": "PolicyData[]" }],
          "ERC7739Context": [{ "name": "appDomainSeparator", "type": "bytes32" }, { "name": "contentName", "type": "string[]" }],
          "ERC7739Data": [{ "name": "allowedERC7739Content", "type": "ERC7739Context[]" }, { "name": "erc1271Policies", "type": "PolicyData[]" }],
          "SignedPermissions": [
            { "name": "permitGenericPolicy", "type": "bool" }, { "name": "permitAdminAccess", "type": "bool" },
            { "name": "ignoreSecurityAttestations", "type": "bool" }, { "name": "permitERC4337Paymaster", "type": "bool" },
            { "name": "userOpPolicies", "type": "PolicyData[]" }, { "name": "erc7739Policies", "type": "ERC7739Data" }, { "name": "actions", "type": "ActionData[]" }],
          "SignedSession": [
            { "name": "account", "type": "address" }, { "name": "permissions", "type": "SignedPermissions" }, { "name": "sessionValidator", "type": "address" },
            { "name": "sessionValidatorInitData", "type": "bytes" }, { "name": "salt", "type": "bytes32" }, { "name": "smartSession", "type": "address" },
            { "name": "nonce", "type": "uint256" }],
          "ChainSession": [{ "name": "chainId", "type": "uint64" }, { "name": "session", "type": "SignedSession" }],
          "MultiChainSession": [{ "name": "sessionsAndChainIds", "type": "ChainSession[]" }]
        }
        """;

    /// <summary>The typed data of enabling <paramref name="session"/> (mode ENABLE) on <paramref name="chainId"/>.</summary>
    public static string ForEnable(Session session, Address account, BigInteger nonce, ulong chainId)
    {
        var signedSession = new JsonObject
        {
            ["account"] = account.ToString(),
            ["permissions"] = new JsonObject
            {
                ["permitGenericPolicy"] = session.PermitsGenericPolicy,
                ["permitAdminAccess"] = session.PermitsAdminAccess,
                ["ignoreSecurityAttestations"] = false,
                ["permitERC4337Paymaster"] = session.PermitERC4337Paymaster,
                ["userOpPolicies"] = Policies(session.UserOpPolicies),
                ["erc7739Policies"] = new JsonObject
                {
                    ["allowedERC7739Content"] = new JsonArray([.. session.Erc7739Policies.AllowedERC7739Content.Select(c => (JsonNode)new JsonObject
                    {
                        ["appDomainSeparator"] = c.AppDomainSeparator.ToString(),
                        ["contentName"] = new JsonArray([.. c.ContentNames.Select(n => (JsonNode)JsonValue.Create(n)!)]),
                    })]),
                    ["erc1271Policies"] = Policies(session.Erc7739Policies.Erc1271Policies),
                },
                ["actions"] = new JsonArray([.. session.Actions.Select(a => (JsonNode)new JsonObject
                {
                    ["actionTargetSelector"] = a.ActionTargetSelector.ToString(),
                    ["actionTarget"] = a.ActionTarget.ToString(),
                    ["actionPolicies"] = Policies(a.ActionPolicies),
                })]),
            },
            ["sessionValidator"] = session.SessionValidator.ToString(),
            ["sessionValidatorInitData"] = Hex.Encode(session.SessionValidatorInitData.Span),
            ["salt"] = session.Salt.ToString(),
            ["smartSession"] = SmartSessionDeployment.Current.SmartSession.ToString(),
            ["nonce"] = nonce.ToString(),
        };

        return new JsonObject
        {
            ["types"] = JsonNode.Parse(Types),
            ["primaryType"] = "MultiChainSession",
            ["domain"] = new JsonObject { ["name"] = "SmartSession", ["version"] = "1" },
            ["message"] = new JsonObject
            {
                ["sessionsAndChainIds"] = new JsonArray(new JsonObject { ["chainId"] = chainId.ToString(), ["session"] = signedSession }),
            },
        }.ToJsonString();
    }

    private static JsonArray Policies(System.Collections.Generic.IEnumerable<PolicyData> policies) =>
        new([.. policies.Select(p => (JsonNode)new JsonObject { ["policy"] = p.Policy.ToString(), ["initData"] = Hex.Encode(p.InitData.Span) })]);
}
