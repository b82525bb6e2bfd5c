using SessionGen;

namespace OneClickTrading;

/// <summary>
/// <see cref="UsdcTrading"/> for sponsored operations on a public network (<c>--chain</c> with <c>--paymaster</c>): the
/// current SmartSession module refuses a session operation with paymaster data unless the session permits it. The devnet
/// runs the legacy module, which neither needs nor can encode the flag, so the devnet flow keeps <see cref="UsdcTrading"/>.
/// </summary>
[ContractAbi("abis/ERC20.json")]
[TokenDisplay("USDC", 6)]
[SessionAction("transfer", SpendingLimit = "100e6")]
[SessionExpiry(Days = 7)]
[SessionPaymaster]
public partial class SponsoredUsdcTrading { }
