using SessionGen;

namespace OneClickTrading;

/// <summary>
/// The whole session, declared: the app may call <c>transfer</c> on the USDC contract, at most 100 USDC in
/// total, for 7 days, and nothing else. The generator turns this into <c>CreateSession</c>, <c>Describe</c>
/// and <c>Calls(...)</c>; the analyzers would flag it if the expiry or the limit were missing.
/// </summary>
[ContractAbi("abis/ERC20.json")]
[TokenDisplay("USDC", 6)]
[SessionAction("transfer", SpendingLimit = "100e6")]
[SessionExpiry(Days = 7)]
public partial class UsdcTrading { }
