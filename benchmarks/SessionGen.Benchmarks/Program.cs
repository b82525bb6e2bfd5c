using BenchmarkDotNet.Running;

namespace SessionGen.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/SessionGen.Benchmarks -- --filter '*'</c>.
/// See docs/benchmarks.md for the figures and how they were taken.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
