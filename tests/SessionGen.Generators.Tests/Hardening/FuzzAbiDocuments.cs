using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;

namespace SessionGen.Generators.Tests.Hardening;

/// <summary>
/// Generators of hostile ABI documents: structurally plausible ABIs whose every field may have the wrong JSON type,
/// an odd value (unicode, C# keywords, names that collide with generated members, duplicate and overloaded names,
/// bad widths, huge fixed arrays, deep tuples, enormous numbers), and byte-level mutations of those (truncation,
/// deletion, insertion of JSON punctuation and lone surrogates, duplicated ranges), plus pathological nesting.
/// </summary>
internal static class FuzzAbiDocuments
{
    /// <summary>How many cases a fuzz test runs: its CI figure, or <c>SESSIONGEN_FUZZ_ITERATIONS</c> for a longer manual run.</summary>
    public static int Iterations(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("SESSIONGEN_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : ciDefault;

    /// <summary>The PCG seed the fuzz tests start from (fixed in CI; <c>SESSIONGEN_FUZZ_SEED</c> explores others).</summary>
    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("SESSIONGEN_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : 20261125UL;

    /// <summary>Draws <paramref name="count"/> values of <paramref name="gen"/> from a fixed seed (so CI is reproducible and a failure names its case index).</summary>
    public static System.Collections.Generic.IEnumerable<(int Index, T Value)> Draw<T>(Gen<T> gen, int count, uint stream = 7)
    {
        var pcg = new PCG(stream, Seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i, gen.Generate(pcg, null, out _));
        }
    }

    private static readonly string[] ElementaryTypes =
    [
        "address", "bool", "string", "bytes", "uint", "int", "uint8", "uint256", "int128", "int8", "uint64", "bytes1", "bytes4", "bytes32",
        // Wrong or unsupported, each must give a diagnostic.
        "function", "fixed128x18", "ufixed", "uint7", "uint264", "uint0", "uint08", "uint999999999999", "bytes0", "bytes33", "", "Address",
        "int 8", "uint256 ", " bool", "bytes\u0663", "uint２５６", "tuple()", "string[", "]", "[]", "\0", "address payable", "enum", "struct",
    ];

    private static readonly string[] ArraySuffixes =
    [
        "", "", "", "[]", "[2]", "[1]", "[][]", "[3][]", "[2][2]", "[1024]", "[1025]", "[0]", "[-1]", "[", "[]]", "[01]", "[ 2]", "[2 ]",
        "[99999999999999999999]", "[2147483648]", "[1024][1024]", "[1024][1024][1024][1024]", "[32][32][32][32][32]", "[]" + string.Concat(Enumerable.Repeat("[]", 40)),
    ];

    /// <summary>Entry and parameter names: a pool small enough that duplicates and overloads are common, and names C# cannot take as they are.</summary>
    private static readonly string[] Names =
    [
        "transfer", "transfer", "approve", "balanceOf", "x", "to", "amount", "value", "_", "__", "$", "$value", "_value", "a1",
        "class", "event", "params", "string", "object", "this", "base", "default", "return", "async", "await", "var", "nameof", "value__",
        "Selectors", "Calldata", "Call", "ToString", "Equals", "GetHashCode", "GetType", "Finalize", "MemberwiseClone", "Fuzz", "Fuzz0", "Item",
        "Transfer", "TRANSFER", "get_Transfer", "op_Implicit", "Length", "GetTransferLength", "Target", "Data", "Value", "Address", "System", "global",
        "1abc", "", " ", "naïve", "𝔘nicode", "\u0000", "a\u200Bb", "\ud800", "é", "ǅ", "a-b", "a.b", "a b", "\"", "\\", "x\ny",
        new string('a', 600), "_" + new string('9', 80),
    ];

    private static readonly string[] Mutabilities = ["pure", "view", "nonpayable", "payable", "payable", "constant", "", "PAYABLE", "nonpayable "];

    private static readonly string[] EntryTypes = ["function", "function", "function", "function", "error", "error", "event", "constructor", "fallback", "receive", "Function", "", "modifier"];

    private static readonly string[] OddScalars =
    [
        "null", "true", "false", "0", "-0", "1e999999", "-1e-999999", "123456789012345678901234567890123456789012345678901234567890", "1.5E+308",
        "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "[]", "{}", "[[[]]]", "{\"\":{}}", "\"\\\"\"",
    ];

    private static readonly string[] Punctuation = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\0", "\uFEFF", "\u2028", "1e99999", "-", "tru", "nul", "/*", "//", "\t", "\r\n", "ü", "😀"];

    /// <summary>A string literal of <paramref name="text"/>; sometimes escaped the long way, so escapes get exercised.</summary>
    private static Gen<string> Quoted(string text) => Gen.Int[0, 7].Select(escape =>
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (escape == 0 || c < ' ' || c == '"' || c == '\\' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    });

    private static readonly string[] ValidElementaryTypes = ElementaryTypes[..14];

    private static readonly string[] ValidArraySuffixes = ["", "", "", "", "[]", "[2]", "[1]", "[][]", "[3][]", "[2][2]", "[1024]", "[32][32][32][32][32]"];

    /// <summary>Names Solidity accepts (so a clean document binds), many of which C# or the generated members do not.</summary>
    private static readonly string[] ValidNames = [.. Names.Where(n => n.Length > 0 && !char.IsDigit(n[0]) && n.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '$'))];

    private static readonly Gen<string> OddScalar = Gen.OneOf<string>(OddScalars);

    /// <summary>A member value that is right, or when <paramref name="noisy"/> sometimes any other JSON value.</summary>
    private static Gen<string> Value(bool noisy, Gen<string> right) => noisy ? Gen.Frequency((12, right), (1, OddScalar)) : right;

    private static Gen<string> Name(bool noisy) => Gen.OneOf<string>(noisy ? Names : ValidNames).SelectMany(Quoted);

    /// <summary>A <c>"key":value</c> member; when <paramref name="noisy"/>, sometimes missing.</summary>
    private static Gen<string> Member(bool noisy, string key, Gen<string> value) =>
        noisy ? Gen.Frequency((10, value.Select(v => Quote(key) + ":" + v)), (1, Gen.Const(string.Empty))) : value.Select(v => Quote(key) + ":" + v);

    private static Gen<string> Object(params Gen<string>[] members) =>
        Gen.Select(members.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => all.SelectMany(list => next.Select(item => (string[])[.. list, item]))), Gen.Int[0, 9])
            .Select((parts, duplicate) =>
            {
                var present = parts.Where(p => p.Length > 0).ToList();
                if (duplicate == 0 && present.Count > 0)
                {
                    present.Add(present[0]); // duplicate keys: JSON allows them, the reader must decide without crashing
                }

                return "{" + string.Join(",", present) + "}";
            });

    private static Gen<string> List(Gen<string> item, int max) => item.Array[0, max].Select(items => "[" + string.Join(",", items) + "]");

    private static Gen<string> Parameter(bool noisy, int depth)
    {
        var suffixes = noisy ? ArraySuffixes : ValidArraySuffixes;
        var elementary = Object(
            Member(noisy, "name", Value(noisy, Name(noisy))),
            Member(noisy, "type", Value(noisy, Gen.Select(Gen.OneOf<string>(noisy ? ElementaryTypes : ValidElementaryTypes), Gen.OneOf<string>(suffixes)).SelectMany((t, s) => Quoted(t + s)))),
            Member(noisy, "internalType", Value(noisy, Name(noisy))));
        if (depth == 0)
        {
            return noisy ? Gen.Frequency((6, elementary), (1, OddScalar)) : elementary;
        }

        var tuple = Gen.Select(Parameter(noisy, depth - 1).Array[noisy ? 0 : 1, 3], Gen.OneOf<string>(suffixes))
            .SelectMany((components, suffix) => Object(
                Member(noisy, "name", Value(noisy, Name(noisy))),
                Member(noisy, "type", Value(noisy, Quoted("tuple" + suffix))),
                Member(noisy, "internalType", Value(noisy, Gen.OneOf<string>("S", "T", "Order", "Fuzz", "Selectors", "ToString").SelectMany(name => Quoted("struct C." + name + suffix)))),
                Member(noisy, "components", Value(noisy, Gen.Const("[" + string.Join(",", components) + "]")))));
        return Gen.Frequency((1, tuple), (6, elementary), (noisy ? 1 : 0, OddScalar));
    }

    private static Gen<string> Entry(bool noisy) =>
        Object(
            Member(noisy, "type", Value(noisy, Gen.OneOf<string>(noisy ? EntryTypes : EntryTypes[..10]).SelectMany(Quoted))),
            Member(noisy, "name", Value(noisy, Name(noisy))),
            Member(noisy, "inputs", Value(noisy, List(Parameter(noisy, 2), 4))),
            Member(noisy, "outputs", Value(noisy, List(Parameter(noisy, 1), 2))),
            Member(noisy, "stateMutability", Value(noisy, Gen.OneOf<string>(noisy ? Mutabilities : Mutabilities[..5]).SelectMany(Quoted))),
            Member(true, "payable", noisy ? OddScalar : Gen.OneOf<string>("true", "false")),
            Member(true, "anonymous", noisy ? OddScalar : Gen.Const("false")));

    private static Gen<string> Document(bool noisy) =>
        List(noisy ? Gen.Frequency((15, Entry(true)), (1, OddScalar)) : Entry(false), 6)
            .SelectMany(entries => Gen.Frequency(
                (6, Gen.Const(entries)),
                (2, Gen.Const("{\"_format\":\"hh-sol-artifact-1\",\"contractName\":\"Fuzz\",\"abi\":" + entries + ",\"bytecode\":\"0x\"}")),
                (noisy ? 1 : 0, Gen.Const("{\"abi\":" + entries + ",\"abi\":[]}")),
                (noisy ? 1 : 0, Gen.Const("{\"abi\":{\"abi\":" + entries + "}}")),
                (noisy ? 1 : 0, OddScalar)));

    /// <summary>A plausible ABI document (array or artifact) with only valid ABI types and Solidity names (which may still trouble C#).</summary>
    public static readonly Gen<string> Clean = Document(noisy: false);

    /// <summary>An ABI document whose every part may be missing, of the wrong JSON type, or odd.</summary>
    public static readonly Gen<string> Noisy = Document(noisy: true);

    /// <summary>Nesting far beyond the parser's cap, in the places a recursive reader recurses: values, components, plain arrays.</summary>
    public static readonly Gen<string> DeeplyNested = Gen.Frequency((20, Gen.Int[100, 1_000]), (1, Gen.Const(50_000))).SelectMany(depth => Gen.OneOf<string>(
        new string('[', depth) + new string(']', depth),
        new string('[', depth),
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
        "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[" + string.Concat(Enumerable.Repeat("{\"name\":\"t\",\"type\":\"tuple\",\"components\":[", Math.Min(depth, 200)))
            + "{\"name\":\"x\",\"type\":\"uint256\"}" + string.Concat(Enumerable.Repeat("]}", Math.Min(depth, 200))) + "]}]"));

    /// <summary><paramref name="source"/> mutated one to four times at random places.</summary>
    public static Gen<string> Mutated(Gen<string> source) =>
        Gen.Select(source, Gen.Int[1, 4], Gen.UInt.Array[12]).Select((text, count, random) =>
        {
            var r = 0;
            uint Next() => random[r++ % random.Length] * 2654435761u + (uint)r;
            for (var i = 0; i < count && text.Length > 0; i++)
            {
                var at = (int)(Next() % (uint)(text.Length + 1));
                switch (Next() % 5)
                {
                    case 0: text = text[..at]; break; // truncated
                    case 1: text = text.Remove(at, (int)Math.Min(Next() % 8, (uint)(text.Length - at))); break;
                    case 2: text = text.Insert(at, Punctuation[Next() % (uint)Punctuation.Length]); break;
                    case 3:
                        var length = (int)Math.Min(Next() % 40, (uint)(text.Length - at));
                        text = text.Insert(at, text.Substring(at, length)); // a duplicated range
                        break;
                    default:
                        if (at < text.Length)
                        {
                            text = text.Remove(at, 1).Insert(at, ((char)(Next() % 0x3000)).ToString());
                        }

                        break;
                }
            }

            return text;
        });

    /// <summary>Every kind of document: mostly structured, a share mutated, some pathological nesting and raw noise.</summary>
    public static readonly Gen<string> Any = Gen.Frequency(
        (8, Clean),
        (6, Noisy),
        (4, Mutated(Gen.OneOf(Clean, Noisy))),
        (1, DeeplyNested),
        (1, Gen.String));

    private static string Quote(string key) => "\"" + key + "\"";
}
