using System;
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
/// pipe blocks anvil once it fills); the startup lines give the port and the dev keys. Tracked and stopped
/// as every devnet process is (<see cref="TrackedProcess"/>).
/// </summary>
internal sealed partial class AnvilProcess : TrackedProcess
{
    private AnvilProcess(Process process, int port, IReadOnlyList<string> privateKeys)
        : base(process)
    {
        Port = port;
        PrivateKeys = privateKeys;
    }

    public int Port { get; }

    public IReadOnlyList<string> PrivateKeys { get; }

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

        var anvil = new AnvilProcess(process, 0, keys);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await listening.Task.WaitAsync(timeout, cancellationToken);
            anvil.Release(); // the started instance below owns the process now
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

    [GeneratedRegex(@"^\(\d+\) (0x[0-9a-fA-F]{64})$")]
    private static partial Regex PrivateKeyLine();

    [GeneratedRegex(@"^Listening on [^\s]+:(\d+)")]
    private static partial Regex ListeningLine();
}
