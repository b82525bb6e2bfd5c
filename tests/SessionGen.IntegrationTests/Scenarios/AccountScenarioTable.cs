using System.Threading.Tasks;
using SessionGen.IntegrationTests.Devnet;
using Xunit;
using Xunit.Abstractions;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// Runs every row of <see cref="AccountScenarios"/> on one account kind of the fixture devnet. One subclass per kind, each
/// its own test collection with its own devnet, so the kinds run in parallel; the rows are written once.
/// </summary>
public abstract class AccountScenarioTable(ScenarioDeployment deployment, ScenarioAccountKind kind, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(AccountScenarios.Names), MemberType = typeof(AccountScenarios))]
    public async Task Scenario(string row)
    {
        using var run = new AccountScenarioRun(deployment, kind, row);
        var outcome = await AccountScenarios.Rows[row](run);
        output.WriteLine($"| {deployment.Flavour} | {kind} | {row} | {outcome} | {run.UseGas} |");
    }
}

public sealed class MsaScenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new DevnetDeployment(fixture.Chain, "fixture"), ScenarioAccountKind.Msa, output), IClassFixture<DevnetFixture>;

public sealed class Safe7579Scenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new DevnetDeployment(fixture.Chain, "fixture"), ScenarioAccountKind.Safe7579, output), IClassFixture<DevnetFixture>;

public sealed class NexusScenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new DevnetDeployment(fixture.Chain, "fixture"), ScenarioAccountKind.Nexus, output), IClassFixture<DevnetFixture>;

public sealed class KernelScenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new DevnetDeployment(fixture.Chain, "fixture"), ScenarioAccountKind.Kernel, output), IClassFixture<DevnetFixture>;

/// <summary>
/// The same rows on every kind against the upstream contracts (opt-in: eng/upstream.sh; left out of CI by its trait).
/// One devnet for all kinds: the upstream suite is not on CI's clock.
/// </summary>
[Trait("Category", "Upstream")]
public sealed class UpstreamAccountScenarios(UpstreamDevnetFixture fixture, ITestOutputHelper output) : IClassFixture<UpstreamDevnetFixture>
{
    public static TheoryData<ScenarioAccountKind, string> KindsAndRows()
    {
        var data = new TheoryData<ScenarioAccountKind, string>();
        foreach (var kind in System.Enum.GetValues<ScenarioAccountKind>())
        {
            foreach (var row in AccountScenarios.Rows.Keys)
            {
                data.Add(kind, row);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndRows))]
    public async Task Scenario(ScenarioAccountKind kind, string row)
    {
        var deployment = new DevnetDeployment(fixture.Chain, "upstream");
        using var run = new AccountScenarioRun(deployment, kind, row);
        var outcome = await AccountScenarios.Rows[row](run);
        output.WriteLine($"| {deployment.Flavour} | {kind} | {row} | {outcome} | {run.UseGas} |");
    }
}
