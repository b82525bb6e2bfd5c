using System;
using Nethereum.JsonRpc.Client;
using SessionGen.Transport;

namespace SessionGen.Devnet;

/// <summary>
/// The alto bundler running against a <see cref="Devnet"/> (started by <see cref="Devnet.StartBundlerAsync"/>). Stopped
/// by its process id when disposed, or with the devnet.
/// </summary>
public sealed class LocalBundler : IDisposable
{
    private readonly AltoProcess _alto;

    internal LocalBundler(AltoProcess alto, DevKey executor)
    {
        _alto = alto;
        Executor = executor;
    }

    /// <summary>Its JSON-RPC endpoint, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Url => _alto.Url;

    /// <summary>The dev key whose transactions carry the bundles (and which receives the operations' fees).</summary>
    public DevKey Executor { get; }

    /// <summary>The node process id (to check it is gone after dispose).</summary>
    public int ProcessId => _alto.ProcessId;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _alto.HasExited;

    /// <summary>A JSON-RPC client for the bundler (strict requests, see <see cref="JsonRpc.Connect"/>).</summary>
    public IClient Connect() => JsonRpc.Connect(Url);

    /// <summary>Stops alto (by its process id).</summary>
    public void Dispose() => _alto.Dispose();
}
