using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using SessionGen;
using SessionGen.Accounts;
using SessionGen.Signing;
using SessionGen.Transport;
using static OneClickTrading.Output;

namespace OneClickTrading;

/// <summary>
/// <c>--chain</c>: the one-click flow on a public network with the current Smart Sessions deployment, for an account
/// that already exists there (the devnet's account factory is not deployed on public networks). The owner installs
/// SmartSession if it is missing and enables the session (OwnableValidator as the session validator, the current
/// policies); the app transfers the token with the session key through the bundler (sponsored with <c>--paymaster</c>);
/// the owner revokes. Nothing is minted: the account must already hold the token.
/// </summary>
internal static class PublicNetwork
{
    private static readonly Address Bob = Address.Parse("0x00000000000000000000000000000000000b0b00");

    public static async Task<int> RunAsync(ChainPreset preset, SampleOptions options)
    {
        var token = options.Token ?? preset.Usdc;
        var deployment = preset.SmartSessions;
        var kind = options.AccountKind!;
        var ownerValidator = options.OwnerValidator ?? deployment.OwnableValidator;
        Step($"{preset.Name} (chain id {preset.ChainId}) at {options.RpcUrl}, the bundler at {options.Bundler}");
        Info($"account {options.Account} ({kind.Name}), owner validator {ownerValidator}, token {token}, SmartSession {deployment.SmartSession}");

        var node = JsonRpc.Connect(options.RpcUrl!);
        var chainId = (ulong)(await node.SendRequestAsync<HexBigInteger>("eth_chainId")).Value;
        if (chainId != preset.ChainId)
        {
            Fail($"the node at {options.RpcUrl} is chain {chainId}, not {preset.Name} ({preset.ChainId}). Nothing was signed or sent.");
            return 2;
        }

        var missing = new List<string>();
        foreach (var (name, address) in new[] { ("EntryPoint v0.7", preset.EntryPoint), ("SmartSession", deployment.SmartSession), ("OwnableValidator", deployment.OwnableValidator), ("the token", token), ("the account", options.Account!.Value) })
        {
            var deployed = (await node.SendRequestAsync<string>("eth_getCode", null, address.ToString(), "latest")).Length > 2;
            Info($"{name} {address}: {(deployed ? "deployed" : "NO CODE")}");
            if (!deployed)
            {
                missing.Add(name);
            }
        }

        var bundler = new BundlerClient(JsonRpc.Connect(new Uri(options.Bundler!)), preset.EntryPoint);
        var entryPoints = await bundler.GetSupportedEntryPointsAsync();
        Info($"the bundler serves {string.Join(", ", entryPoints)}");
        if (!entryPoints.Contains(preset.EntryPoint))
        {
            missing.Add("EntryPoint v0.7 at the bundler");
        }

        if (missing.Count > 0)
        {
            Fail($"missing on {preset.Name}: {string.Join(", ", missing)}. The account must exist already (create it with its own SDK). Nothing was signed or sent.");
            return 2;
        }

        PaymasterClient? paymaster = options.Paymaster is { } paymasterUrl ? new PaymasterClient(JsonRpc.Connect(new Uri(paymasterUrl))) : null;
        var entryPoint = new EntryPointClient(node, chainId, bundler) { Paymaster = paymaster };
        Info(paymaster is null ? "the account pays for its operations (it needs ETH)" : $"operations are sponsored by the paymaster service at {options.Paymaster}");
        using var owner = PrivateKeySigner.FromPrivateKey(options.OwnerKey!);
        var account = SmartAccount.Attach(entryPoint, options.Account!.Value, kind, ownerValidator, deployment);
        Task<BigInteger> BalanceAsync(Address holder) => UsdcTrading.Read.BalanceOfAsync(node, token, holder);
        Info($"owner {owner.Address}; account balance {FormatToken(await BalanceAsync(account.Address))}");

        if (!await account.IsSmartSessionInstalledAsync())
        {
            Step("The owner installs the SmartSession module (one operation)");
            Operation(await account.InstallSmartSessionAsync(owner));
        }
        else
        {
            Info("SmartSession is installed on the account");
        }

        Step("The app asks for a session; the owner approves once");
        using var sessionKey = SessionKeyFile.LoadOrCreate(options.KeyFile ?? SampleOptions.DefaultKeyFile);
        var block = await node.SendRequestAsync<BlockWithTransactionHashes>("eth_getBlockByNumber", null, BlockParameter.CreateLatest(), false);
        var now = DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
        var salt = Keccak256.Hash("one-click trading sample " + now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

        // The current module refuses a session operation that carries paymaster data unless the session permits it.
        var session = paymaster is null
            ? UsdcTrading.CreateSession(token, sessionKey.Address, now, salt, deployment)
            : SponsoredUsdcTrading.CreateSession(token, sessionKey.Address, now, salt, deployment);
        var description = paymaster is null ? UsdcTrading.Describe(session, deployment.Policies) : SponsoredUsdcTrading.Describe(session, deployment.Policies);
        foreach (var line in description.Split('\n'))
        {
            Console.WriteLine("    │ " + line);
        }

        Operation(await account.EnableSessionAsync(session, owner));
        Info($"session {session.PermissionId} enabled on chain: {await account.IsPermissionEnabledAsync(session.PermissionId)}");

        Step($"The app transfers with the session key ({options.Transfers} × {options.AmountUsdc.ToString(CultureInfo.InvariantCulture)} to {Bob})");
        var calls = UsdcTrading.Calls(token);
        for (var i = 0; i < options.Transfers; i++)
        {
            var transfer = calls.Transfer(Bob, new BigInteger(options.AmountUsdc * 1_000_000m));
            var coverage = await account.CoversAsync(session, [transfer]);
            if (!coverage.IsCovered)
            {
                Info($"transfer {i + 1} is not covered by the session ({coverage.MissingRule}); stopping here");
                break;
            }

            Operation(await account.ExecuteAsync(session, transfer, sessionKey));
            Info($"account {FormatToken(await BalanceAsync(account.Address))}");
        }

        Step("The owner revokes the session");
        Operation(await account.RemoveSessionAsync(session.PermissionId, owner));
        Info($"session enabled on chain: {await account.IsPermissionEnabledAsync(session.PermissionId)}");
        return 0;
    }

    private static string FormatToken(BigInteger units) => ((decimal)units / 1_000_000m).ToString(CultureInfo.InvariantCulture) + " (6 decimals)";
}
