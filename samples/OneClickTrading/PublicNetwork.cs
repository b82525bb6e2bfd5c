using Nethereum.Hex.HexTypes;
using SessionGen;
using SessionGen.Transport;

namespace OneClickTrading;

/// <summary>
/// <c>--chain</c>: checks that the node, the bundler and the current Smart Sessions deployment are there for the preset,
/// then stops before creating an account. The flow itself needs an account factory on that network, and the devnet's
/// reference-account factory (modulekit's) is not deployed on public networks; creating Safe/Nexus/Kernel accounts
/// there is the account kinds' work, not yet in this sample.
/// </summary>
internal static class PublicNetwork
{
    public static async Task<int> CheckAsync(ChainPreset preset, SampleOptions options)
    {
        var node = JsonRpc.Connect(options.RpcUrl!);
        var bundler = new BundlerClient(JsonRpc.Connect(new Uri(options.Bundler!)), preset.EntryPoint);
        Console.WriteLine($"▶ Checking {preset.Name} (chain id {preset.ChainId}) at {options.RpcUrl} and the bundler at {options.Bundler}");
        var chainId = (ulong)(await node.SendRequestAsync<HexBigInteger>("eth_chainId")).Value;
        if (chainId != preset.ChainId)
        {
            Console.Error.WriteLine($"✗ the node at {options.RpcUrl} is chain {chainId}, not {preset.Name} ({preset.ChainId}).");
            return 2;
        }

        foreach (var (name, address) in new[] { ("EntryPoint v0.7", preset.EntryPoint), ("SmartSession", preset.SmartSessions.SmartSession), ("OwnableValidator", preset.SmartSessions.OwnableValidator), ("USDC", preset.Usdc) })
        {
            var code = await node.SendRequestAsync<string>("eth_getCode", null, address.ToString(), "latest");
            Console.WriteLine($"  {name} {address}: {(code.Length > 2 ? "deployed" : "NO CODE")}");
        }

        var entryPoints = await bundler.GetSupportedEntryPointsAsync();
        Console.WriteLine($"  the bundler serves {string.Join(", ", entryPoints)}{(entryPoints.Contains(preset.EntryPoint) ? "" : " (not EntryPoint v0.7!)")}");
        Console.Error.WriteLine("✗ Creating an account on a public network needs an account factory deployed there (Safe, Nexus, Kernel); this sample's reference account exists on the devnet only. Stopping before anything is signed.");
        return 3;
    }
}
