using SessionGen;

namespace SessionGen.Benchmarks;

/// <summary>ERC-20, generated from abis/ERC20.json.</summary>
[ContractAbi("../../abis/ERC20.json")]
public static partial class Erc20 { }

/// <summary>Uniswap V3 SwapRouter, generated from abis/UniswapV3SwapRouter.json.</summary>
[ContractAbi("../../abis/UniswapV3SwapRouter.json")]
public static partial class SwapRouter { }

/// <summary>The reference scenario, generated: an app may transfer at most 100 USDC for a week (used by <see cref="DevnetLatency"/>).</summary>
[ContractAbi("../../abis/ERC20.json")]
[SessionAction("transfer", SpendingLimit = "100e6")]
[SessionExpiry(Days = 7)]
public partial class UsdcTrading;
