using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;

namespace SessionGen.Devnet;

/// <summary>
/// A child process of the devnet (anvil, the alto bundler) that must never outlive it: every live one is tracked
/// statically and killed on process exit and by the finalizer, so a failed test never leaves one running. Stopped by
/// its own process id, never by name.
/// </summary>
internal abstract class TrackedProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    private readonly Process _process;
    private int _disposed;
    private bool _exitedOnDispose;

    static TrackedProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Live.Values)
            {
                _ = Kill(process);
            }
        };
    }

    protected TrackedProcess(Process process)
    {
        _process = process;
        Live[process.Id] = process;
    }

    ~TrackedProcess() => _ = Kill(_process);

    public int ProcessId => _process.Id;

    public bool HasExited => Volatile.Read(ref _disposed) != 0 ? _exitedOnDispose : _process.HasExited;

    /// <summary>Hands the process to another instance (the started one): this one no longer kills it when finalized.</summary>
    protected void Release() => GC.SuppressFinalize(this);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _exitedOnDispose = Kill(_process);
        Live.TryRemove(_process.Id, out _);
        _process.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Kills the process and waits for it; true when it is gone.</summary>
    private static bool Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            return process.WaitForExit(5_000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // already gone, never started, or (from the finalizer) its handle was already released
            return true;
        }
    }
}
