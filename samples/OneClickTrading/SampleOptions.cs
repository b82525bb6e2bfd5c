using System.Globalization;

namespace OneClickTrading;

/// <summary>The sample's command line.</summary>
internal sealed record SampleOptions(int Transfers, decimal AmountUsdc, Uri? RpcUrl, string? FunderKey, bool Help, string? KeyFile = null)
{
    /// <summary>Outside the repository: the user's local application data.</summary>
    public static readonly string DefaultKeyFile = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "SessionGen", "OneClickTrading", "session-key.json");
    /// <summary>The value of <c>--bundler</c> that starts the local alto bundler.</summary>
    public const string LocalBundler = "local";

    /// <summary>Send through an ERC-4337 bundler: <see cref="LocalBundler"/> (alto on the devnet) or its URL; null sends <c>handleOps</c> directly.</summary>
    public string? Bundler { get; init; }

    /// <summary>An ERC-7677 paymaster service that sponsors the operations; null when the account pays.</summary>
    public Uri? Paymaster { get; init; }

    /// <summary>A public network preset; null for the devnet.</summary>
    public ChainPreset? Chain { get; init; }

    public const string Usage = """
        OneClickTrading — the SessionGen one-click trading sample.

        Starts a local chain (anvil, from the project's npm tools) with EntryPoint v0.7, the SmartSession module,
        an ERC-7579 account factory and a 6-decimal test USDC; creates a smart account for a new owner; shows the
        owner, in plain words, the session to approve ("transfer at most 100 USDC in total, for 7 days"); the owner
        approves once; then the app transfers USDC with the session key and no further prompt. A transfer that
        would pass 100 USDC in total is refused before anything is signed, and the owner finally revokes the session.

        Usage: dotnet run --project samples/OneClickTrading -c Release [-- options]

        Options:
          --transfers <n>     how many session-key transfers to make (default 3)
          --amount <usdc>     USDC per transfer, at most 6 decimals (default 25)
          --rpc <url>         use this node instead of starting one: an anvil (or a node that answers anvil_setCode)
                              you started yourself; the sample deploys its contracts there and leaves the node running
          --funder-key <hex>  with --rpc: a funded key on that node that deploys and pays for the operations
          --key-file <path>   the session key's encrypted keystore (default: SessionGen/OneClickTrading/session-key.json
                              under the local application data folder): loaded when it
                              exists, else a new key is saved there; password from ONECLICK_KEY_PASSWORD
          --bundler <url|local>
                              send the operations through an ERC-4337 bundler (eth_sendUserOperation, gas from
                              eth_estimateUserOperationGas) instead of calling handleOps from a funded key;
                              "local" starts the alto bundler on the devnet
          --paymaster <url>   an ERC-7677 paymaster service that pays for the operations (pm_getPaymasterStubData,
                              pm_getPaymasterData); needs --bundler
          --chain <name>      a public network preset with the current Smart Sessions deployment (module-sdk 0.4.0
                              addresses): base-sepolia, sepolia. Needs --rpc, --funder-key and --bundler <url>
          -h, --help          show this text

        Without --rpc the sample starts anvil itself and stops it on exit; the devnet is the default.
        """;

    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var transfers = 3;
        var amount = 25m;
        Uri? rpcUrl = null;
        string? funderKey = null;
        var keyFile = DefaultKeyFile;
        string? bundler = null;
        Uri? paymaster = null;
        ChainPreset? chain = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return new SampleOptions(transfers, amount, rpcUrl, funderKey, Help: true);
                case "--rpc":
                    rpcUrl = ParseValue(args, ref i, HttpUrl);
                    break;
                case "--bundler":
                    bundler = ParseValue(args, ref i, s => s == LocalBundler ? s : HttpUrl(s).ToString());
                    break;
                case "--paymaster":
                    paymaster = ParseValue(args, ref i, HttpUrl);
                    break;
                case "--chain":
                    chain = ParseValue(args, ref i, s => ChainPreset.Find(s) ?? throw new ArgumentException(
                        $"--chain: unknown network '{s}'. Known: {string.Join(", ", ChainPreset.All.Select(p => p.Name))}."));
                    break;
                case "--funder-key":
                    funderKey = ParseValue(args, ref i, s => SessionGen.Hex.TryDecode(s, out var key) && key.Length == 32 ? s : throw new FormatException());
                    break;
                case "--key-file":
                    keyFile = ParseValue(args, ref i, s => s.Length > 0 ? s : throw new FormatException());
                    break;
                case "--transfers":
                    transfers = ParseValue(args, ref i, int.Parse);
                    if (transfers is < 0 or > 1000)
                    {
                        throw new ArgumentException($"--transfers must be between 0 and 1000, got {transfers}.");
                    }

                    break;
                case "--amount":
                    amount = ParseValue(args, ref i, s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture));
                    if (amount <= 0 || decimal.Round(amount, 6) != amount)
                    {
                        throw new ArgumentException($"--amount must be a positive USDC amount with at most 6 decimals, got {amount}.");
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Run with --help for the options.");
            }
        }

        if ((rpcUrl is null) != (funderKey is null))
        {
            throw new ArgumentException("--rpc and --funder-key go together: the sample needs a funded key on the node it is pointed at.");
        }

        if (paymaster is not null && bundler is null)
        {
            throw new ArgumentException("--paymaster needs --bundler: a sponsored operation goes through a bundler (the paymaster's deposit pays it, not a funded key).");
        }

        if (chain is not null && (rpcUrl is null || bundler is null or LocalBundler))
        {
            throw new ArgumentException($"--chain {chain.Name} needs --rpc <url> and --funder-key <hex> for that network, and --bundler <url> (a bundler serving it; \"local\" is the devnet's).");
        }

        return new SampleOptions(transfers, amount, rpcUrl, funderKey, Help: false, keyFile) { Bundler = bundler, Paymaster = paymaster, Chain = chain };
    }

    private static Uri HttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : throw new FormatException();

    private static T ParseValue<T>(IReadOnlyList<string> args, ref int i, Func<string, T> parse)
    {
        var name = args[i];
        if (++i >= args.Count)
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        try
        {
            return parse(args[i]);
        }
        catch (ArgumentException e) when (e.Message.StartsWith(name, StringComparison.Ordinal))
        {
            throw;
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{name}: '{args[i]}' is not a valid value.");
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"{name}: '{args[i]}' is out of range.");
        }
    }
}
