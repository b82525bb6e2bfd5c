using System;
using System.Collections.Generic;
using System.Linq;

namespace SessionGen.Generators.Sessions;

/// <summary>"Did you mean …?" for misspelt names: the candidates closest by edit distance.</summary>
internal static class NameSuggestions
{
    /// <summary>Up to <paramref name="count"/> candidates within a third of the name's length (at least 2 edits), closest first.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int count = 3)
    {
        var threshold = Math.Max(2, name.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(candidate => (candidate, distance: Distance(name, candidate)))
            .Where(pair => pair.distance <= threshold)
            .OrderBy(pair => pair.distance)
            .ThenBy(pair => pair.candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => pair.candidate)
            .ToList();
    }

    /// <summary>Levenshtein distance in which a difference of case alone costs nothing (so "Transfer" is suggested for "transfer").</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = a[i - 1] == b[j - 1] || char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
