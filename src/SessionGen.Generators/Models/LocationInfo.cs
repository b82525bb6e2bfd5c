using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SessionGen.Generators.Models;

/// <summary>
/// A diagnostic location kept as plain values, so that models stay equatable and hold no syntax trees
/// (a <see cref="Location"/> roots its whole tree and breaks caching).
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    /// <summary>
    /// The location in <paramref name="compilation"/>'s syntax tree of <see cref="FilePath"/> when there is one (so that
    /// the IDE can offer code fixes on it), else an external-file location (e.g. in an ABI file).
    /// </summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && TextSpan.End <= tree.Length)
            {
                return Location.Create(tree, TextSpan);
            }
        }

        return ToLocation();
    }

    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null && !location.IsInSource && location.Kind != LocationKind.ExternalFile
            ? null
            : new LocationInfo(location.GetLineSpan().Path, location.SourceSpan, location.GetLineSpan().Span);
}
