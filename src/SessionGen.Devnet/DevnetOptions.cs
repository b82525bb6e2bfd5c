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

    /// <summary>Run <c>eng/install-node-tools.sh</c> when the npm tools are missing (a fresh clone). Default true.</summary>
    public bool InstallToolsIfMissing { get; init; } = true;
}
