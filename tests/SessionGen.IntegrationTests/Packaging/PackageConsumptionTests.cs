using System.IO;
using System.Linq;
using Xunit;

namespace SessionGen.IntegrationTests.Packaging;

/// <summary>
/// The package as a user meets it: a fresh project that only adds a PackageReference and an ABI file under abis/
/// (no csproj edits), restores SessionGen from the test feed, and gets the generator and the analyzers.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageConsumptionTests(PackedPackageFixture package)
{
    private const string UsdcTrading = """
        using SessionGen;

        [ContractAbi("abis/ERC20.json")]
        [TokenDisplay("USDC", 6)]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 7)]
        public partial class UsdcTrading { }
        """;

    private const string Program = """
        using SessionGen;

        var usdc = Address.Parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
        var key = Address.Parse("0x00000000000000000000000000000000000000aa");
        var now = new System.DateTimeOffset(2026, 11, 25, 12, 0, 0, System.TimeSpan.Zero);
        var session = UsdcTrading.CreateSession(usdc, key, now);
        var call = UsdcTrading.Calls(usdc).Transfer(key, 5_000_000);
        System.Console.WriteLine($"selector=0x{UsdcTrading.Selectors.Transfer:x8} actions={session.Actions.Count} permission={session.PermissionId}");
        System.Console.WriteLine($"call={call.Target} data={Hex.Encode(call.Data.Span)}");
        System.Console.WriteLine(UsdcTrading.Describe(session));
        """;

    [Fact]
    public void A_fresh_project_restores_the_package_from_the_test_feed_builds_and_runs_the_generated_session()
    {
        var project = new ConsumerProject(package, "SessionConsumer")
            .WithRepositoryAbi("ERC20.json")
            .WithFile("UsdcTrading.cs", UsdcTrading)
            .WithFile("Program.cs", Program);

        var build = project.Build().EnsureSuccess("building the consumer");
        Assert.Contains("0 Warning(s)", build.Output);
        Assert.Contains(package.FeedDirectory, project.RestoredPackageSource());

        var run = project.Run().EnsureSuccess("running the consumer");
        Assert.Contains("selector=0xa9059cbb actions=1 permission=0x", run.Output);
        Assert.Contains("call=0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 data=0xa9059cbb00000000000000000000000000000000000000000000000000000000000000aa00000000000000000000000000000000000000000000000000000000004c4b40", run.Output);
        Assert.Contains("at most 100 USDC in total", run.Output);
        Assert.Contains("until 2026-12-02 12:00 UTC", run.Output);
    }

    [Fact]
    public void A_session_without_expiry_warns_in_the_build_and_editorconfig_can_make_it_an_error()
    {
        const string noExpiry = """
            using SessionGen;

            [ContractAbi("abis/ERC20.json")]
            [SessionAction("transfer", SpendingLimit = "100e6")]
            public partial class Forever { }
            """;
        var project = new ConsumerProject(package, "NoExpiryConsumer")
            .WithRepositoryAbi("ERC20.json")
            .WithFile("Forever.cs", noExpiry)
            .WithFile("Program.cs", "System.Console.WriteLine(Forever.Selectors.Transfer);");

        var warned = project.Build().EnsureSuccess("building the consumer without expiry");
        Assert.Contains("warning SESSGEN202", warned.Output);
        Assert.Contains("Forever.cs(", warned.Output);

        project.WithFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SESSGEN202.severity = error\n");
        var failed = project.Build();
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("error SESSGEN202", failed.Output);
    }

    [Fact]
    public void A_trimmed_or_AOT_publish_of_a_consumer_keeps_whole_the_JSON_assemblies_SessionGen_uses()
    {
        // Evaluation only (docs/aot.md): the AOT publish itself is exercised on the sample (OneClickTradingAotTests).
        var project = new ConsumerProject(package, "AotConsumer").WithFile("Program.cs", "System.Console.WriteLine(SessionGen.Address.Parse(\"0x00000000000000000000000000000000000000aa\"));");
        project.MSBuild("-t:Restore").EnsureSuccess("restoring the consumer");
        (string[] Roots, string[] RdXml) Evaluate(params string[] properties)
        {
            var json = project.MSBuild([.. properties, "-getItem:TrimmerRootAssembly", "-getItem:RdXmlFile"]).EnsureSuccess("evaluating the consumer").Output;
            var items = System.Text.Json.JsonDocument.Parse(json[json.IndexOf('{')..]).RootElement.GetProperty("Items");
            string[] Values(string item, string metadata) => items.TryGetProperty(item, out var list) ? [.. list.EnumerateArray().Select(i => i.GetProperty(metadata).GetString()!)] : [];
            return (Values("TrimmerRootAssembly", "Identity"), Values("RdXmlFile", "FullPath"));
        }

        string[] expected = ["Nethereum.Hex", "Nethereum.JsonRpc.Client", "Nethereum.KeyStore", "Nethereum.RPC", "Newtonsoft.Json"];
        var aot = Evaluate("-p:PublishAot=true");
        Assert.Equal(expected, aot.Roots.Order(System.StringComparer.Ordinal));
        var rdXml = Assert.Single(aot.RdXml);
        Assert.Contains("HexRPCTypeJsonConverter`2[[Nethereum.Hex.HexTypes.HexBigInteger,Nethereum.Hex]", File.ReadAllText(rdXml));

        var trimmed = Evaluate("-p:PublishTrimmed=true");
        Assert.Equal(expected, trimmed.Roots.Order(System.StringComparer.Ordinal));
        Assert.Empty(trimmed.RdXml); // rd.xml is read by the AOT compiler only

        var build = Evaluate(); // a normal build roots nothing
        Assert.Equal((0, 0), (build.Roots.Length, build.RdXml.Length));
        var optedOut = Evaluate("-p:PublishAot=true", "-p:SessionGenTrimmerRoots=false");
        Assert.Equal((0, 0), (optedOut.Roots.Length, optedOut.RdXml.Length));
    }

    [Fact]
    public void A_malformed_abi_is_a_located_diagnostic_not_a_compiler_crash()
    {
        var project = new ConsumerProject(package, "BrokenAbiConsumer")
            .WithFile(Path.Combine("abis", "Broken.json"), "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[}]")
            .WithFile("Broken.cs", "[SessionGen.ContractAbi(\"abis/Broken.json\")] public partial class Broken { }")
            .WithFile("Program.cs", "System.Console.WriteLine();");

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Broken.json(1,", build.Output);
        Assert.Contains("error SESSGEN002", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
    }
}
