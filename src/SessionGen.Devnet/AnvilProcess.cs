using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace SessionGen.Devnet;

/// <summary>
/// One anvil process on 127.0.0.1 and an OS-chosen port. Its output is drained continuously (an undrained
/// pipe blocks anvil once it fills); the startup lines give the port and the dev keys. Every live anvil is
/// also tracked statically and killed on process exit, and by the finalizer, so a failed test never leaves
/// one running.
/// </summary>
internal sealed partial class AnvilProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    private readonly Process _process;
    private int _disposed;
    private bool _exitedOnDispose;

    static AnvilProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Live.Values)
            {
                _ = Kill(process);
            }
        };
    }

    private AnvilProcess(Process process, int port, IReadOnlyList<string> privateKeys)
    {
        _process = process;
        Port = port;
        PrivateKeys = privateKeys;
    }

    ~AnvilProcess() => _ = Kill(_process);

    public int Port { get; }

    public int ProcessId => _process.Id;

    public IReadOnlyList<string> PrivateKeys { get; }

    public bool HasExited => Volatile.Read(ref _disposed) != 0 ? _exitedOnDispose : _process.HasExited;

    public static async Task<AnvilProcess> StartAsync(string anvilPath, int accounts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(anvilPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--host", "127.0.0.1", "--port", "0", "--disable-code-size-limit",
                     "--accounts", accounts.ToString(CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var startup = new StringBuilder();
        var keys = new List<string>();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null || listening.Task.IsCompleted)
            {
                return; // after startup, lines (one per RPC call) are read and dropped
            }

            startup.AppendLine(e.Data);
            if (PrivateKeyLine().Match(e.Data) is { Success: true } key)
            {
                keys.Add(key.Groups[1].Value);
            }
            else if (ListeningLine().Match(e.Data) is { Success: true } listen)
            {
                listening.TrySetResult(int.Parse(listen.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && !listening.Task.IsCompleted)
            {
                startup.AppendLine(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"anvil exited during startup:\n{startup}"));

        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start '{anvilPath}'.");
        }

        Live[process.Id] = process;
        var anvil = new AnvilProcess(process, 0, keys);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await listening.Task.WaitAsync(timeout, cancellationToken);
            GC.SuppressFinalize(anvil); // the started instance below owns the process now
            return new AnvilProcess(process, port, keys.ToArray());
        }
        catch (TimeoutException)
        {
            anvil.Dispose();
            throw new TimeoutException($"anvil did not print 'Listening on' within {timeout.TotalSeconds:0.#} s:\n{startup}");
        }
        catch
        {
            anvil.Dispose();
            throw;
        }
    }

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

    [GeneratedRegex(@"^\(\d+\) (0x[0-9a-fA-F]{64})$")]
    private static partial Regex PrivateKeyLine();

    [GeneratedRegex(@"^Listening on [^\s]+:(\d+)")]
    private static partial Regex ListeningLine();
}
