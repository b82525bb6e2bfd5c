using System;
using System.Collections.Generic;

namespace SessionGen.Generators.Abi;

/// <summary>Matches the path written in <c>[ContractAbi("abis/ERC20.json")]</c> to an AdditionalFiles item's full path.</summary>
internal static class AbiPaths
{
    /// <summary>
    /// Finds the AdditionalFiles path <paramref name="attributePath"/> designates: first the exact file under
    /// <paramref name="projectDirectory"/> (from <c>build_property.projectdir</c>), then a file whose path ends
    /// with it (when the project directory is unknown, as in some hosts), ignoring case only as a last resort.
    /// <c>/</c> and <c>\</c> are interchangeable; <c>.</c> and <c>..</c> segments are resolved.
    /// </summary>
    /// <returns>The matching path from <paramref name="candidates"/>, or null.</returns>
    public static string? Find(string attributePath, string? projectDirectory, IEnumerable<string> candidates)
    {
        var relative = Normalize(attributePath);
        var rooted = relative.StartsWith("/", StringComparison.Ordinal) || (relative.Length > 1 && relative[1] == ':');
        var expected = rooted || string.IsNullOrEmpty(projectDirectory) ? relative : Normalize(projectDirectory!.TrimEnd('/', '\\') + "/" + attributePath);
        var suffix = "/" + relative.TrimStart('/');

        string? bySuffix = null;
        string? ignoringCase = null;
        foreach (var candidate in candidates)
        {
            var path = Normalize(candidate);
            if (string.Equals(path, expected, StringComparison.Ordinal))
            {
                return candidate;
            }

            if (bySuffix is null && path.EndsWith(suffix, StringComparison.Ordinal))
            {
                bySuffix = candidate;
            }

            if (ignoringCase is null && string.Equals(path, expected, StringComparison.OrdinalIgnoreCase))
            {
                ignoringCase = candidate;
            }
        }

        return bySuffix ?? ignoringCase;
    }

    /// <summary>Forward slashes, no <c>.</c>/<c>..</c> segments, no doubled separators.</summary>
    public static string Normalize(string path)
    {
        var slashed = path.Replace('\\', '/');
        var parts = new List<string>();
        foreach (var part in slashed.Split('/'))
        {
            if (part == "." || (part.Length == 0 && parts.Count > 0))
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] is not ("" or ".."))
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join("/", parts);
    }
}
