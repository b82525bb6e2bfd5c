using System.Globalization;

namespace OneClickTrading;

/// <summary>The sample's command line.</summary>
internal sealed record SampleOptions(int Transfers, decimal AmountUsdc, bool Help)
{
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
          -h, --help          show this text

        The sample always runs on the local chain it starts itself and stops it on exit; pointing it at another
        RPC endpoint or an ERC-4337 bundler is not supported yet (see README, "What is not supported").
        """;

    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var transfers = 3;
        var amount = 25m;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return new SampleOptions(transfers, amount, Help: true);
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

        return new SampleOptions(transfers, amount, Help: false);
    }

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
