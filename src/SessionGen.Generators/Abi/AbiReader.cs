using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SessionGen.Generators.Abi.Json;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Models;

namespace SessionGen.Generators.Abi;

/// <summary>
/// Reads a contract ABI file (a plain ABI array, or a Hardhat/Foundry/Truffle artifact object with an
/// <c>abi</c> array) into an equatable <see cref="ContractAbiModel"/>, reporting every problem as a
/// diagnostic located in the file. It never throws on bad input.
/// </summary>
/// <remarks>
/// Bad entries are skipped one by one (each with its diagnostic) so that a single odd entry does not hide the
/// rest of the contract; only text that is not JSON, or JSON that is not an ABI, yields no model.
/// </remarks>
internal sealed class AbiReader
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<int> _lineStarts;
    private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();

    private AbiReader(string path, string text)
    {
        _path = path;
        _text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>Reads the ABI in <paramref name="text"/>; <paramref name="path"/> locates the diagnostics.</summary>
    public static AbiReadResult Read(string path, string text)
    {
        var reader = new AbiReader(path, text);
        var abi = reader.ReadDocument();
        return new AbiReadResult(path, abi, reader._diagnostics.ToImmutable().ToEquatableArray());
    }

    /// <summary>Reads the ABI in <paramref name="text"/> (null or empty text reads as an empty file, as compilers and IDEs differ here).</summary>
    public static AbiReadResult Read(string path, SourceText? text) => Read(path, text?.ToString() ?? string.Empty);

    private ContractAbiModel? ReadDocument()
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(_text);
        }
        catch (JsonParseException e)
        {
            var position = Math.Min(e.Position, _text.Length);
            var line = LineOf(position);
            var location = Locate(position, Math.Min(position + 1, _text.Length));
            Report(DiagnosticDescriptors.AbiMalformedJson, location, _path, e.Message, (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (position - _lineStarts[line] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        var entries = root;
        if (root.Kind == JsonKind.Object)
        {
            var abi = root.Get("abi");
            if (abi is null)
            {
                Report(DiagnosticDescriptors.AbiUnexpectedRoot, Locate(root.Start, root.Start + 1), _path, "the object has no 'abi' member (expected an ABI array, or an artifact object with an 'abi' array)");
                return null;
            }

            if (abi.Kind != JsonKind.Array)
            {
                Report(DiagnosticDescriptors.AbiUnexpectedRoot, Locate(abi), _path, $"its 'abi' member is {abi.Describe()}, expected an array");
                return null;
            }

            entries = abi;
        }
        else if (root.Kind != JsonKind.Array)
        {
            Report(DiagnosticDescriptors.AbiUnexpectedRoot, Locate(root), _path, $"the document is {root.Describe()}, expected an ABI array or an artifact object with an 'abi' array");
            return null;
        }

        var functions = ImmutableArray.CreateBuilder<AbiFunctionModel>();
        var errors = ImmutableArray.CreateBuilder<AbiErrorModel>();
        var events = ImmutableArray.CreateBuilder<AbiEventModel>();
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Items!.Count; i++)
        {
            var entry = entries.Items[i];
            var kind = ReadEntryKind(entry, i);
            if (kind is not ("function" or "error" or "event"))
            {
                continue;
            }

            var name = ReadName(entry, i);
            if (name is null)
            {
                continue;
            }

            var label = $"#{i} ({kind} '{name}')";
            var inputs = ReadParameters(entry, "inputs", label);
            if (inputs is null)
            {
                continue;
            }

            var signature = AbiSignature.Build(name, inputs);
            if (kind == "event")
            {
                var indexed = ReadIndexed(entry, label);
                if (indexed is null)
                {
                    continue;
                }

                if (signatures.Add("event " + signature))
                {
                    var topic = "0x" + string.Concat(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(signature)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
                    events.Add(new AbiEventModel(name, signature, topic, inputs.Value, indexed.Value, entry.Get("anonymous") is { Kind: JsonKind.True }));
                }
                else
                {
                    Report(DiagnosticDescriptors.AbiDuplicateEntry, Locate(entry), signature);
                }

                continue;
            }

            if (kind == "error")
            {
                if (signatures.Add("error " + signature))
                {
                    errors.Add(new AbiErrorModel(name, signature, Keccak256.Selector(signature), inputs.Value));
                }
                else
                {
                    Report(DiagnosticDescriptors.AbiDuplicateEntry, Locate(entry), signature);
                }

                continue;
            }

            var outputs = ReadParameters(entry, "outputs", label);
            var mutability = ReadStateMutability(entry, label);
            if (outputs is null || mutability is null)
            {
                continue;
            }

            if (signatures.Add(signature))
            {
                functions.Add(new AbiFunctionModel(name, signature, Keccak256.Selector(signature), inputs.Value, outputs.Value, mutability));
            }
            else
            {
                Report(DiagnosticDescriptors.AbiDuplicateEntry, Locate(entry), signature);
            }
        }

        return new ContractAbiModel(functions.ToImmutable().ToEquatableArray(), errors.ToImmutable().ToEquatableArray(), events.ToImmutable().ToEquatableArray());
    }

    /// <summary>The entry's <c>type</c> (<c>function</c> when absent, as the ABI specification says), or null when the entry is bad.</summary>
    private string? ReadEntryKind(JsonNode entry, int index)
    {
        if (entry.Kind != JsonKind.Object)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(entry), $"#{index}", $"an ABI entry is an object, found {entry.Describe()}");
            return null;
        }

        var type = entry.Get("type");
        if (type is null)
        {
            return "function";
        }

        if (type.Kind != JsonKind.String)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(type), $"#{index}", $"'type' must be a string, found {type.Describe()}");
            return null;
        }

        switch (type.Text)
        {
            case "function":
            case "error":
            case "event":
            case "constructor":
            case "fallback":
            case "receive":
                return type.Text;
            default:
                Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(type), $"#{index}", $"unknown entry type '{type.Text}' (expected function, error, event, constructor, fallback or receive)");
                return null;
        }
    }

    private string? ReadName(JsonNode entry, int index)
    {
        var name = entry.Get("name");
        if (name is null)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(entry.Start, entry.Start + 1), $"#{index}", "it has no 'name'");
            return null;
        }

        if (name.Kind != JsonKind.String || !IsIdentifier(name.Text!))
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(name), $"#{index}", $"'name' must be a Solidity identifier, found {Show(name)}");
            return null;
        }

        if (name.Text!.Length > MaxIdentifierLength)
        {
            ReportTooLong(name, $"#{index}");
            return null;
        }

        return name.Text;
    }

    /// <summary>
    /// The longest ABI name bound. .NET metadata refuses names over 1,023 UTF-8 bytes (CS7013), and the binding derives
    /// longer names from an ABI name (<c>Get{Name}Length</c>, <c>{Name}Result</c>, overload suffixes, which it caps).
    /// </summary>
    public const int MaxIdentifierLength = 480;

    private void ReportTooLong(JsonNode name, string label) =>
        Report(DiagnosticDescriptors.AbiIdentifierTooLong, Locate(name), label, name.Text!.Substring(0, 40),
            name.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), MaxIdentifierLength.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>An event's <c>indexed</c> flags, one per input (absent means not indexed); null after reporting a bad one.</summary>
    private EquatableArray<bool>? ReadIndexed(JsonNode entry, string label)
    {
        var flags = ImmutableArray.CreateBuilder<bool>();
        var count = 0;
        foreach (var input in entry.Get("inputs")?.Items ?? new List<JsonNode>())
        {
            var flag = input.Get("indexed");
            if (flag is not null && flag.Kind is not (JsonKind.True or JsonKind.False))
            {
                Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(flag), label, $"'indexed' must be true or false, found {flag.Describe()}");
                return null;
            }

            flags.Add(flag?.Kind == JsonKind.True);
            count += flag?.Kind == JsonKind.True ? 1 : 0;
        }

        var anonymous = entry.Get("anonymous") is { Kind: JsonKind.True };
        if (count > (anonymous ? 4 : 3))
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(entry.Get("inputs")!), label, $"it has {count} indexed parameters; a log has at most {(anonymous ? 4 : 3)} topics for them");
            return null;
        }

        return flags.ToImmutable().ToEquatableArray();
    }

    private string? ReadStateMutability(JsonNode entry, string label)
    {
        var mutability = entry.Get("stateMutability");
        if (mutability is not null)
        {
            if (mutability.Kind == JsonKind.String && mutability.Text is "pure" or "view" or "nonpayable" or "payable")
            {
                return mutability.Text;
            }

            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(mutability), label, $"'stateMutability' must be pure, view, nonpayable or payable, found {Show(mutability)}");
            return null;
        }

        // ABIs from before Solidity 0.4.16 have 'payable' and 'constant' flags instead.
        if (entry.Get("payable") is { Kind: JsonKind.True })
        {
            return "payable";
        }

        return entry.Get("constant") is { Kind: JsonKind.True } ? "view" : "nonpayable";
    }

    private EquatableArray<AbiParameterModel>? ReadParameters(JsonNode owner, string member, string label)
    {
        var list = owner.Get(member);
        if (list is null)
        {
            return EquatableArray<AbiParameterModel>.Empty;
        }

        if (list.Kind != JsonKind.Array)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(list), label, $"'{member}' must be an array, found {list.Describe()}");
            return null;
        }

        var parameters = ImmutableArray.CreateBuilder<AbiParameterModel>(list.Items!.Count);
        long heads = 0;
        foreach (var item in list.Items)
        {
            var parameter = ReadParameter(item, label);
            if (parameter is null)
            {
                return null;
            }

            parameters.Add(parameter);
            heads += parameter.TypeInfo.HeadSize;
            if (heads > AbiEncodedSize.Limit)
            {
                Report(DiagnosticDescriptors.AbiUnsupportedType, Locate(list), label, $"the heads of its '{member}' take more than {AbiEncodedSize.Limit} bytes; a binding supports at most {AbiEncodedSize.Limit} bytes");
                return null;
            }
        }

        return parameters.MoveToImmutable().ToEquatableArray();
    }

    private AbiParameterModel? ReadParameter(JsonNode node, string label)
    {
        if (node.Kind != JsonKind.Object)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(node), label, $"a parameter is an object, found {node.Describe()}");
            return null;
        }

        var nameNode = node.Get("name");
        var name = string.Empty;
        if (nameNode is not null && nameNode.Kind != JsonKind.Null)
        {
            if (nameNode.Kind != JsonKind.String || (nameNode.Text!.Length > 0 && !IsIdentifier(nameNode.Text)))
            {
                Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(nameNode), label, $"a parameter's 'name' must be a Solidity identifier or empty, found {Show(nameNode)}");
                return null;
            }

            if (nameNode.Text!.Length > MaxIdentifierLength)
            {
                ReportTooLong(nameNode, label);
                return null;
            }

            name = nameNode.Text!;
        }

        var internalTypeNode = node.Get("internalType");
        var internalType = internalTypeNode is { Kind: JsonKind.String } ? internalTypeNode.Text : null;

        var typeNode = node.Get("type");
        if (typeNode is null || typeNode.Kind != JsonKind.String)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(typeNode ?? node), label, typeNode is null ? $"parameter '{name}' has no 'type'" : $"parameter '{name}' has a 'type' that is {typeNode.Describe()}, expected a string");
            return null;
        }

        var problem = AbiTypeSyntax.TryParse(typeNode.Text!, out var baseType, out var arraySuffix, out var error);
        if (problem != AbiTypeProblem.None)
        {
            var descriptor = problem == AbiTypeProblem.Unsupported ? DiagnosticDescriptors.AbiUnsupportedType : DiagnosticDescriptors.AbiMalformedType;
            Report(descriptor, Locate(typeNode), label, $"parameter '{name}': {error}");
            return null;
        }

        if (baseType != "tuple")
        {
            return CheckEncodedSize(new AbiParameterModel(name, baseType + arraySuffix, internalType, EquatableArray<AbiParameterModel>.Empty), typeNode, label);
        }

        var componentsNode = node.Get("components");
        if (componentsNode is null)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(typeNode), label, $"tuple parameter '{name}' has no 'components'");
            return null;
        }

        var components = ReadParameters(node, "components", label);
        if (components is null)
        {
            return null;
        }

        if (components.Value.IsEmpty)
        {
            Report(DiagnosticDescriptors.AbiInvalidEntry, Locate(componentsNode), label, $"tuple parameter '{name}' has no components (an empty tuple cannot be encoded)");
            return null;
        }

        var tupleType = AbiSignature.Build(string.Empty, components.Value) + arraySuffix;
        return CheckEncodedSize(new AbiParameterModel(name, tupleType, internalType, components.Value), typeNode, label);
    }

    /// <summary>
    /// Refuses a parameter whose static encoding (its head, or the head of any fixed array or tuple inside it) exceeds
    /// <see cref="AbiEncodedSize.Limit"/>: nested fixed arrays multiply (<c>uint256[1024][1024][1024]</c> is 32 GiB), and the
    /// emitter computes offsets and lengths in <see cref="int"/>, which must not overflow.
    /// </summary>
    private AbiParameterModel? CheckEncodedSize(AbiParameterModel parameter, JsonNode typeNode, string label)
    {
        if (!AbiEncodedSize.IsWithinLimit(parameter.TypeInfo, out var size))
        {
            Report(DiagnosticDescriptors.AbiUnsupportedType, Locate(typeNode), label,
                $"parameter '{parameter.Name}' of type '{parameter.Type}' has a static encoding of {(size > AbiEncodedSize.Limit ? "more than " + AbiEncodedSize.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) : size.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes; a binding supports at most {AbiEncodedSize.Limit} bytes");
            return null;
        }

        return parameter;
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

    private LocationInfo Locate(JsonNode node) => Locate(node.Start, node.End);

    private LocationInfo Locate(int start, int end)
    {
        var startLine = LineOf(start);
        var endLine = LineOf(end);
        var span = new LinePositionSpan(
            new LinePosition(startLine, start - _lineStarts[startLine]),
            new LinePosition(endLine, end - _lineStarts[endLine]));
        return new LocationInfo(_path, TextSpan.FromBounds(start, end), span);
    }

    private int LineOf(int position)
    {
        var index = _lineStarts.BinarySearch(position);
        return index >= 0 ? index : ~index - 1;
    }

    private static List<int> ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue; // "\r\n" is one break, counted at the '\n'
            }

            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static bool IsIdentifier(string text)
    {
        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            return false;
        }

        return text.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '$');
    }

    private static string Show(JsonNode node) => node.Kind == JsonKind.String ? $"'{node.Text}'" : node.Describe();
}
