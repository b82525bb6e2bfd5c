using System;
using System.Linq;
using System.Text.Json;
using SessionGen.Protocol;
using SessionGen.Tests.Infrastructure;

namespace SessionGen.Tests.Protocol;

/// <summary>
/// Runs <c>session-vectors.mjs</c> once for a module generation (one node process for all the vectors) and rebuilds
/// every session with the public API. The policy and validator init data are compared while rebuilding.
/// </summary>
public abstract class SessionVectorFixture : IDisposable
{
    /// <summary>Randomized sessions compared per generation.</summary>
    public const int SessionCount = 1000;

    /// <summary>Of those, the first ones that also get the (costly in JavaScript) EIP-712 enable digest.</summary>
    public const int DigestCount = 200;

    // Fixed so that a failure replays with `node session-vectors.mjs 20261125 1000 <version> 200`; set
    // SESSIONGEN_VECTOR_SEED to explore other random sessions locally.
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SESSIONGEN_VECTOR_SEED"), out var seed) ? seed : 20261125;

    private readonly JsonDocument _document;

    protected SessionVectorFixture(SmartSessionVersion version)
    {
        Version = version;
        Deployment = SmartSessionDeployment.For(version);
        var versionName = version == SmartSessionVersion.Legacy ? "legacy" : "current";
        _document = NodeVectors.Run("session-vectors.mjs", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), SessionCount.ToString(System.Globalization.CultureInfo.InvariantCulture), versionName, DigestCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Root = _document.RootElement;
        Vectors = Root.GetProperty("vectors").EnumerateArray().ToArray();
        BuildMismatches = new Mismatches();
        Sessions = Vectors.Select((v, i) => SessionSpec.BuildSession(v.GetProperty("session"), version, BuildMismatches, $"vector {i}")).ToArray();
    }

    internal SmartSessionVersion Version { get; }

    internal SmartSessionDeployment Deployment { get; }

    internal JsonElement Root { get; }

    internal JsonElement[] Vectors { get; }

    internal Session[] Sessions { get; }

    /// <summary>Differences found while rebuilding (policy init data, validator init data), with counts per policy kind.</summary>
    internal Mismatches BuildMismatches { get; }

    public void Dispose()
    {
        _document.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Vectors of @rhinestone/module-sdk 0.4.0 (current module).</summary>
public sealed class CurrentSessionVectors : SessionVectorFixture
{
    public CurrentSessionVectors()
        : base(SmartSessionVersion.Current)
    {
    }
}

/// <summary>Vectors of @rhinestone/module-sdk 0.1.32 (legacy module).</summary>
public sealed class LegacySessionVectors : SessionVectorFixture
{
    public LegacySessionVectors()
        : base(SmartSessionVersion.Legacy)
    {
    }
}
