using System;
using SessionGen.Protocol;
using Xunit;

namespace SessionGen.Tests.Protocol;

/// <summary>The protocol's constants, recomputed from their definitions and checked against the contracts' values.</summary>
public class ProtocolConstantsTests
{
    private const string Policy = "PolicyData(address policy,bytes initData)";
    private const string Action = "ActionData(bytes4 actionTargetSelector,address actionTarget,PolicyData[] actionPolicies)";
    private const string Context = "ERC7739Context(bytes32 appDomainSeparator,string[] contentName)";
    private const string Data = "ERC7739Data(ERC7739Context[] allowedERC7739Content,PolicyData[] erc1271Policies)";
    private const string LegacyData = "ERC7739Data(string[] allowedERC7739Content,PolicyData[] erc1271Policies)";
    private const string Permissions = "SignedPermissions(bool permitGenericPolicy,bool permitAdminAccess,bool ignoreSecurityAttestations,bool permitERC4337Paymaster,PolicyData[] userOpPolicies,ERC7739Data erc7739Policies,ActionData[] actions)";
    private const string SignedSession = "SignedSession(address account,SignedPermissions permissions,address sessionValidator,bytes sessionValidatorInitData,bytes32 salt,address smartSession,uint256 nonce)";
    private const string LegacySession = "SessionEIP712(address account,address smartSession,uint8 mode,address sessionValidator,bytes32 salt,bytes sessionValidatorInitData,PolicyData[] userOpPolicies,ERC7739Data erc7739Policies,ActionData[] actions,uint256 nonce)";

    // EIP-712 encodeType: the struct, then every struct it references, sorted by name.
    public static TheoryData<string, string, string> TypeHashes() => new()
    {
        { "PolicyData", Policy, "0xdddac12cd8b10a071bea04226e97ac9490698394e19224abc47a5cfeeeb6ee97" },
        { "ActionData", Action + Policy, "0x35809859dccf8877c407a59527c2f00fb81ca9c198ebcb0c832c3deaa38d3502" },
        { "ERC7739Context", Context, "0x006166b2b3a1edaf1da1ce02715d02d4979a4ab93755bff9ec054b0e6a96a1da" },
        { "ERC7739Data", Data + Context + Policy, "0xdfd9b5718eebaa2484740b4ea6939e96189024c15848f16ccce901118114e152" },
        { "SignedPermissions", Permissions + Action + Context + Data + Policy, "0x871289c05e426554eb0f843c9aa542f9c2bc4eba7742ada6a5c014d3568674d4" },
        { "SignedSession", SignedSession + Action + Context + Data + Policy + Permissions, "0xd44896e3cb83d70abc949a38dd6f9f75e675dc329dfe958617f066f79ff88f05" },
        { "ChainSession", "ChainSession(uint64 chainId,SignedSession session)" + Action + Context + Data + Policy + Permissions + SignedSession, "0x1ea7e4bc398fa0ccd68d92b5d8931a3fd93eebe1cf0391b4ba28935801af7c80" },
        { "MultiChainSession", "MultiChainSession(ChainSession[] sessionsAndChainIds)" + Action + "ChainSession(uint64 chainId,SignedSession session)" + Context + Data + Policy + Permissions + SignedSession, "0x0c9d02fb89a1da34d66ea2088dc9ee6a58efee71cef6f1bb849ed74fc6003d98" },
        { "LegacyERC7739Data", LegacyData + Policy, "0xdd8bf2f9b88fa557b2cb00ffd37dc4a3b8f3ff1d0d9e03c6f7c183f38869e91d" },
        // The last three as LEGACY-SMARTSESSION.md §Q2 lists them (each a PUSH32 in the legacy runtime).
        { "LegacySession", LegacySession + Action + LegacyData + Policy, "0x45f5f60cec99c2d0a0198ec513b02d6926b8ec63dfaf7e9afba954108dd97ebd" },
        { "LegacyChainSession", "ChainSessionEIP712(uint64 chainId,SessionEIP712 session)" + Action + LegacyData + Policy + LegacySession, "0x9c5d301c45209fe15c8bb85bc08d4234ac9e1d48c0d22b7ab701ae25e640086b" },
        { "LegacyMultiChainSession", "MultiChainSessionEIP712(ChainSessionEIP712[] sessionsAndChainIds)" + Action + "ChainSessionEIP712(uint64 chainId,SessionEIP712 session)" + LegacyData + Policy + LegacySession, "0x9af9262be547d4cc9dd06591bab37efd72d2b9d5fca173afd326b5b5410dac18" },
    };

    [Theory]
    [MemberData(nameof(TypeHashes))]
    public void Type_hashes_are_the_keccak_of_their_type_strings(string name, string typeString, string expected)
    {
        var constant = name switch
        {
            "PolicyData" => EnableDigest.PolicyDataTypeHash,
            "ActionData" => EnableDigest.ActionDataTypeHash,
            "ERC7739Context" => EnableDigest.ERC7739ContextTypeHash,
            "ERC7739Data" => EnableDigest.ERC7739DataTypeHash,
            "SignedPermissions" => EnableDigest.SignedPermissionsTypeHash,
            "SignedSession" => EnableDigest.SignedSessionTypeHash,
            "ChainSession" => EnableDigest.ChainSessionTypeHash,
            "MultiChainSession" => EnableDigest.MultiChainSessionTypeHash,
            "LegacyERC7739Data" => EnableDigest.LegacyERC7739DataTypeHash,
            "LegacySession" => EnableDigest.LegacySessionTypeHash,
            "LegacyChainSession" => EnableDigest.LegacyChainSessionTypeHash,
            "LegacyMultiChainSession" => EnableDigest.LegacyMultiChainSessionTypeHash,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        Assert.Equal(expected, Keccak256.Hash(typeString).ToString());
        Assert.Equal(expected, constant.ToString());
    }

    [Fact]
    public void Domain_separator_is_name_SmartSession_version_1()
    {
        var words = new byte[96];
        Keccak256.Hash("EIP712Domain(string name,string version)").WriteTo(words);
        Keccak256.Hash("SmartSession").WriteTo(words.AsSpan(32));
        Keccak256.Hash("1").WriteTo(words.AsSpan(64));
        Assert.Equal("0xb03948446334eb9b2196d5eb166f69b9d49403eb4a12f36de8d3f9f3cb8e15c3", Keccak256.Hash("EIP712Domain(string name,string version)").ToString());
        Assert.Equal(Keccak256.Hash(words), EnableDigest.DomainSeparator);
    }

    [Fact]
    public void Special_actions_have_the_contracts_ids()
    {
        // erc7579/smartsessions DataTypes.sol: FALLBACK_ACTIONID and FALLBACK_ACTIONID_SMARTSESSION_CALL.
        Assert.Equal("0xd884b6afa19f8ace90a388daca691e4e28f20cdac5aeefd46ad8bd1c074d28cf", ActionId.Fallback.ToString());
        Assert.Equal("0x986126569d6396d837d7adeb3ca726199afaf83546f38726e6f331bb92d8e9d6", ActionId.Compute(ActionId.FallbackTarget, ActionId.AdminFallbackSelector).ToString());
        Assert.Equal("0x0000000000000000000000000000000000000001", ActionId.FallbackTarget.ToString());
        Assert.Equal("0xffffffff", ActionId.ValueTransferSelector.ToString());
        var plainTransfer = new Call(TestSessions.Usdc, 1, ReadOnlyMemory<byte>.Empty);
        Assert.Equal(ActionId.Compute(TestSessions.Usdc, ActionId.ValueTransferSelector), ActionId.ForCall(plainTransfer));
        var transfer = Call.To(TestSessions.Usdc, TestSessions.Transfer.ToArray());
        Assert.Equal(ActionId.Compute(TestSessions.Usdc, TestSessions.Transfer), ActionId.ForCall(transfer));
    }

    [Theory]
    [InlineData("enableSessions((address,bytes,bytes32,(address,bytes)[],((bytes32,string[])[],(address,bytes)[]),(bytes4,address,(address,bytes)[])[],bool)[])", 0x21712407u)]
    [InlineData("enableSessions((address,bytes,bytes32,(address,bytes)[],(string[],(address,bytes)[]),(bytes4,address,(address,bytes)[])[])[])", 0xf55af6d1u)]
    [InlineData("removeSession(bytes32)", 0xf867b08eu)]
    [InlineData("isPermissionEnabled(bytes32,address)", 0xadbc532fu)]
    [InlineData("getNonce(bytes32,address)", 0x795f9269u)]
    public void Module_selectors_are_those_of_their_signatures(string signature, uint expected)
    {
        Assert.Equal(expected, Selector.FromSignature(signature).Value);
        var constants = new[]
        {
            SmartSessionModule.EnableSessionsSelector, SmartSessionModule.LegacyEnableSessionsSelector, SmartSessionModule.RemoveSessionSelector,
            SmartSessionModule.IsPermissionEnabledSelector, SmartSessionModule.GetNonceSelector,
        };
        Assert.Contains(new Selector(expected), constants);
    }

    [Fact]
    public void Module_calls_encode_their_arguments()
    {
        var id = TestSessions.Create().PermissionId;
        Assert.Equal("0xf867b08e" + id.ToString()[2..], Hex.Encode(SmartSessionModule.EncodeRemoveSession(id)));
        Assert.Equal(
            "0xadbc532f" + id.ToString()[2..] + "000000000000000000000000" + TestSessions.SessionKey.ToLowerHex()[2..],
            Hex.Encode(SmartSessionModule.EncodeIsPermissionEnabled(id, TestSessions.SessionKey)));
        Assert.Equal("0x795f9269", Hex.Encode(SmartSessionModule.EncodeGetNonce(id, TestSessions.SessionKey).AsSpan(0, 4)));
        var remove = SmartSessionModule.RemoveSession(SmartSessionDeployment.Legacy, id);
        Assert.Equal(SmartSessionDeployment.Legacy.SmartSession, remove.Target);
        Assert.Empty(SmartSessionModule.GetInstallData(Array.Empty<Session>()));
    }
}
