using System;
using System.Threading.Tasks;
using SessionGen.Devnet;
using Xunit;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// A devnet with the upstream contracts (the current SmartSession, its policies and OwnableValidator at their real
/// addresses), built by eng/upstream.sh, which passes the built contracts.json in SESSIONGEN_UPSTREAM_CONTRACTS. Only the
/// tests with the Upstream trait use it; eng/test.sh (CI) leaves them out.
/// </summary>
public sealed class UpstreamDevnetFixture : IAsyncLifetime
{
    public const string ContractsVariable = "SESSIONGEN_UPSTREAM_CONTRACTS";

    public SessionGen.Devnet.Devnet Chain { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var contracts = Environment.GetEnvironmentVariable(ContractsVariable);
        if (string.IsNullOrEmpty(contracts))
        {
            throw new InvalidOperationException(
                $"{ContractsVariable} is not set. The upstream suite runs from eng/upstream.sh <smartsessions git dir> <core-modules git dir>, which builds the contracts and sets it.");
        }

        Chain = await SessionGen.Devnet.Devnet.StartAsync(new DevnetOptions { UpstreamContracts = contracts });
        ScenarioOutcomeLog.RecordDevnet("upstream", Chain);
    }

    public async Task DisposeAsync()
    {
        if (Chain is not null)
        {
            await Chain.DisposeAsync();
        }
    }
}
