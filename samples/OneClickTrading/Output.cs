using SessionGen.Transport;

namespace OneClickTrading;

/// <summary>How the sample prints its steps, for both the devnet flow and the public-network flow.</summary>
internal static class Output
{
    public static void Step(string text)
    {
        Console.WriteLine();
        Console.WriteLine("▶ " + text);
    }

    public static void Info(string text) => Console.WriteLine("  " + text);

    public static void Fail(string text) => Console.Error.WriteLine("✗ " + text);

    public static void Operation(UserOperationReceipt receipt) =>
        Info($"user op {receipt.UserOpHash} in tx {receipt.TransactionHash}: {(receipt.Success ? "success" : "FAILED")}, tx gas {receipt.TransactionGasUsed}, actualGasUsed {receipt.ActualGasUsed}");
}
