using System;
using System.Linq;
using CsCheck;
using SessionGen.Generators.Abi;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.ContractBinding.Model;
using SessionGen.Generators.Helpers;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>
/// Randomly damaged ABI files never make the generator throw (AD0001/CS8785 would be a bug), and whatever it
/// still generates from them compiles.
/// </summary>
public class RobustnessTests
{
    private static readonly string[] Corpus = [.. CompiledCorpus.Abis().Select(a => a.Json)];

    private const string Alphabet = "{}[]\":,. \n\\0123456789abcdefxyz_$()uintbytesaddresstuple";

    /// <summary>A corpus file with a few characters deleted, inserted or replaced.</summary>
    private static readonly Gen<string> Damaged =
        Gen.Int[0, Corpus.Length - 1].SelectMany(file =>
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Char[Alphabet]).List[1, 4].Select(edits =>
            {
                var text = Corpus[file];
                foreach (var (kind, position, c) in edits)
                {
                    var at = position % Math.Max(1, text.Length);
                    text = kind switch
                    {
                        0 => text.Remove(at, Math.Min(1, text.Length - at)),
                        1 => text.Insert(at, c.ToString()),
                        _ => text.Remove(at, Math.Min(1, text.Length - at)).Insert(at, c.ToString()),
                    };
                }

                return text;
            }));

    private static readonly string[] Names =
        ["", "class", "event", "Selectors", "ErrorSelectors", "Calldata", "AbiCodec", "value", "contract", "destination", "$x", "_", "a", "A",
         "Item1", "X", "__buffer", "__length", "__writer", "__destination", "i", "name", "size", "child", "writer", "Equals", "ToString", "GetHashCode"];

    private static readonly string[] Types =
        ["uint8", "uint24", "int", "uint", "bytes", "bytes1", "bytes32", "string", "bool", "address", "address[2]", "string[][3]", "bytes4[]", "int40[1]"];

    /// <summary>A valid corpus file with some names and elementary types replaced: well-formed JSON that stresses naming.</summary>
    private static readonly Gen<string> Renamed =
        Gen.Int[0, Corpus.Length - 1].SelectMany(file =>
            Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, Names.Length - 1], Gen.Int[0, Types.Length - 1], Gen.Bool).List[1, 6].Select(edits =>
            {
                var text = Corpus[file];
                foreach (var (position, name, type, renameName) in edits)
                {
                    var pattern = renameName ? "\"name\": \"[^\"]*\"" : "\"type\": \"(uint|int|address|bool|bytes|string)[^\"]*\"";
                    var matches = System.Text.RegularExpressions.Regex.Matches(text, pattern);
                    if (matches.Count == 0)
                    {
                        continue;
                    }

                    var match = matches[position % matches.Count];
                    var replacement = renameName ? $"\"name\": \"{Names[name]}\"" : $"\"type\": \"{Types[type]}\"";
                    text = text.Remove(match.Index, match.Length).Insert(match.Index, replacement);
                }

                return text;
            }));

    [Fact]
    public void Whatever_is_generated_from_renamed_ABIs_compiles() =>
        Renamed.Sample(text =>
            BindingHarness.Run("X", "X.json", text).AssertNoGeneratorCrash().AssertCompiles(allowWarnings: false),
            iter: 60, threads: 1);

    [Fact]
    public void Reading_binding_and_emitting_damaged_ABIs_never_throws() =>
        Damaged.Sample(text =>
        {
            var result = AbiReader.Read("/project/abis/X.json", text);
            if (result.Abi is not null)
            {
                var type = new TypeHierarchy("Contracts", new[] { new TypeDeclarationInfo("class", "X") }.ToEquatableArray(), "X.g.cs");
                var binding = ContractBinder.Bind(type, "abis/X.json", result.Abi, null);
                ContractBindingEmitter.Emit(binding.Model!);
            }
        }, iter: 3000);

    [Fact]
    public void Whatever_is_generated_from_damaged_ABIs_compiles() =>
        Damaged.Sample(text =>
            BindingHarness.Run("X", "X.json", text).AssertNoGeneratorCrash().AssertCompiles(),
            iter: 40, threads: 1);
}
