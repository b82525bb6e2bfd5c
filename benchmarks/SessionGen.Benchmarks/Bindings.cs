using SessionGen;

namespace SessionGen.Benchmarks;

/// <summary>ERC-20, generated from abis/ERC20.json.</summary>
[ContractAbi("../../abis/ERC20.json")]
public static partial class Erc20 { }

/// <summary>Uniswap V3 SwapRouter, generated from abis/UniswapV3SwapRouter.json.</summary>
[ContractAbi("../../abis/UniswapV3SwapRouter.json")]
public static partial class SwapRouter { }
