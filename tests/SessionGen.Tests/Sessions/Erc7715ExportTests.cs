using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Signing;
using Xunit;
using static SessionGen.Tests.Sessions.GuardTestData;

namespace SessionGen.Tests.Sessions;

/// <summary>The ERC-7715 export (DESIGN §8.5 shape, MetaMask's permission types) and the encrypted session-key keystore.</summary>
public sealed class Erc7715ExportTests
{
    private static readonly Address SessionKeyAddress = Address.Parse("0x00000000000000000000000000000000005e5510");

    [Fact]
    public void The_one_click_session_exports_as_an_erc20_allowance_with_start_time_and_expiry()
    {
        var export = Erc7715Export.Export(OneClickTrading(), PolicyAddresses.Current, 31337, SessionKeyAddress, justification: "one-click trading");

        var expected = JsonNode.Parse($$$"""
            [{"chainId":"0x7a69","to":"{{{SessionKeyAddress}}}","permission":{"type":"erc20-token-allowance","isAdjustmentAllowed":false,
              "data":{"tokenAddress":"{{{Token}}}","allowanceAmount":"0x5f5e100","startTime":1700000000,"justification":"one-click trading"}},
              "rules":[{"type":"expiry","data":{"timestamp":1800000000}}]}]
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(export.ToJson())), export.ToJson(indented: true));
        Assert.True(export.IsComplete);
        Assert.Equal("wallet_requestExecutionPermissions", Erc7715Export.Method);
    }

    [Fact]
    public void What_the_types_cannot_express_is_reported_and_left_out()
    {
        var rule = new ParamRule(ParamCondition.LessThanOrEqual, 32, new Bytes32(Words(1000)));
        var session = Create(
            [
                new ActionData(Token, Transfer, Policies.ERC20SpendingLimit(Token, 5 * Usdc), Policies.UsageLimit(3)),
                new ActionData(Token, Approve, Policies.ERC20SpendingLimit(Token, 5 * Usdc)),
                new ActionData(Dex, Swap, Policies.UniversalAction(new UniActionConfig(0, [rule]))),
                new ActionData(Bob, ActionId.ValueTransferSelector, Policies.ValueLimit(7)),
            ],
            userOpPolicies: [Policies.TimeFrame(ValidUntil, ValidAfter), Policies.UsageLimit(10)]);

        var export = Erc7715Export.Export(session, PolicyAddresses.Current, 1, SessionKeyAddress, from: Dex);

        Assert.Equal(["erc20-token-allowance", "native-token-allowance"], export.Permissions.Select(p => (string)p["permission"]!["type"]!).ToArray());
        var native = export.Permissions[1];
        Assert.Equal("0x7", (string)native["permission"]!["data"]!["allowanceAmount"]!);
        Assert.Equal(Bob.ToString(), (string)native["rules"]![1]!["data"]!["addresses"]![0]!);
        Assert.Equal(Dex.ToString(), (string)native["from"]!);
        Assert.Equal(
            [Erc7715GapKind.UsageLimit, Erc7715GapKind.UsageLimit, Erc7715GapKind.ArbitraryAction, Erc7715GapKind.ArbitraryAction, Erc7715GapKind.ParameterRule],
            export.NotExpressible.Select(g => g.Kind).ToArray());
        Assert.Contains("approve", export.NotExpressible[2].Reason.ToLowerInvariant().Replace("0x095ea7b3", "approve"));
        Assert.False(export.IsComplete);
    }

    [Fact]
    public void A_session_key_round_trips_through_an_encrypted_keystore_and_never_in_plain_text()
    {
        using var key = PrivateKeySigner.Generate();
        var path = Path.Combine(Path.GetTempPath(), $"sessiongen-key-{Guid.NewGuid():N}.json");
        try
        {
            SessionKeyStore.Save(path, key, "correct horse", scryptCost: 1024);
            var json = File.ReadAllText(path);
            using var loaded = SessionKeyStore.Load(path, "correct horse");

            Assert.Equal(key.Address, loaded.Address);
            Assert.DoesNotContain(Hex.Encode(key.ExportPrivateKey())[2..], json, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(3, (int)JsonNode.Parse(json)!["version"]!);
            Assert.Equal("scrypt", (string)JsonNode.Parse(json)!["crypto"]!["kdf"]!);
            Assert.Throws<ArgumentException>(() => SessionKeyStore.Load(path, "wrong"));
            Assert.Throws<ArgumentException>(() => SessionKeyStore.Save(path, key, string.Empty));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
