using System.Collections.Generic;

namespace SessionGen.Devnet;

/// <summary>
/// The contracts of the account kinds beside the reference account, deployed from @rhinestone/modulekit 0.5.9's
/// precompiled creation bytecode (read from the package at compile time, never committed).
/// </summary>
public sealed record DevnetAccountContracts
{
    /// <summary>The Safe 1.4.1 singleton (modulekit 0.5.9 bytecode).</summary>
    public required Address SafeSingleton { get; init; }

    /// <summary>SafeProxyFactory 1.4.1.</summary>
    public required Address SafeProxyFactory { get; init; }

    /// <summary>Rhinestone's Safe7579 adapter 1.0.0.</summary>
    public required Address Safe7579 { get; init; }

    /// <summary>The Safe7579Launchpad 1.0.0 (entry point v0.7, no registry).</summary>
    public required Address Safe7579Launchpad { get; init; }

    /// <summary>The Nexus 1.0.1 implementation.</summary>
    public required Address NexusImplementation { get; init; }

    /// <summary>The NexusBootstrap 1.0.0 (<c>initNexus</c>).</summary>
    public required Address NexusBootstrap { get; init; }

    /// <summary>The NexusAccountFactory for <see cref="NexusImplementation"/>.</summary>
    public required Address NexusFactory { get; init; }

    /// <summary>The Kernel 0.3.1 implementation.</summary>
    public required Address KernelImplementation { get; init; }

    /// <summary>The KernelFactory for <see cref="KernelImplementation"/>.</summary>
    public required Address KernelFactory { get; init; }

    /// <summary>Every address with its name.</summary>
    public IEnumerable<(string Name, Address Address)> All =>
    [
        (nameof(SafeSingleton), SafeSingleton),
        (nameof(SafeProxyFactory), SafeProxyFactory),
        (nameof(Safe7579), Safe7579),
        (nameof(Safe7579Launchpad), Safe7579Launchpad),
        (nameof(NexusImplementation), NexusImplementation),
        (nameof(NexusBootstrap), NexusBootstrap),
        (nameof(NexusFactory), NexusFactory),
        (nameof(KernelImplementation), KernelImplementation),
        (nameof(KernelFactory), KernelFactory),
    ];
}
