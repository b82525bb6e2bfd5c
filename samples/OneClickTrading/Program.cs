using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using OneClickTrading;
using SessionGen;
using SessionGen.Accounts;
using SessionGen.Devnet;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using static OneClickTrading.Output;

// The one-click trading flow, end to end: see SampleOptions.Usage for what it does.
SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

if (options.Chain is { } preset)
{
    try
    {
        return await PublicNetwork.RunAsync(preset, options);
    }
    catch (Nethereum.JsonRpc.Client.RpcClientUnknownException e)
    {
        Fail($"{e.Message.TrimEnd('.')}: {e.InnerException?.Message ?? "no answer"}. Check --rpc, --bundler and --paymaster.");
        return 2;
    }
}

var clock = Stopwatch.StartNew();
var bob = Address.Parse("0x00000000000000000000000000000000000b0b00");
var usdcUnit = new BigInteger(1_000_000);
BigInteger Usdc(decimal amount) => new(amount * 1_000_000m);
string FormatUsdc(BigInteger units) => (decimal)units / 1_000_000m + " USDC";

Step(options.RpcUrl is null
    ? "Starting a local chain (anvil) and deploying EntryPoint v0.7, SmartSession, the account factory and test USDC"
    : $"Deploying EntryPoint v0.7, SmartSession, the account factory and test USDC on {options.RpcUrl}");
await using var chain = options.RpcUrl is null
    ? await Devnet.StartAsync()
    : await Devnet.AttachAsync(options.RpcUrl, [options.FunderKey!]);
Info($"ready in {chain.StartupTime.TotalSeconds:0.0} s at {chain.RpcUrl} (chain id {chain.ChainId})");
var usdc = chain.Contracts.Usdc;
Info($"USDC {usdc}, SmartSession {chain.Contracts.SmartSession}, EntryPoint {chain.Contracts.EntryPoint}");

LocalPaymaster? localPaymaster = null;
PaymasterClient? paymaster = null;
switch (options.Paymaster)
{
    case null:
        break;
    case SampleOptions.LocalPaymaster:
        localPaymaster = await chain.StartPaymasterAsync();
        paymaster = localPaymaster.CreateClient();
        Info($"operations are sponsored by the local paymaster {localPaymaster.Address} through its ERC-7677 service at {localPaymaster.Url}");
        break;
    default:
        paymaster = new PaymasterClient(JsonRpc.Connect(new Uri(options.Paymaster)));
        Info($"operations are sponsored by the paymaster service at {options.Paymaster}");
        break;
}

EntryPointClient entryPoint;
switch (options.Bundler)
{
    case null:
        entryPoint = chain.CreateEntryPointClient(paymaster: paymaster);
        Info("operations go to EntryPoint.handleOps directly, paid by a funded dev key");
        break;
    case SampleOptions.LocalBundler:
        var bundler = await chain.StartBundlerAsync();
        entryPoint = chain.CreateBundlerEntryPointClient(bundler, paymaster);
        Info($"operations go through the local alto bundler at {bundler.Url} (process {bundler.ProcessId})");
        break;
    default:
        entryPoint = new EntryPointClient(JsonRpc.Connect(chain.RpcUrl), chain.ChainId, new BundlerClient(JsonRpc.Connect(new Uri(options.Bundler)), chain.Contracts.EntryPoint)) { Paymaster = paymaster };
        Info($"operations go through the bundler at {options.Bundler}");
        break;
}

Step("Creating the user's smart account (ERC-7579 reference account, owner key held by the user)");
using var owner = PrivateKeySigner.Generate();
var account = await chain.CreateAccountAsync(owner.Address, Keccak256.Hash("one-click trading sample"), entryPoint);

// Balances are read with the binding's eth_call helper (balanceOf, decoded to a BigInteger) over the same node client.
Task<BigInteger> UsdcBalanceAsync(Address holder) => UsdcTrading.Read.BalanceOfAsync(entryPoint.Rpc, usdc, holder);
await chain.MintUsdcAsync(account.Address, 1_000 * usdcUnit);
if (paymaster is not null)
{
    // Sponsored: the account holds no ETH at all, so an operation the paymaster did not pay for is refused (AA21).
    await chain.SetBalanceAsync(account.Address, BigInteger.Zero);
}

var depositBefore = localPaymaster is null ? BigInteger.Zero : await chain.GetPaymasterDepositAsync(localPaymaster.Address);
Info($"owner {owner.Address}");
Info($"account {account.Address} (counterfactual: deployed by the owner's first operation), balance {FormatUsdc(await UsdcBalanceAsync(account.Address))}");

Step("The app asks for a session; this is what the owner is shown");
using var sessionKey = SessionKeyFile.LoadOrCreate(options.KeyFile ?? SampleOptions.DefaultKeyFile);
var now = await chain.GetChainTimeAsync();
var session = UsdcTrading.CreateSession(
    usdc,
    chain.Contracts.SessionKeyValidator,
    SessionValidatorInitData.SingleKey(sessionKey.Address),
    now,
    Keccak256.Hash("session 1"),
    chain.SmartSessions.Policies);
Info($"session key {sessionKey.Address} (held by the app), permission id {session.PermissionId}");
Console.WriteLine();
foreach (var line in UsdcTrading.Describe(session, chain.SmartSessions.Policies).Split('\n'))
{
    Console.WriteLine("    │ " + line);
}

Console.WriteLine();

Step("The owner approves once (deploys the account and enables the session in one user operation)");
var enable = await account.EnableSessionAsync(session, owner);
Operation(enable);
Info($"session enabled on chain: {await account.IsPermissionEnabledAsync(session.PermissionId)}");

Step($"The app transfers with the session key, no owner prompt ({options.Transfers} × {options.AmountUsdc.ToString(CultureInfo.InvariantCulture)} USDC to {bob})");
var calls = UsdcTrading.Calls(usdc);
var spent = BigInteger.Zero;
var signed = 0;
for (var i = 0; i < options.Transfers; i++)
{
    var amount = Usdc(options.AmountUsdc);

    // Reuse instead of re-prompting: the app asks the owner for a new session only when the enabled one does not cover the trade.
    var coverage = await account.CoversAsync(session, [calls.Transfer(bob, amount)]);
    if (!coverage.IsCovered)
    {
        Info($"transfer {i + 1} is not covered by the enabled session ({coverage.MissingRule}): the app would ask the owner for a new session; stopping the loop here");
        break;
    }

    var receipt = await account.ExecuteAsync(session, calls.Transfer(bob, amount), sessionKey);
    spent += amount;
    signed++;
    Operation(receipt);
    Info($"account {FormatUsdc(await UsdcBalanceAsync(account.Address))}, bob {FormatUsdc(await UsdcBalanceAsync(bob))}, session total {FormatUsdc(spent)}");
}

Step("The session's state, read from the chain (what a restarted app starts from)");
foreach (var line in (await account.ReadSessionStateAsync(session)).Describe().Split('\n'))
{
    Info(line);
}

Step("The same session as an ERC-7715 request (wallet_requestExecutionPermissions), for wallets that grant permissions themselves");
var export = Erc7715Export.Export(session, chain.SmartSessions.Policies, chain.ChainId, sessionKey.Address, account.Address, "one-click trading");
Info(export.ToJson());
Info(export.IsComplete ? "everything in the session is expressible" : "not expressible: " + string.Join("; ", export.NotExpressible.Select(g => g.Reason)));

Step("A transfer that would pass 100 USDC in total");
var overLimit = 100 * usdcUnit - spent + 1;
try
{
    await account.ExecuteAsync(session, calls.Transfer(bob, overLimit), sessionKey);
    Fail("the over-limit transfer was not refused");
    return 1;
}
catch (SessionScopeException e)
{
    // Refused by the runtime's pre-flight check: nothing was signed, nothing was sent, no gas was spent.
    Info($"refused before signing ({e.Rule}): {FormatUsdc(overLimit)} more would bring the total to {FormatUsdc(spent + overLimit)}, over the session's {FormatUsdc(e.Limit ?? 0)}");
    Info(e.Message);
}

Step("The owner revokes the session");
var removal = await account.RemoveSessionAsync(session.PermissionId, owner);
Operation(removal);
Info($"session enabled on chain: {await account.IsPermissionEnabledAsync(session.PermissionId)}");
try
{
    await account.ExecuteAsync(session, calls.Transfer(bob, usdcUnit), sessionKey);
    Fail("a transfer after the revocation was not refused");
    return 1;
}
catch (UserOperationRejectedException e)
{
    Info($"a transfer after the revocation is refused: {e.Error.Root}");
}

if (paymaster is not null)
{
    Info($"sponsored: the account's ETH balance is {await chain.GetBalanceAsync(account.Address)} wei");
    if (localPaymaster is not null)
    {
        Info($"the local paymaster's deposit went from {depositBefore} to {await chain.GetPaymasterDepositAsync(localPaymaster.Address)} wei ({localPaymaster.Requests} ERC-7677 requests)");
    }
}

Console.WriteLine();
Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:0.0} s: the owner signed twice (approve, revoke); the app signed {signed} transfers alone; bob holds {FormatUsdc(await UsdcBalanceAsync(bob))}.");
return 0;
