using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SessionGen.Generators.Tests.Readme;

/// <summary>One ```csharp block of the README: where its code starts (1-based line) and the <c>##</c> section it is in.</summary>
public sealed record ReadmeSnippet(string Section, int FirstLine, string Code);

/// <summary>
/// Extracts the ```csharp blocks of the repository's README.md as they stand. The blocks of one <c>##</c> section form
/// one program, as a reader who follows that section builds it: a tutorial's steps continue each other.
/// </summary>
public static class ReadmeSnippets
{
    /// <summary>The README.md at the repository root (the directory holding SessionGen.sln).</summary>
    public static string ReadmePath { get; } = FindReadme();

    /// <summary>Every ```csharp block, in README order.</summary>
    public static IReadOnlyList<ReadmeSnippet> All { get; } = Extract(File.ReadAllLines(ReadmePath));

    /// <summary>The blocks grouped by their <c>##</c> section, in README order.</summary>
    public static IReadOnlyList<IGrouping<string, ReadmeSnippet>> BySection => [.. All.GroupBy(snippet => snippet.Section)];

    public static IReadOnlyList<ReadmeSnippet> Extract(IReadOnlyList<string> lines)
    {
        var snippets = new List<ReadmeSnippet>();
        var section = "(top)";
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                continue;
            }

            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) && line.Trim() is not "```csharp")
            {
                // Another language's fence: skip to its end so its content is never taken for a heading or a block.
                for (i++; i < lines.Count && lines[i].Trim() != "```"; i++)
                {
                }

                continue;
            }

            if (line.Trim() != "```csharp")
            {
                continue;
            }

            var first = i + 2; // 1-based number of the block's first code line
            var code = new List<string>();
            for (i++; i < lines.Count && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i]);
            }

            snippets.Add(new ReadmeSnippet(section, first, string.Join("\n", code)));
        }

        return snippets;
    }

    private static string FindReadme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SessionGen.sln")))
            {
                return Path.Combine(directory.FullName, "README.md");
            }
        }

        throw new InvalidOperationException("SessionGen.sln not found above " + AppContext.BaseDirectory);
    }
}
