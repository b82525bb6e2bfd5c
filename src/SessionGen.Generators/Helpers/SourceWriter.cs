using System;
using System.Text;

namespace SessionGen.Generators.Helpers;

/// <summary>Builds indented C# source text (four spaces per level, <c>\n</c> line endings, so output is the same on every OS).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>A writer whose first line is indented <paramref name="indent"/> levels (for text that goes inside declarations written elsewhere).</summary>
    public SourceWriter(int indent = 0) => _indent = indent;

    /// <summary>How many levels the next line is indented.</summary>
    public int Indent => _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Outdents and writes <c>}</c> (plus an optional suffix such as <c>;</c>).</summary>
    public SourceWriter Close(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("Unbalanced Close.");
        }

        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Appends another writer's text as is.</summary>
    public SourceWriter Append(SourceWriter other)
    {
        _builder.Append(other._builder);
        return this;
    }

    public override string ToString() => _builder.ToString();
}
