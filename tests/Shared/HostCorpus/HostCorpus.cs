using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SessionGen.Generators.Tests.Shared;

/// <summary>
/// Sources every compiler host must treat alike, each with the diagnostics it must produce marked in it
/// (<c>{|SESSGEN111:"transfr"|}</c>: that id on that span, nothing else), and the number of files it generates. Written in
/// C# 9 (block namespaces), the language of Unity 6, so that they compile in every supported version. Run by the current
/// Roslyn (SessionGen.Generators.Tests) and by Roslyn 4.3.1 (SessionGen.Roslyn43.Tests) with <see cref="HostCorpusRun"/>.
/// </summary>
public static class HostCorpus
{
    /// <summary>One corpus source.</summary>
    /// <param name="Name">Its name (and file name).</param>
    /// <param name="Source">The C# source with the expected diagnostics marked.</param>
    /// <param name="Abis">The files of the repository's <c>abis/</c> folder it is given as AdditionalFiles.</param>
    /// <param name="GeneratedFiles">How many files the generators add.</param>
    public sealed record Case(string Name, string Source, string[] Abis, int GeneratedFiles)
    {
        /// <inheritdoc/>
        public override string ToString() => Name;
    }

    /// <summary>Every case at each of <paramref name="versions"/>: the rows of a host's theory.</summary>
    public static TheoryData<string, LanguageVersion> At(params LanguageVersion[] versions)
    {
        var data = new TheoryData<string, LanguageVersion>();
        foreach (var corpusCase in Cases)
        {
            foreach (var version in versions)
            {
                data.Add(corpusCase.Name, version);
            }
        }

        return data;
    }

    private static readonly string[] AllAbis = { "ERC20.json", "ERC4626.json", "ERC721.json", "IMulticallExtended.json", "Multicall3.json", "UniswapV3SwapRouter.json", "WETH9.json" };

    /// <summary>The cases, by name.</summary>
    public static IReadOnlyList<Case> Cases { get; } = new[]
    {
        // Every ABI of the repository, bound.
        new Case("Bindings", """
            using SessionGen;

            namespace Corpus.Bindings
            {
                [ContractAbi("abis/ERC20.json")] public partial class Erc20 { }
                [ContractAbi("abis/ERC4626.json")] public partial class Erc4626 { }
                [ContractAbi("abis/ERC721.json")] public partial class Erc721 { }
                [ContractAbi("abis/IMulticallExtended.json")] public partial class MulticallExtended { }
                [ContractAbi("abis/Multicall3.json")] public partial class Multicall3 { }
                [ContractAbi("abis/UniswapV3SwapRouter.json")] public partial class SwapRouter { }
                [ContractAbi("abis/WETH9.json")] public partial class Weth { }
            }
            """, AllAbis, 7),

        // The README's one-click trading session.
        new Case("UsdcTrading", """
            using SessionGen;

            namespace Corpus.Trading
            {
                [ContractAbi("abis/ERC20.json")]
                [TokenDisplay("USDC", 6)]
                [SessionAction("transfer", SpendingLimit = "100e6")]
                [SessionExpiry(Days = 7)]
                public partial class UsdcTrading { }
            }
            """, new[] { "ERC20.json" }, 2),

        // A Uniswap swap bot: the router's exactInputSingle pinned by parameter rules, an approval pinned to the router.
        new Case("UniswapSwap", """
            using SessionGen;

            namespace Corpus.Dex
            {
                [ContractAbi("abis/ERC20.json")]
                [TokenDisplay("USDC", 6)]
                public partial class Usdc { }

                [ContractAbi("abis/UniswapV3SwapRouter.json")]
                public partial class SwapRouter { }

                [SessionAction("exactInputSingle", Contract = typeof(SwapRouter), ValueLimit = "1")]
                [ParamRule("exactInputSingle", "params.tokenIn", ParamCondition.Equal, Bind = "usdc", Contract = typeof(SwapRouter))]
                [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "50e6", CumulativeLimit = "500e6", Contract = typeof(SwapRouter))]
                [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account", Contract = typeof(SwapRouter))]
                [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "500e6")]
                [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "swapRouter", Contract = typeof(Usdc))]
                [SessionExpiry(Days = 7)]
                public partial class DexBot { }
            }
            """, new[] { "ERC20.json", "UniswapV3SwapRouter.json" }, 3),

        // Native value transfers only, and a sponsored (paymaster) session.
        new Case("ValueAndPaymaster", """
            using SessionGen;

            namespace Corpus.Value
            {
                [SessionValueTransfer(ValueLimit = "0.1e18", MaxUses = 3)]
                [SessionExpiry(Hours = 1)]
                public partial class Tipping { }

                [ContractAbi("abis/ERC20.json")]
                [SessionAction("transfer", SpendingLimit = "25e6")]
                [SessionExpiry(Days = 1)]
                [SessionPaymaster]
                public partial class SponsoredTrading { }
            }
            """, new[] { "ERC20.json" }, 3),

        // Mistakes: each gets its diagnostic where it is made, and no broken code is generated.
        new Case("Mistakes", """
            using SessionGen;

            namespace Corpus.Mistakes
            {
                [ContractAbi("abis/ERC20.json")]
                [SessionAction({|SESSGEN111:"transfr"|}, SpendingLimit = "1")]
                [SessionExpiry(Days = 1)]
                public partial class Typo { }

                [ContractAbi("abis/ERC20.json")]
                [SessionAction("transfer", SpendingLimit = {|SESSGEN110:"-1"|})]
                [SessionExpiry(Days = 1)]
                public partial class Negative { }

                [ContractAbi("abis/ERC20.json")]
                public class {|SESSGEN100:NotPartial|} { }

                [ContractAbi({|SESSGEN001:"abis/Missing.json"|})]
                public partial class Missing { }

                [ContractAbi("abis/ERC20.json")]
                [SessionAction("transfer", SpendingLimit = "1")]
                public partial class {|SESSGEN202:NoExpiry|} { }
            }
            """, new[] { "ERC20.json" }, 4),
    };
}
