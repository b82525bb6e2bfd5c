using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace SessionGen.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/SessionGen.Benchmarks -- --filter '*' --job short</c>.
/// <c>--devnet [transfers]</c> times session-key transfers on a local chain (<see cref="DevnetLatency"/>).
/// <c>--aa-latency [direct] [bundler]</c> times session-key transfers directly and through alto, beside viem (<see cref="AaLatency"/>).
/// <c>--gas</c> measures gas per operation with estimated and default limits and per bundle size (<see cref="DevnetGas"/>).
/// <c>--generator-profile [classes] [rounds]</c> times the generators over the <see cref="GeneratorBenchmarks"/> project and, up to 200 classes, lists each pipeline step's time and run reasons (<see cref="GeneratorProfile"/>).
/// <c>--peer-outputs</c> prints what the benchmarks compute from <see cref="PeerInputs"/> instead (see <see cref="PeerOutputs"/>).
/// See docs/benchmarks.md for the figures and how they were taken.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Contains("--peer-outputs"))
        {
            Console.WriteLine(PeerOutputs.ToJson());
            return;
        }

        if (args is ["--devnet", ..])
        {
            Console.WriteLine(await DevnetLatency.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20));
            return;
        }

        if (args is ["--aa-latency", ..])
        {
            var direct = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
            Console.WriteLine(await AaLatency.RunAsync(direct, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20));
            return;
        }

        if (args is ["--generator-profile", ..])
        {
            Console.WriteLine(GeneratorProfile.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10));
            return;
        }

        if (args is ["--gas", ..])
        {
            Console.WriteLine(await DevnetGas.RunAsync());
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
