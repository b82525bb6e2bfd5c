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

/// <summary>USDC, named and with its decimals for descriptions.</summary>
[ContractAbi("abis/ERC20.json")]
[TokenDisplay("USDC", 6)]
public partial class UsdcToken;

/// <summary>Uniswap V3's SwapRouter, from abis/UniswapV3SwapRouter.json.</summary>
[ContractAbi("abis/UniswapV3SwapRouter.json")]
public partial class SwapRouter;

/// <summary>
/// The DEX bot of issue #14: swaps USDC for WETH through the router, at most 50 USDC a swap and 500 USDC in total, the output
/// only to the account itself (bound when the session is created), and approves only the router to spend USDC.
/// </summary>
[SessionAction("exactInputSingle", Contract = typeof(SwapRouter))]
[ParamRule("exactInputSingle", "params.tokenIn", ParamCondition.Equal, Bind = "usdcToken", Contract = typeof(SwapRouter))]
[ParamRule("exactInputSingle", "params.tokenOut", ParamCondition.Equal, Bind = "weth", Contract = typeof(SwapRouter))]
[ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "50e6", CumulativeLimit = "500e6", Contract = typeof(SwapRouter))]
[ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account", Contract = typeof(SwapRouter))]
[SessionAction("approve", Contract = typeof(UsdcToken), SpendingLimit = "500e6")]
[ParamRule("approve", "spender", ParamCondition.Equal, Bind = "swapRouter", Contract = typeof(UsdcToken))]
[SessionExpiry(Days = 7)]
public partial class DexBot;
