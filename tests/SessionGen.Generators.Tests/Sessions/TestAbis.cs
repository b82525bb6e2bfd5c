namespace SessionGen.Generators.Tests.Sessions;

/// <summary>Small ABIs for session tests (the project paths match what the attributes say).</summary>
internal static class TestAbis
{
    public const string Erc20Path = "/project/abis/ERC20.json";
    public const string VaultPath = "/project/abis/Vault.json";
    public const string RouterPath = "/project/abis/Router.json";
    public const string WethPath = "/project/abis/Weth.json";
    public const string NftPath = "/project/abis/Nft.json";

    public const string Erc20 = """
        [
          {"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"approve","stateMutability":"nonpayable","inputs":[{"name":"spender","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"transferFrom","stateMutability":"nonpayable","inputs":[{"name":"from","type":"address"},{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"balanceOf","stateMutability":"view","inputs":[{"name":"owner","type":"address"}],"outputs":[{"name":"","type":"uint256"}]}
        ]
        """;

    /// <summary>A vault with a payable deposit, an overloaded withdraw and a function with a dynamic parameter.</summary>
    public const string Vault = """
        [
          {"type":"function","name":"deposit","stateMutability":"payable","inputs":[{"name":"assets","type":"uint256"},{"name":"receiver","type":"address"}],"outputs":[{"name":"shares","type":"uint256"}]},
          {"type":"function","name":"withdraw","stateMutability":"nonpayable","inputs":[{"name":"assets","type":"uint256"}],"outputs":[]},
          {"type":"function","name":"withdraw","stateMutability":"nonpayable","inputs":[{"name":"assets","type":"uint256"},{"name":"receiver","type":"address"}],"outputs":[]},
          {"type":"function","name":"execute","stateMutability":"nonpayable","inputs":[{"name":"data","type":"bytes"},{"name":"flag","type":"bool"}],"outputs":[]}
        ]
        """;

    /// <summary>A swap router whose parameter is a static tuple (rules address its members as <c>params.member</c>).</summary>
    public const string Router = """
        [
          {"type":"function","name":"exactInputSingle","stateMutability":"payable","inputs":[{"name":"params","type":"tuple","internalType":"struct ISwapRouter.ExactInputSingleParams","components":[
            {"name":"tokenIn","type":"address"},{"name":"tokenOut","type":"address"},{"name":"fee","type":"uint24"},{"name":"recipient","type":"address"},
            {"name":"amountIn","type":"uint256"},{"name":"amountOutMinimum","type":"uint256"},{"name":"sqrtPriceLimitX96","type":"uint160"}]}],"outputs":[{"name":"amountOut","type":"uint256"}]}
        ]
        """;

    /// <summary>WETH: a payable deposit() whose amount is the ETH sent along.</summary>
    public const string Weth = """
        [
          {"type":"function","name":"deposit","stateMutability":"payable","inputs":[],"outputs":[]},
          {"type":"function","name":"withdraw","stateMutability":"nonpayable","inputs":[{"name":"wad","type":"uint256"}],"outputs":[]}
        ]
        """;

    /// <summary>An NFT collection: operator approval for all tokens.</summary>
    public const string Nft = """
        [
          {"type":"function","name":"setApprovalForAll","stateMutability":"nonpayable","inputs":[{"name":"operator","type":"address"},{"name":"approved","type":"bool"}],"outputs":[]}
        ]
        """;

    public static (string Path, string Text)[] All => [(Erc20Path, Erc20), (VaultPath, Vault), (RouterPath, Router), (WethPath, Weth), (NftPath, Nft)];
}
