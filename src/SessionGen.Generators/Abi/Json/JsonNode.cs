using System.Collections.Generic;

namespace SessionGen.Generators.Abi.Json;

/// <summary>The kind of a parsed JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value with its position in the source text, so that problems found later (an ABI entry of
/// unknown shape, a bad type string) can be reported exactly where they are in the file.
/// </summary>
/// <remarks>Only lives inside <see cref="AbiReader"/>; never stored in a pipeline model.</remarks>
internal sealed class JsonNode
{
    private JsonNode(JsonKind kind, int start, int end, string? text, List<JsonNode>? items, List<KeyValuePair<string, JsonNode>>? members)
    {
        Kind = kind;
        Start = start;
        End = end;
        Text = text;
        Items = items;
        Members = members;
    }

    public JsonKind Kind { get; }

    /// <summary>Offset of the value's first character in the source text.</summary>
    public int Start { get; }

    /// <summary>Offset just past the value's last character.</summary>
    public int End { get; }

    /// <summary>The unescaped value of a string, or the literal text of a number.</summary>
    public string? Text { get; }

    /// <summary>The elements of an array.</summary>
    public List<JsonNode>? Items { get; }

    /// <summary>The members of an object in source order (duplicates kept; <see cref="Get"/> takes the last, like most JSON readers).</summary>
    public List<KeyValuePair<string, JsonNode>>? Members { get; }

    public static JsonNode Scalar(JsonKind kind, int start, int end, string? text) => new(kind, start, end, text, null, null);

    public static JsonNode Array(int start, int end, List<JsonNode> items) => new(JsonKind.Array, start, end, null, items, null);

    public static JsonNode Object(int start, int end, List<KeyValuePair<string, JsonNode>> members) => new(JsonKind.Object, start, end, null, null, members);

    /// <summary>The member named <paramref name="name"/> of an object, or <see langword="null"/>.</summary>
    public JsonNode? Get(string name)
    {
        if (Members is null)
        {
            return null;
        }

        JsonNode? found = null;
        foreach (var member in Members)
        {
            if (member.Key == name)
            {
                found = member.Value;
            }
        }

        return found;
    }

    /// <summary>A short name of the kind for messages ("an object", "a string", …).</summary>
    public string Describe() => Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Null => "null",
        _ => "a boolean",
    };
}
