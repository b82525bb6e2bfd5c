using System;

namespace SessionGen.Devnet;

/// <summary>How <see cref="Devnet.StartBundlerAsync"/> runs the local alto bundler. Every property has a working default.</summary>
public sealed record LocalBundlerOptions
{
    /// <summary>How long alto may take to deploy its simulation contracts and answer (default 180 s: node loads it in seconds, but a machine busy with other builds has been seen to take over a minute).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>The shortest wait between two bundles (alto's <c>--min-bundle-interval</c>; default 100 ms, alto's own).</summary>
    public TimeSpan MinBundleInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest wait between two bundles (alto's <c>--max-bundle-interval</c>). Default 100 ms, a fixed interval: alto's
    /// own default (1 s) lets the interval grow by 10 ms per operation bundled in the last minute, so on a devnet an
    /// operation's latency would depend on how many ran before it.
    /// </summary>
    public TimeSpan MaxBundleInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
