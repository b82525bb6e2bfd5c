using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SessionGen.Devnet;

/// <summary>Finds <c>eng/devnet</c>, installs its npm tools when missing, and runs its node scripts.</summary>
internal static class DevnetTools
{
    private const string DevnetRelativePath = "eng/devnet";

    public static string AnvilPath(string devnetDirectory) =>
        Path.Combine(devnetDirectory, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    public static string AltoScript(string devnetDirectory) =>
        Path.Combine(devnetDirectory, "node_modules", "@pimlico", "alto", "esm", "cli", "alto.js");

    private static string ModulekitStamp(string devnetDirectory) =>
        Path.Combine(devnetDirectory, "node_modules", ".modulekit", ".integrity");

    public static string Locate(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            return File.Exists(Path.Combine(explicitDirectory, "package.json"))
                ? Path.GetFullPath(explicitDirectory)
                : throw new DirectoryNotFoundException($"DevnetDirectory '{explicitDirectory}' has no package.json.");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DevnetRelativePath);
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No {DevnetRelativePath}/package.json above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'. " +
            "Run from inside the SessionGen repository or set DevnetOptions.DevnetDirectory.");
    }

    /// <summary>Installs the npm tools (the repository's own script) when anvil or the unpacked modulekit is missing.</summary>
    public static async Task EnsureInstalledAsync(string devnetDirectory, bool installIfMissing, CancellationToken cancellationToken)
    {
        if (IsInstalled(devnetDirectory))
        {
            return;
        }

        if (!installIfMissing)
        {
            throw new InvalidOperationException(
                $"The devnet tools are not installed in '{devnetDirectory}/node_modules'. Run eng/install-node-tools.sh.");
        }

        // Several test processes may start at once on a fresh clone: one installs, the others wait for it.
        await using var installLock = await AcquireLockAsync(Path.Combine(devnetDirectory, ".install.lock"), cancellationToken);
        if (IsInstalled(devnetDirectory))
        {
            return;
        }

        var script = Path.GetFullPath(Path.Combine(devnetDirectory, "..", "install-node-tools.sh"));
        await RunAsync("bash", [script], devnetDirectory, cancellationToken);
        if (!File.Exists(ModulekitStamp(devnetDirectory)))
        {
            // The lock stamp can be current while the unpacked tarball was deleted: fetch just that.
            await RunAsync("bash", [Path.Combine(devnetDirectory, "postinstall.sh")], devnetDirectory, cancellationToken);
        }

        if (!IsInstalled(devnetDirectory))
        {
            throw new InvalidOperationException($"eng/install-node-tools.sh ran but '{AnvilPath(devnetDirectory)}', alto or modulekit is still missing.");
        }
    }

    private static bool IsInstalled(string devnetDirectory) =>
        File.Exists(AnvilPath(devnetDirectory)) && File.Exists(AltoScript(devnetDirectory)) && File.Exists(ModulekitStamp(devnetDirectory));

    /// <summary>Runs compile.mjs (cached by source hash) and returns the path of the artifacts file it prints.</summary>
    public static async Task<string> CompileAsync(string devnetDirectory, CancellationToken cancellationToken)
    {
        var output = await RunAsync("node", ["compile.mjs"], devnetDirectory, cancellationToken);
        var path = output.Trim().Split('\n')[^1].Trim();
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"compile.mjs printed '{path}', which is not a file.");
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static async Task<string> RunAsync(string fileName, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append('\'').Append(fileName).Append(' ').AppendJoin(' ', arguments).Append("' in '").Append(workingDirectory)
                .Append("' exited with ").Append(process.ExitCode).Append(":\n").Append(await stderr).Append(output);
            throw new InvalidOperationException(message.ToString());
        }

        return output;
    }
}
