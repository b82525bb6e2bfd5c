using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SessionGen.Generators.Abi.Json;

/// <summary>Thrown by <see cref="JsonParser"/> for text that is not JSON; carries the offending offset.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string message, int position)
        : base(message) => Position = position;

    /// <summary>Offset in the source text where the problem was found.</summary>
    public int Position { get; }
}

/// <summary>
/// A small, strict RFC 8259 JSON parser that keeps source positions.
/// </summary>
/// <remarks>
/// The generator cannot depend on System.Text.Json or Newtonsoft.Json (they would have to load into every
/// compiler and IDE host, DESIGN.md §4), and ABI files are small, so a recursive-descent parser is enough.
/// Nesting is capped so that hostile input cannot overflow the compiler's stack.
/// </remarks>
internal sealed class JsonParser
{
    private const int MaxDepth = 128;

    private readonly string _text;
    private int _position;
    private int _depth;

    private JsonParser(string text) => _text = text;

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="JsonParseException">The text is not a single valid JSON value.</exception>
    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            parser._position = 1;
        }

        parser.SkipWhitespace();
        if (parser._position >= text.Length)
        {
            throw new JsonParseException("the file is empty", parser._position);
        }

        var root = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            throw new JsonParseException($"unexpected '{text[parser._position]}' after the end of the document", parser._position);
        }

        return root;
    }

    private JsonNode ParseValue()
    {
        if (_position >= _text.Length)
        {
            throw new JsonParseException("unexpected end of file, expected a value", _position);
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                var start = _position;
                var value = ParseString();
                return JsonNode.Scalar(JsonKind.String, start, _position, value);
            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw new JsonParseException($"unexpected character '{Printable(c)}', expected a value", _position);
        }
    }

    private JsonNode ParseObject()
    {
        var start = _position;
        Enter();
        _position++; // '{'
        var members = new List<KeyValuePair<string, JsonNode>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            _depth--;
            return JsonNode.Object(start, _position, members);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonParseException(Peek() is null ? "unexpected end of file, expected a property name" : $"expected a property name in double quotes, found '{Printable(_text[_position])}'", _position);
            }

            var name = ParseString();
            SkipWhitespace();
            Expect(':', "after a property name");
            SkipWhitespace();
            members.Add(new KeyValuePair<string, JsonNode>(name, ParseValue()));
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _position++;
                continue;
            }

            if (next == '}')
            {
                _position++;
                _depth--;
                return JsonNode.Object(start, _position, members);
            }

            throw Unexpected("',' or '}' in an object");
        }
    }

    private JsonNode ParseArray()
    {
        var start = _position;
        Enter();
        _position++; // '['
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            _depth--;
            return JsonNode.Array(start, _position, items);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue());
            SkipWhitespace();
            var next = Peek();
            if (next == ',')
            {
                _position++;
                continue;
            }

            if (next == ']')
            {
                _position++;
                _depth--;
                return JsonNode.Array(start, _position, items);
            }

            throw Unexpected("',' or ']' in an array");
        }
    }

    private string ParseString()
    {
        var open = _position;
        _position++; // '"'
        StringBuilder? builder = null;
        var runStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new JsonParseException("unterminated string", open);
            }

            var c = _text[_position];
            if (c == '"')
            {
                var result = builder is null
                    ? _text.Substring(runStart, _position - runStart)
                    : builder.Append(_text, runStart, _position - runStart).ToString();
                _position++;
                return result;
            }

            if (c < 0x20)
            {
                throw new JsonParseException("control character in a string (escape it or close the string)", _position);
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            _position++;
            if (_position >= _text.Length)
            {
                throw new JsonParseException("unterminated string", open);
            }

            var escape = _text[_position];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 >= _text.Length
                        || !ushort.TryParse(_text.Substring(_position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonParseException("invalid \\u escape (expected four hexadecimal digits)", _position - 1);
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonParseException($"invalid escape '\\{Printable(escape)}'", _position - 1);
            }

            _position++;
            runStart = _position;
        }
    }

    private JsonNode ParseNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!ReadDigits())
        {
            throw new JsonParseException("invalid number: expected a digit", _position);
        }

        if (Peek() == '.')
        {
            _position++;
            if (!ReadDigits())
            {
                throw new JsonParseException("invalid number: expected a digit after '.'", _position);
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!ReadDigits())
            {
                throw new JsonParseException("invalid number: expected a digit in the exponent", _position);
            }
        }

        return JsonNode.Scalar(JsonKind.Number, start, _position, _text.Substring(start, _position - start));
    }

    private bool ReadDigits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonNode ParseLiteral(string literal, JsonKind kind)
    {
        var start = _position;
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonParseException($"unexpected character '{Printable(_text[_position])}', expected a value", _position);
        }

        _position += literal.Length;
        return JsonNode.Scalar(kind, start, _position, null);
    }

    private void Expect(char expected, string context)
    {
        if (Peek() != expected)
        {
            throw Unexpected($"'{expected}' {context}");
        }

        _position++;
    }

    private JsonParseException Unexpected(string expected) =>
        _position >= _text.Length
            ? new JsonParseException($"unexpected end of file, expected {expected}", _position)
            : new JsonParseException($"unexpected '{Printable(_text[_position])}', expected {expected}", _position);

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JsonParseException($"nesting deeper than {MaxDepth} levels", _position);
        }
    }

    private char? Peek() => _position < _text.Length ? _text[_position] : null;

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private static string Printable(char c) => c < 0x20 || c == 0x7F ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();
}
