using System.Threading.Tasks;
using SessionGen.IntegrationTests.Devnet;
using Xunit;
using Xunit.Abstractions;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// Runs every row of <see cref="AccountScenarios"/> on one account kind. One subclass per kind, each its own test
/// collection with its own devnet, so the kinds run in parallel; the rows are written once.
/// </summary>
public abstract class AccountScenarioTable(ScenarioDeployment deployment, ScenarioAccountKind kind, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(AccountScenarios.Names), MemberType = typeof(AccountScenarios))]
    public async Task Scenario(string row)
    {
        using var run = new ScenarioRun(deployment, kind, row);
        var outcome = await AccountScenarios.Rows[row](run);
        output.WriteLine($"| {deployment.Flavour} | {kind} | {row} | {outcome} | {run.UseGas} |");
    }
}

public sealed class MsaScenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new FixtureDevnetDeployment(fixture.Chain), ScenarioAccountKind.Msa, output), IClassFixture<DevnetFixture>;

public sealed class Safe7579Scenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new FixtureDevnetDeployment(fixture.Chain), ScenarioAccountKind.Safe7579, output), IClassFixture<DevnetFixture>;

public sealed class NexusScenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new FixtureDevnetDeployment(fixture.Chain), ScenarioAccountKind.Nexus, output), IClassFixture<DevnetFixture>;

public sealed class KernelScenarios(DevnetFixture fixture, ITestOutputHelper output)
    : AccountScenarioTable(new FixtureDevnetDeployment(fixture.Chain), ScenarioAccountKind.Kernel, output), IClassFixture<DevnetFixture>;
