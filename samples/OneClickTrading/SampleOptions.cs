using System.Globalization;
using SessionGen;
using SessionGen.UserOperations;

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

    /// <summary>The value of <c>--paymaster</c> that starts the devnet's paymaster (a VerifyingPaymaster behind an ERC-7677 service).</summary>
    public const string LocalPaymaster = "local";

    /// <summary>An ERC-7677 paymaster service that sponsors the operations: <see cref="LocalPaymaster"/> or its URL; null when the account pays.</summary>
    public string? Paymaster { get; init; }

    /// <summary>A public network preset; null for the devnet.</summary>
    public ChainPreset? Chain { get; init; }

    /// <summary>With <see cref="Chain"/>: the existing smart account to attach to.</summary>
    public Address? Account { get; init; }

    /// <summary>With <see cref="Chain"/>: the account's kind (<c>--account-kind</c>, see <see cref="AccountKinds"/>).</summary>
    public AccountKind? AccountKind { get; init; }

    /// <summary>With <see cref="Chain"/>: the owner's private key (signs the install, the approval and the revocation).</summary>
    public string? OwnerKey { get; init; }

    /// <summary>With <see cref="Chain"/>: the validator on the account that checks the owner's signatures.</summary>
    public Address? OwnerValidator { get; init; }

    /// <summary>With <see cref="Chain"/>: the 6-decimal token the session may transfer (default: the preset's USDC).</summary>
    public Address? Token { get; init; }

    /// <summary>The values of <c>--account-kind</c>: the layout-only account kinds, which is all an attached account needs.</summary>
    public static readonly IReadOnlyDictionary<string, AccountKind> AccountKinds = new Dictionary<string, AccountKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["msa"] = SessionGen.UserOperations.AccountKind.Erc7579Reference,
        ["safe"] = SessionGen.UserOperations.AccountKind.Safe7579,
        ["nexus"] = SessionGen.UserOperations.AccountKind.Nexus,
        ["kernel"] = SessionGen.UserOperations.AccountKind.Kernel,
    };

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
          --paymaster <url|local>
                              an ERC-7677 paymaster service that pays for the operations (pm_getPaymasterStubData,
                              pm_getPaymasterData), so the account needs no ETH; needs --bundler. "local" starts the
                              devnet's paymaster (a VerifyingPaymaster with a deposit)
          --chain <name>      run on a public network instead of the devnet: base-sepolia or sepolia, with the current
                              Smart Sessions deployment (module-sdk 0.4.0 addresses). Needs --rpc <url>, --bundler <url>,
                              --account, --account-kind and --owner-key; the account must exist and hold the token
                              (and ETH, unless --paymaster sponsors it). Installs SmartSession if it is missing,
                              enables the session (OwnableValidator as session validator), transfers, revokes
          --account <address> with --chain: the existing smart account
          --account-kind <msa|safe|nexus|kernel>
                              with --chain: the account's implementation (ERC-7579 reference, Safe7579, Nexus, Kernel v3)
          --owner-key <hex>   with --chain: the account owner's private key (ONECLICK_OWNER_KEY works too)
          --owner-validator <address>
                              with --chain: the account's owner validator (default: the current OwnableValidator)
          --token <address>   with --chain: the 6-decimal token to transfer (default: the network's USDC); nothing is
                              minted on a public network
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
        string? paymaster = null;
        ChainPreset? chain = null;
        Address? account = null;
        AccountKind? accountKind = null;
        string? ownerKey = null;
        Address? ownerValidator = null;
        Address? token = null;
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
                    paymaster = ParseValue(args, ref i, s => s == LocalPaymaster ? s : HttpUrl(s).ToString());
                    break;
                case "--account":
                    account = ParseValue(args, ref i, ParseAddress);
                    break;
                case "--account-kind":
                    accountKind = ParseValue(args, ref i, s => AccountKinds.TryGetValue(s, out var kind) ? kind : throw new ArgumentException(
                        $"--account-kind: unknown kind '{s}'. Known: {string.Join(", ", AccountKinds.Keys)}."));
                    break;
                case "--owner-key":
                    ownerKey = ParseValue(args, ref i, PrivateKey);
                    break;
                case "--owner-validator":
                    ownerValidator = ParseValue(args, ref i, ParseAddress);
                    break;
                case "--token":
                    token = ParseValue(args, ref i, ParseAddress);
                    break;
                case "--chain":
                    chain = ParseValue(args, ref i, s => ChainPreset.Find(s) ?? throw new ArgumentException(
                        $"--chain: unknown network '{s}'. Known: {string.Join(", ", ChainPreset.All.Select(p => p.Name))}."));
                    break;
                case "--funder-key":
                    funderKey = ParseValue(args, ref i, PrivateKey);
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

        ownerKey ??= chain is null ? null : NonEmpty(Environment.GetEnvironmentVariable("ONECLICK_OWNER_KEY"));
        if (paymaster is not null && bundler is null)
        {
            throw new ArgumentException("--paymaster needs --bundler: a sponsored operation goes through a bundler (the paymaster's deposit pays it, not a funded key).");
        }

        if (chain is null)
        {
            if ((rpcUrl is null) != (funderKey is null))
            {
                throw new ArgumentException("--rpc and --funder-key go together: the sample needs a funded key on the node it is pointed at.");
            }

            var publicOnly = new[] { ("--account", account is not null), ("--account-kind", accountKind is not null), ("--owner-key", ownerKey is not null), ("--owner-validator", ownerValidator is not null), ("--token", token is not null) }
                .Where(o => o.Item2).Select(o => o.Item1).ToArray();
            if (publicOnly.Length > 0)
            {
                throw new ArgumentException($"{string.Join(", ", publicOnly)} {(publicOnly.Length == 1 ? "goes" : "go")} only with --chain: on the devnet the sample creates the account, its owner and the test USDC itself.");
            }
        }
        else
        {
            var missing = new[] { ("--rpc <url>", rpcUrl is not null), ("--bundler <url>", bundler is not null and not LocalBundler), ("--account <address>", account is not null), ("--account-kind <msa|safe|nexus|kernel>", accountKind is not null), ("--owner-key <hex>", ownerKey is not null) }
                .Where(o => !o.Item2).Select(o => o.Item1).ToArray();
            if (missing.Length > 0)
            {
                throw new ArgumentException($"--chain {chain.Name} needs {string.Join(", ", missing)}: a node and a bundler serving that network (\"local\" is the devnet's), and an existing smart account with its owner's key.");
            }

            if (funderKey is not null)
            {
                throw new ArgumentException($"--chain {chain.Name} takes no --funder-key: on a public network the account pays for its operations (or --paymaster does), and the owner signs with --owner-key.");
            }

            if (paymaster == LocalPaymaster)
            {
                throw new ArgumentException($"--paymaster local is the devnet's paymaster; with --chain {chain.Name} give the URL of an ERC-7677 service for that network.");
            }
        }

        return new SampleOptions(transfers, amount, rpcUrl, funderKey, Help: false, keyFile)
        {
            Bundler = bundler,
            Paymaster = paymaster,
            Chain = chain,
            Account = account,
            AccountKind = accountKind,
            OwnerKey = ownerKey,
            OwnerValidator = ownerValidator,
            Token = token,
        };
    }

    private static string PrivateKey(string text) => SessionGen.Hex.TryDecode(text, out var key) && key.Length == 32 ? text : throw new FormatException();

    private static Address ParseAddress(string text) => Address.TryParse(text, out var address) && !address.IsZero ? address : throw new FormatException();

    private static string? NonEmpty(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : SessionGen.Hex.TryDecode(text, out var key) && key.Length == 32 ? text
        : throw new ArgumentException("ONECLICK_OWNER_KEY is not a 32-byte private key in hex.");

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
