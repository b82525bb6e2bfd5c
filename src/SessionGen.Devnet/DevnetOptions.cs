using System;

namespace SessionGen.Devnet;

/// <summary>How <see cref="Devnet.StartAsync"/> starts the chain. Every property has a working default.</summary>
public sealed record DevnetOptions
{
    /// <summary>
    /// The <c>eng/devnet</c> folder. Default: found by walking up from <see cref="System.AppContext.BaseDirectory"/>
    /// (then from the current directory) to the repository that holds it.
    /// </summary>
    public string? DevnetDirectory { get; init; }

    /// <summary>How many funded dev accounts anvil creates (at least 1; account 0 deploys and pays for transactions).</summary>
    public int Accounts { get; init; } = 10;

    /// <summary>How long anvil may take to start listening before the start fails.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a transaction may wait for its receipt before the wait fails.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The upstream contracts to deploy instead of the legacy SmartSession and the devnet's own policies and session
    /// validator: the <c>contracts.json</c> that <c>eng/upstream/build.mjs</c> writes from the erc7579/smartsessions and
    /// rhinestonewtf/core-modules git directories (<c>eng/upstream.sh</c> builds it and runs the upstream suite). The
    /// devnet then deploys the current SmartSession, its policies and OwnableValidator by CREATE2 with the upstream
    /// salts, checks that they land at the @rhinestone/module-sdk 0.4.0 addresses, and speaks
    /// <see cref="SessionGen.Protocol.SmartSessionVersion.Current"/>. A relative path is taken from the current directory.
    /// Default null: the fixture devnet.
    /// </summary>
    public string? UpstreamContracts { get; init; }

    /// <summary>Run <c>eng/install-node-tools.sh</c> when the npm tools are missing (a fresh clone). Default true.</summary>
    public bool InstallToolsIfMissing { get; init; } = true;
}
