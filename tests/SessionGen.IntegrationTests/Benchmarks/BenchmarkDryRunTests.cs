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
        var assembly = Path.Combine(RepositoryPaths.Root, "benchmarks", "SessionGen.Benchmarks", "bin", RepositoryPaths.Configuration, "net10.0", "SessionGen.Benchmarks.dll");
        Assert.True(File.Exists(assembly), $"The benchmark project was not built: {assembly}");
        var artifacts = Directory.CreateTempSubdirectory("sessiongen-bench-").FullName;
        try
        {
            var result = DotnetCli.Run(artifacts, null, assembly, "--filter", "*", "--job", "Dry", "--inProcess", "--artifacts", artifacts)
                .EnsureSuccess("the benchmark dry run");

            var executed = Regex.Match(result.Output, @"executed benchmarks: (\d+)");
            Assert.True(executed.Success, result.Output);
            Assert.True(int.Parse(executed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 3, result.Output);
            Assert.DoesNotContain("// * Benchmarks with issues *", result.Output);
            Assert.DoesNotContain("[Error]", result.Output);
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
