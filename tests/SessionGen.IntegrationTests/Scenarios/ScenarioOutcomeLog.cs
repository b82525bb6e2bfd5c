using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// Where eng/upstream.sh collects what a run saw: with SESSIONGEN_SCENARIO_OUTCOMES set to a folder, each scenario's
/// outcome goes to <c>&lt;flavour&gt;.jsonl</c> there and each devnet's facts (upstream commits, start-up time) to
/// <c>&lt;flavour&gt;-devnet.json</c>; eng/upstream/record.mjs turns them into docs/upstream.md and
/// docs/upstream-outcomes.json. Unset (CI), nothing is written.
/// </summary>
internal static class ScenarioOutcomeLog
{
    public const string FolderVariable = "SESSIONGEN_SCENARIO_OUTCOMES";

    private static readonly object Gate = new();

    public static void RecordOutcome(string flavour, PolicyScenario row, string outcome) =>
        Write(flavour + ".jsonl", JsonSerializer.Serialize(new { row = PolicyScenarios.All.ToList().IndexOf(row), scenario = row.Name, expected = row.Expected, outcome }) + "\n", append: true);

    public static void RecordDevnet(string flavour, SessionGen.Devnet.Devnet chain) =>
        Write(flavour + "-devnet.json", JsonSerializer.Serialize(new
        {
            startupMs = (long)chain.StartupTime.TotalMilliseconds,
            smartSessionVersion = chain.SmartSessions.Version.ToString(),
            commits = chain.Upstream?.Commits.Select(c => new { repository = c.Repository, commit = c.Commit, date = c.Date, subject = c.Subject }),
            build = chain.Upstream is { } build ? new { mode = build.Mode, compiler = build.Compiler } : null,
        }), append: false);

    private static void Write(string file, string text, bool append)
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        lock (Gate)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, file);
            if (append)
            {
                File.AppendAllText(path, text);
            }
            else
            {
                File.WriteAllText(path, text);
            }
        }
    }
}
