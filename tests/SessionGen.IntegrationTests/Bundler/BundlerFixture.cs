using System.Threading.Tasks;
using SessionGen.Devnet;
using Xunit;

namespace SessionGen.IntegrationTests.Bundler;

/// <summary>
/// One local chain with the alto bundler in front of it, shared by the whole "Bundler" collection: alto takes seconds to
/// load, so it starts once. Accounts created here send through the bundler and read outcomes from
/// <c>eth_getUserOperationReceipt</c>.
/// </summary>
public sealed class BundlerFixture : IAsyncLifetime
{
    public SessionGen.Devnet.Devnet Chain { get; private set; } = null!;

    public LocalBundler Bundler { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chain = await SessionGen.Devnet.Devnet.StartAsync();
        Bundler = await Chain.StartBundlerAsync();
    }

    public async Task DisposeAsync()
    {
        if (Chain is not null)
        {
            await Chain.DisposeAsync();
        }
    }
}

/// <summary>The tests that share one alto (<see cref="BundlerFixture"/>); they run one class after the other, beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class BundlerCollection : ICollectionFixture<BundlerFixture>
{
    public const string Name = "Bundler";
}
