using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SessionGen.Benchmarks;

/// <summary>
/// Where the generator time of <see cref="GeneratorBenchmarks"/> goes (<c>--generator-profile [classes] [rounds]</c>):
/// wall-clock and process CPU time of each round (a cold run, then a re-run after an unrelated edit), then, up to 200
/// classes, one run with step tracking: each tracked step's time (Roslyn's own steps included) and the reasons
/// (Cached/Unchanged/Modified/New) of its outputs, and whether the attribute environment let classes be read from syntax.
/// A quick look while changing the pipeline, not a benchmark (BenchmarkDotNet gives the figures in docs/benchmarks.md).
/// </summary>
public static class GeneratorProfile
{
    public static string Run(int classes, int rounds = 10)
    {
        var benchmark = new GeneratorBenchmarks { Classes = classes };
        benchmark.Setup();
        var report = new StringBuilder();
        for (var round = 0; round < rounds; round++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var cold = Stopwatch.StartNew();
            var coldDriver = benchmark.Cold();
            cold.Stop();
            var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
            var incremental = Stopwatch.StartNew();
            var warmDriver = benchmark.Incremental();
            incremental.Stop();
            var cpu2 = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine(FormattableString.Invariant($"round {round}: cold {cold.Elapsed.TotalMilliseconds:F1} ms (cpu {(cpu1 - cpu0).TotalMilliseconds:F0}), incremental {incremental.Elapsed.TotalMilliseconds:F1} ms (cpu {(cpu2 - cpu1).TotalMilliseconds:F0})"));
        }

        // Step tracking records each output's whole input tree (quadratic through Collect), so the steps are read in a
        // separate, tracked run, and only for small projects (the steps are the same at any size).
        if (classes > 200)
        {
            return report.ToString();
        }

        var tracked = new GeneratorBenchmarks { Classes = classes, TrackSteps = true };
        tracked.Setup();
        Append(report, "cold (tracked)", tracked.Cold());
        Append(report, "incremental (tracked)", tracked.Incremental());

        return report.ToString();
    }

    private static void Append(StringBuilder report, string title, GeneratorDriver driver)
    {
        var timing = driver.GetTimingInfo();
        report.AppendLine(CultureInfo.InvariantCulture, $"== {title} (driver's own time {timing.ElapsedTime.TotalMilliseconds:F1} ms)");
        foreach (var generator in driver.GetRunResult().Results)
        {
            var elapsed = timing.GeneratorTimes.Single(t => t.Generator == generator.Generator).ElapsedTime;
            report.AppendLine(CultureInfo.InvariantCulture, $"-- {generator.Generator.GetGeneratorType().Name} (elapsed {elapsed.TotalMilliseconds:F1} ms)");
            foreach (var (name, steps) in generator.TrackedSteps.OrderByDescending(s => s.Value.Sum(step => step.ElapsedTime.Ticks)))
            {
                var reasons = string.Join(", ", steps.SelectMany(step => step.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + " " + g.Count()));
                report.AppendLine(CultureInfo.InvariantCulture, $"   {name,-50} {steps.Sum(s => s.ElapsedTime.TotalMilliseconds),9:F2} ms  {steps.Length,5} runs  {reasons}");
                if (name.EndsWith("Environment", StringComparison.Ordinal))
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"      {steps[0].Outputs[0].Value}");
                }
            }
        }
    }
}
