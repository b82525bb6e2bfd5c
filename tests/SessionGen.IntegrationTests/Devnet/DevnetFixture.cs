using System.Threading.Tasks;
using Xunit;

namespace SessionGen.IntegrationTests.Devnet;

/// <summary>One local chain per test class (xunit class fixture); anvil is stopped when the class is done.</summary>
public sealed class DevnetFixture : IAsyncLifetime
{
    public SessionGen.Devnet.Devnet Chain { get; private set; } = null!;

    public async Task InitializeAsync() => Chain = await SessionGen.Devnet.Devnet.StartAsync();

    public async Task DisposeAsync()
    {
        if (Chain is not null)
        {
            await Chain.DisposeAsync();
        }
    }
}
