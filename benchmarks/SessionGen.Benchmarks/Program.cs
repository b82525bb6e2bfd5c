using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace SessionGen.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/SessionGen.Benchmarks -- --filter '*' --job short</c>.
/// <c>--peer-outputs</c> prints what the benchmarks compute from <see cref="PeerInputs"/> instead (see <see cref="PeerOutputs"/>).
/// See docs/benchmarks.md for the figures and how they were taken.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--peer-outputs"))
        {
            Console.WriteLine(PeerOutputs.ToJson());
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
