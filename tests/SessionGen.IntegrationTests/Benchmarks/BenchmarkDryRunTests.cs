using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using SessionGen.IntegrationTests.Packaging;
using Xunit;

namespace SessionGen.IntegrationTests.Benchmarks;

/// <summary>
/// CI keeps the benchmarks runnable without timing anything: every benchmark executes once in-process
/// (BenchmarkDotNet's Dry job) and must finish without errors. Figures live in docs/benchmarks.md.
/// </summary>
public class BenchmarkDryRunTests
{
    [Fact]
    public void Every_benchmark_runs_once_without_errors()
    {
        var assembly = BenchmarkAssembly.EnsureBuilt();
        var artifacts = Directory.CreateTempSubdirectory("sessiongen-bench-").FullName;
        try
        {
            // The 1000-class generator case takes seconds per run; 1 and 100 show the generator benchmark works.
            var environment = new Dictionary<string, string> { ["SESSIONGEN_BENCHMARK_MAX_CLASSES"] = "100" };
            var result = DotnetCli.Run(artifacts, environment, assembly, "--filter", "*", "--job", "Dry", "--inProcess", "--artifacts", artifacts)
                .EnsureSuccess("the benchmark dry run");

            var executed = Regex.Match(result.Output, @"Global total time: .*, executed benchmarks: (\d+)");
            Assert.True(executed.Success, result.Output);
            Assert.True(int.Parse(executed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 28, result.Output); // 28 when every benchmark class was found
            Assert.DoesNotContain("Benchmarks with issues", result.Output);
            Assert.DoesNotContain("[Error]", result.Output);
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
