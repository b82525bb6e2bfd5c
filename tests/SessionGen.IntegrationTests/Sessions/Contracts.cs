using SessionGen;

namespace SessionGen.IntegrationTests.Sessions;

/// <summary>Call builders for any ERC-20, generated from abis/ERC20.json.</summary>
[ContractAbi("abis/ERC20.json")]
public static partial class Erc20;

/// <summary>The product's reference scenario: an app may transfer at most 100 USDC for a week, and nothing else.</summary>
[ContractAbi("abis/ERC20.json")]
[SessionAction("transfer", SpendingLimit = "100e6")]
[SessionExpiry(Days = 7)]
public partial class UsdcTrading;
