using System.Linq;
using SessionGen.Protocol;
using System.Threading.Tasks;
using SessionGen.IntegrationTests.Devnet;
using Xunit;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// The policy table on the fixture devnet (CI): each row's outcome is the one the upstream contracts gave in the
/// recorded run (docs/upstream-outcomes.json), so the fixture policies cannot drift from the real ones unnoticed.
/// </summary>
public sealed class FixturePolicyScenarioTests : IClassFixture<DevnetFixture>
{
    private readonly DevnetFixture fixture;

    public FixturePolicyScenarioTests(DevnetFixture fixture)
    {
        this.fixture = fixture;
        ScenarioOutcomeLog.RecordDevnet("fixture", fixture.Chain);
    }

    [Theory]
    [MemberData(nameof(PolicyScenarios.Names), MemberType = typeof(PolicyScenarios))]
    public async Task Outcome_is_the_upstream_contracts_outcome(string scenario)
    {
        var (row, outcome) = await ScenarioRun.RunAsync(fixture.Chain, scenario, "fixture");

        Assert.True(RecordedUpstreamOutcomes.Scenarios.TryGetValue(scenario, out var upstream), $"No upstream outcome recorded for '{scenario}' in {RecordedUpstreamOutcomes.Path}: run eng/upstream.sh.");
        Assert.Equal(upstream, outcome);
        Assert.Equal(row.Expected, outcome);
    }

    [Fact]
    public void Every_recorded_upstream_outcome_belongs_to_a_row_of_the_table()
    {
        var rows = PolicyScenarios.All.Select(s => s.Name).ToHashSet();
        var stale = RecordedUpstreamOutcomes.Scenarios.Keys.Where(name => !rows.Contains(name)).ToArray();
        Assert.True(stale.Length == 0, $"Recorded upstream outcomes for rows the table no longer has: {string.Join("; ", stale)}. Run eng/upstream.sh.");
    }
}

/// <summary>
/// The same table on the upstream contracts (opt-in: eng/upstream.sh builds them from the upstream git directories).
/// Left out of eng/test.sh by its trait: CI has neither network nor the upstream sources.
/// </summary>
[Trait("Category", "Upstream")]
public sealed class UpstreamPolicyScenarioTests(UpstreamDevnetFixture fixture) : IClassFixture<UpstreamDevnetFixture>
{
    [Theory]
    [MemberData(nameof(PolicyScenarios.Names), MemberType = typeof(PolicyScenarios))]
    public async Task Outcome_is_the_expected_one(string scenario)
    {
        var (row, outcome) = await ScenarioRun.RunAsync(fixture.Chain, scenario, "upstream");

        Assert.Equal(row.Expected, outcome);
    }

    [Fact]
    public async Task The_upstream_contracts_are_at_the_module_sdk_addresses_and_speak_the_current_protocol()
    {
        var chain = fixture.Chain;
        Assert.Equal(SmartSessionDeployment.Current, chain.SmartSessions);
        Assert.Equal(["erc7579/smartsessions", "rhinestonewtf/core-modules"], chain.Upstream!.Commits.Select(c => c.Repository));
        var deployment = SmartSessionDeployment.Current;
        foreach (var address in new[]
                 {
                     deployment.SmartSession, deployment.OwnableValidator, deployment.Policies.Sudo, deployment.Policies.TimeFrame,
                     deployment.Policies.UsageLimit, deployment.Policies.ValueLimit, deployment.Policies.ERC20SpendingLimit, deployment.Policies.UniversalAction,
                 })
        {
            Assert.True((await chain.GetCodeAsync(address)).Length > 0, $"no code at {address}");
        }
    }
}
