using System.Collections.Generic;
using SessionGen.Protocol;

namespace SessionGen.Tests.Protocol;

/// <summary>Small hand-made sessions for the non-differential tests.</summary>
internal static class TestSessions
{
    public static readonly Address Usdc = Address.Parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    public static readonly Address SessionKey = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    public static readonly Selector Transfer = Selector.FromSignature("transfer(address,uint256)");

    public static Session Create(
        Address? validator = null,
        IEnumerable<ActionData>? actions = null,
        ERC7739Data? erc7739 = null,
        bool permitPaymaster = false,
        Bytes32 salt = default) =>
        new(
            validator ?? SmartSessionDeployment.Current.OwnableValidator,
            SessionValidatorInitData.Ownable(1, SessionKey),
            salt,
            new[] { Policies.TimeFrame(1_800_000_000, 1_700_000_000) },
            erc7739 ?? ERC7739Data.None,
            actions ?? new[] { new ActionData(Usdc, Transfer, Policies.ERC20SpendingLimit(Usdc, 100_000_000)) },
            permitPaymaster);
}
