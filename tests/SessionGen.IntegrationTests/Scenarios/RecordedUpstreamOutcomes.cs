using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SessionGen.IntegrationTests.Packaging;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>
/// The outcomes the last upstream run recorded per scenario (docs/upstream-outcomes.json, written by eng/upstream.sh):
/// what CI compares the fixture devnet with, without network or upstream sources.
/// </summary>
internal static class RecordedUpstreamOutcomes
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "docs", "upstream-outcomes.json");

    public static IReadOnlyDictionary<string, string> Scenarios { get; } = Load();

    private static Dictionary<string, string> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path));
        return json.RootElement.GetProperty("scenarios").EnumerateArray()
            .ToDictionary(s => s.GetProperty("scenario").GetString()!, s => s.GetProperty("upstream").GetString()!);
    }
}
