using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

/// <summary>Names a compiler can produce but C# could not carry as they are still bind: the binding picks free names.</summary>
public class NamingTests
{
    [Theory]
    // An unnamed parameter's positional name beside a parameter of that name (issue 16: this was refused with SESSGEN007).
    [InlineData("""{"type":"function","name":"f","inputs":[{"name":"arg1","type":"uint8"},{"name":"","type":"uint8"}],"outputs":[],"stateMutability":"view"}""", "byte arg1, byte arg1_")]
    // Two parameters of one name (ABI JSON allows it) and names that only $ tells apart.
    [InlineData("""{"type":"function","name":"f","inputs":[{"name":"a","type":"uint8"},{"name":"a","type":"uint8"}],"outputs":[],"stateMutability":"view"}""", "byte a, byte a_")]
    [InlineData("""{"type":"function","name":"f","inputs":[{"name":"a$","type":"uint8"},{"name":"a_","type":"uint8"}],"outputs":[],"stateMutability":"view"}""", "byte a_, byte a__")]
    // Struct members: Solidity's a and A are both A in PascalCase; equals would clash with the record struct's Equals (CS8866).
    [InlineData("""{"type":"function","name":"f","inputs":[{"name":"p","type":"tuple","internalType":"struct C.P","components":[{"name":"a","type":"bool"},{"name":"A","type":"bool"}]}],"outputs":[],"stateMutability":"view"}""", "record struct P(bool A, bool A_)")]
    [InlineData("""{"type":"function","name":"f","inputs":[{"name":"p","type":"tuple","internalType":"struct C.P","components":[{"name":"equals","type":"bool"}]}],"outputs":[],"stateMutability":"view"}""", "record struct P(bool Equals_)")]
    // Outputs: an unnamed one beside one named item1, and one named like the result record's static members.
    [InlineData("""{"type":"function","name":"f","inputs":[],"outputs":[{"name":"item1","type":"uint8"},{"name":"","type":"uint8"},{"name":"decode","type":"bool"}],"stateMutability":"view"}""", "record FResult(byte Item1, byte Item2, bool Decode_)")]
    [InlineData("""{"type":"function","name":"f","inputs":[],"outputs":[{"name":"","type":"uint8"},{"name":"item1","type":"uint8"}],"stateMutability":"view"}""", "record FResult(byte Item1, byte Item1_)")]
    // Error and event members named like their records' static members, and an input named await (the read helpers are async).
    [InlineData("""{"type":"error","name":"E","inputs":[{"name":"signature","type":"string"},{"name":"decode","type":"uint8"}]}""", "record EError(string Signature_, byte Decode_)")]
    [InlineData("""{"type":"event","name":"Ev","anonymous":false,"inputs":[{"name":"topic","type":"uint8","indexed":true},{"name":"findIn","type":"string","indexed":true}]}""", "record EvEvent(byte Topic_, global::SessionGen.Bytes32 FindIn_)")]
    [InlineData("""{"type":"function","name":"f","inputs":[{"name":"await","type":"uint8"}],"outputs":[{"name":"","type":"bool"}],"stateMutability":"view"}""", "byte @await, global::System.Threading.CancellationToken cancellationToken")]
    public void Names_that_would_collide_get_free_names_and_the_binding_compiles(string entry, string expected)
    {
        var run = BindingHarness.Run("Named", "Named.json", "[" + entry + "]").AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);

        Assert.Contains(expected, run.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Names_of_480_characters_bind_and_compile_even_where_the_binding_derives_longer_names()
    {
        var name = "f" + new string('x', 479);
        var many = string.Join(",", Enumerable.Range(0, 40).Select(i => $$"""{"name":"p{{i}}","type":"uint256[2][]"}"""));
        var json = $$"""
            [{"type":"function","name":"{{name}}","inputs":[{{many}}],"outputs":[{"name":"{{name}}","type":"uint8"},{"name":"b","type":"bytes"}],"stateMutability":"view"},
             {"type":"function","name":"{{name}}","inputs":[{"name":"{{name}}","type":"tuple[]","components":[{"name":"{{name}}","type":"tuple","components":[{"name":"{{name}}","type":"string"}]}]}],"outputs":[],"stateMutability":"view"},
             {"type":"error","name":"{{name}}","inputs":[{"name":"{{name}}","type":"uint8"}]},
             {"type":"event","name":"{{name}}","anonymous":false,"inputs":[{"name":"{{name}}","type":"uint8","indexed":true}]}]
            """;

        var run = BindingHarness.Run("Long", "Long.json", json).AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);

        Assert.Contains("_0x", run.GeneratedSources.Single().SourceText.ToString()); // the 40-parameter overload's suffix is its selector
    }

    [Theory]
    [InlineData("function")]
    [InlineData("parameter")]
    public void Longer_names_are_refused_on_the_name_in_the_ABI_with_SESSGEN009(string where)
    {
        var name = "f" + new string('x', 480);
        var entry = where == "function"
            ? $$"""{"type":"function","name":"{{name}}","inputs":[],"outputs":[],"stateMutability":"view"}"""
            : $$"""{"type":"function","name":"g","inputs":[{"name":"{{name}}","type":"uint8"}],"outputs":[],"stateMutability":"view"}""";
        var json = "[" + entry + """,{"type":"function","name":"ok","inputs":[],"outputs":[],"stateMutability":"view"}]""";

        var run = BindingHarness.Run("Long", "Long.json", json).AssertNoGeneratorCrash().AssertCompiles(allowWarnings: false);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SESSGEN009", diagnostic.Id);
        Assert.EndsWith("abis/Long.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal('"' + name + '"', json.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains(" Ok(", run.GeneratedSources.Single().SourceText.ToString());
    }
    [Fact]
    public void Classes_bound_to_one_file_in_one_run_get_what_each_gets_alone()
    {
        // A run binds a file once and shares it between its classes, unless a class's own name is one of the binding's
        // names (then the binding yields, or reports): each class must get what it gets when it is the only one.
        const string Abi = """
            [{"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"}],"outputs":[{"name":"ok","type":"bool"},{"name":"left","type":"uint256"}],"stateMutability":"view"},
             {"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true},{"name":"note","type":"string","indexed":false}]}]
            """;
        var classes = new (string Source, string HintName)[]
        {
            ("namespace A { [SessionGen.ContractAbi(\"abis/T.json\")] public partial class Plain { } }", "A.Plain.ContractAbi.g.cs"),
            ("namespace B { public partial class Outer { [SessionGen.ContractAbi(\"abis/T.json\")] public partial class Inner { } } }", "B.Outer.Inner.ContractAbi.g.cs"),
            ("namespace C { [SessionGen.ContractAbi(\"abis/T.json\")] public partial class TransferEvent { } }", "C.TransferEvent.ContractAbi.g.cs"),
            ("namespace D { [SessionGen.ContractAbi(\"abis/T.json\")] public partial class TransferResult_ { } }", "D.TransferResult_.ContractAbi.g.cs"),
            ("namespace E { [SessionGen.ContractAbi(\"abis/T.json\")] public partial class Transfer { } }", "E.Transfer.ContractAbi.g.cs"),
        };
        var file = ("/project/abis/T.json", Abi);

        var together = GeneratorHarness.Run(new ContractBindingGenerator(), classes.Select(c => c.Source), [file]).AssertNoGeneratorCrash();

        var aloneMessages = new List<string>();
        foreach (var (source, hintName) in classes)
        {
            var alone = GeneratorHarness.Run(new ContractBindingGenerator(), [source], [file]).AssertNoGeneratorCrash();
            Assert.Equal(alone.Source(hintName), together.Source(hintName));
            aloneMessages.AddRange(alone.GeneratorDiagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        }

        Assert.Equal(aloneMessages.Order(), together.GeneratorDiagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).Order());

        Assert.Contains("record TransferEvent_(", together.Source("C.TransferEvent.ContractAbi.g.cs"));
        Assert.Contains("record TransferEvent(", together.Source("A.Plain.ContractAbi.g.cs"));
        Assert.Contains("record TransferResult(", together.Source("D.TransferResult_.ContractAbi.g.cs"));
        Assert.Equal(DiagnosticIds.AbiNameCollision, Assert.Single(together.GeneratorDiagnostics).Id); // class Transfer's method
        together.AssertCompiles(allowWarnings: false);
    }
}
