using System;

namespace SessionGen.Devnet;

/// <summary>How <see cref="Devnet.StartBundlerAsync"/> runs the local alto bundler. Every property has a working default.</summary>
public sealed record LocalBundlerOptions
{
    /// <summary>How long alto may take to deploy its simulation contracts and answer (default 60 s: node loads it in seconds on a busy machine).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The shortest wait between two bundles (alto's <c>--min-bundle-interval</c>; default 100 ms, alto's own).</summary>
    public TimeSpan MinBundleInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two bundles (alto's <c>--max-bundle-interval</c>; default 1 s, alto's own).</summary>
    public TimeSpan MaxBundleInterval { get; init; } = TimeSpan.FromMilliseconds(1000);
}
