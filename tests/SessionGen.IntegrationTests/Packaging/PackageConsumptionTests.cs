using System.IO;
using Xunit;

namespace SessionGen.IntegrationTests.Packaging;

[Collection(PackageCollection.Name)]
public class PackageConsumptionTests(PackedPackageFixture package)
{
    [Fact]
    public void A_fresh_project_restores_the_package_from_the_test_feed_builds_and_runs()
    {
        var project = new ConsumerProject(package, "RuntimeConsumer")
            .WithFile("Program.cs", """
                using SessionGen;

                var token = Address.Parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
                System.Console.WriteLine($"token={token} selector={Selector.FromSignature("transfer(address,uint256)")}");
                """);

        var build = project.Build().EnsureSuccess("building the consumer");
        Assert.Contains("0 Error(s)", build.Output);
        Assert.Contains(package.FeedDirectory, project.RestoredPackageSource());

        var run = project.Run().EnsureSuccess("running the consumer");
        Assert.Contains("token=0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 selector=0xa9059cbb", run.Output);
    }
}
