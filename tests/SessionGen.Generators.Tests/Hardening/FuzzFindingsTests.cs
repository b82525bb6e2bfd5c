using System.Linq;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.Tests.Binding;
using Xunit;

namespace SessionGen.Generators.Tests.Hardening;

/// <summary>Each case here is a document the fuzz tests found crashing or miscompiling, kept as a plain regression test.</summary>
public sealed class FuzzFindingsTests
{
    private static string Function(string inputs) =>
        $$"""[{"type":"function","name":"f","stateMutability":"nonpayable","inputs":[{{inputs}}],"outputs":[]}]""";

    [Theory]
    // Nested fixed arrays multiply: 32 GiB of head; the emitter's int sum of head sizes threw OverflowException (CS8785).
    [InlineData("""{"name":"a","type":"uint256[1024][1024][1024]"}""")]
    [InlineData("""{"name":"a","type":"uint256[32][32][32][32][32]"}""")]
    [InlineData("""{"name":"a","type":"uint256[1024][1024][1024][1024][1024][1024][1024]"}""")]
    // Inside a dynamic tuple or a dynamic array the parent's head is one word, but the inner head is still laid out.
    [InlineData("""{"name":"a","type":"tuple","components":[{"name":"s","type":"string"},{"name":"x","type":"uint256[1024][1024][1024]"}]}""")]
    [InlineData("""{"name":"a","type":"uint256[1024][1024][1024][]"}""")]
    // Each parameter fits, together they do not.
    [InlineData("""{"name":"a","type":"uint256[1024][32]"},{"name":"b","type":"uint256"}""")]
    public void A_static_encoding_beyond_1_MiB_is_reported_not_a_crash(string inputs)
    {
        var run = BindingHarness.Run("Huge", "Huge.json", Function(inputs)).AssertNoGeneratorCrash().AssertCompiles();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SESSGEN005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("1048576 bytes", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(" F(", run.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void A_static_encoding_of_exactly_1_MiB_is_bound()
    {
        var run = BindingHarness.Run("Big", "Big.json", Function("""{"name":"a","type":"uint256[1024][32]"}""")).AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles();

        Assert.Contains("return 1048580;", run.GeneratedSources.Single().SourceText.ToString());
    }

    [Theory]
    // A selector constant or no-argument calldata method named like an object member hid it (CS0108: an error under warnings-as-errors).
    [InlineData("""[{"type":"function","name":"toString","inputs":[],"outputs":[],"stateMutability":"view"}]""", "function 'toString()'")]
    [InlineData("""[{"type":"error","name":"GetType","inputs":[]}]""", "error 'GetType()'")]
    // A struct named ToString broke itself (CS0542). (A struct member named like a record's own members, which broke the
    // record struct (CS8866), now gets a free name: NamingTests.)
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"p","type":"tuple","internalType":"struct C.ToString","components":[{"name":"x","type":"bool"}]}],"outputs":[],"stateMutability":"view"}]""", "function 'f((bool))'")]
    public void Names_every_CSharp_type_already_has_are_reported_as_collisions(string json, string what)
    {
        var run = BindingHarness.Run("Named", "Named.json", json).AssertNoGeneratorCrash().AssertCompiles(allowWarnings: false);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SESSGEN007", diagnostic.Id);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(what, message);
    }

    [Theory]
    // A parameter named nameof turned every nameof(x) in the method into a call of it (CS0149).
    [InlineData("nameof")]
    // A parameter named like a nested class the method bodies use hid it (CS1061 on Calldata.F(…) / Selectors.F).
    [InlineData("Calldata")]
    [InlineData("Selectors")]
    [InlineData("AbiCodec")]
    [InlineData("__length")]
    public void Parameters_named_like_generated_code_get_a_leading_underscore(string name)
    {
        var json = $$"""[{"type":"function","name":"f","inputs":[{"name":"{{name}}","type":"uint256[]"},{"name":"t","type":"tuple","components":[{"name":"s","type":"string"}]}],"outputs":[],"stateMutability":"payable"}]""";

        var run = BindingHarness.Run("Shadowed", "Shadowed.json", json).AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);

        Assert.Contains($" _{name},", run.GeneratedSources.Single().SourceText.ToString());
    }
}
