using System.Linq;
using SessionGen.Generators.Abi;
using SessionGen.Generators.Diagnostics;
using Xunit;

namespace SessionGen.Generators.Tests.Abi;

public class AbiReaderTests
{
    private const string Transfer = """{"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address","internalType":"address"},{"name":"amount","type":"uint"}],"outputs":[{"name":"","type":"bool"}]}""";

    [Fact]
    public void Reads_a_plain_array()
    {
        var result = AbiReader.Read("abi.json", $"[{Transfer}]");

        Assert.True(result.IsClean);
        var function = Assert.Single(result.Abi!.Functions);
        Assert.Equal("transfer(address,uint256)", function.CanonicalSignature);
        Assert.Equal(0xa9059cbbu, function.Selector);
        Assert.Equal(["to", "amount"], function.Inputs.Select(p => p.Name));
        Assert.Equal(["address", "uint256"], function.Inputs.Select(p => p.Type));
        Assert.Equal("nonpayable", function.StateMutability);
    }

    [Theory]
    [InlineData("""{"_format":"hh-sol-artifact-1","contractName":"T","abi":[ABI],"bytecode":"0x"}""")] // Hardhat
    [InlineData("""{"abi":[ABI],"bytecode":{"object":"0x"},"methodIdentifiers":{}}""")] // Foundry
    [InlineData("""{"contractName":"T","abi":[ABI],"networks":{}}""")] // Truffle
    public void Reads_artifacts(string artifact)
    {
        var result = AbiReader.Read("artifact.json", artifact.Replace("ABI", Transfer));

        Assert.True(result.IsClean);
        Assert.Equal(0xa9059cbbu, Assert.Single(result.Abi!.Functions).Selector);
    }

    [Fact]
    public void Canonicalizes_tuples_and_arrays()
    {
        const string json = """
            [{"type":"function","name":"multi","stateMutability":"payable","inputs":[
              {"name":"orders","type":"tuple[2][]","internalType":"struct Book.Order[2][]","components":[
                {"name":"maker","type":"address"},
                {"name":"legs","type":"tuple[]","components":[{"name":"amount","type":"int"},{"name":"data","type":"bytes"}]}]},
              {"name":"tags","type":"bytes4[3]"}],"outputs":[]}]
            """;

        var function = Assert.Single(AbiReader.Read("abi.json", json).Abi!.Functions);

        Assert.Equal("multi((address,(int256,bytes)[])[2][],bytes4[3])", function.CanonicalSignature);
        Assert.True(function.IsPayable);
        var orders = function.Inputs[0].TypeInfo;
        Assert.Equal(AbiTypeKind.Array, orders.Kind);
        Assert.Equal(AbiTypeKind.FixedArray, orders.Element!.Kind);
        Assert.Equal(2, orders.Element.Size);
        Assert.Equal(AbiTypeKind.Tuple, orders.Element.Element!.Kind);
        Assert.Equal("struct Book.Order", orders.Element.Element.InternalType);
        Assert.True(orders.Element.Element.IsDynamic);
        var tags = function.Inputs[1].TypeInfo;
        Assert.False(tags.IsDynamic);
        Assert.Equal(96, tags.StaticSize);
    }

    [Fact]
    public void Reads_errors_and_skips_events_constructors_fallback_receive()
    {
        const string json = """
            [{"type":"constructor","inputs":[]},{"type":"fallback"},{"type":"receive","stateMutability":"payable"},
             {"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true}],"anonymous":false},
             {"type":"error","name":"InsufficientBalance","inputs":[{"name":"available","type":"uint256"},{"name":"required","type":"uint256"}]}]
            """;

        var result = AbiReader.Read("abi.json", json);

        Assert.True(result.IsClean);
        Assert.Empty(result.Abi!.Functions);
        var error = Assert.Single(result.Abi.Errors);
        Assert.Equal("InsufficientBalance(uint256,uint256)", error.CanonicalSignature);
        Assert.Equal(0xcf479181u, error.Selector);
    }

    [Fact]
    public void Legacy_flags_give_the_state_mutability()
    {
        const string json = """[{"name":"a","constant":true,"inputs":[],"outputs":[]},{"name":"b","payable":true,"inputs":[]},{"name":"c","inputs":[]}]""";

        Assert.Equal(["view", "payable", "nonpayable"], AbiReader.Read("abi.json", json).Abi!.Functions.Select(f => f.StateMutability));
    }

    [Fact]
    public void Malformed_json_is_located_by_line_and_column()
    {
        var result = AbiReader.Read("/p/bad.json", "[\n  {\"name\": \"a\",\n   \"inputs\": [,]}\n]");

        Assert.Null(result.Abi);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal(DiagnosticIds.AbiMalformedJson, diagnostic.Id);
        Assert.Contains("(line 3, column 15)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/p/bad.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(2, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(14, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public void A_bad_entry_is_skipped_and_the_rest_kept()
    {
        var result = AbiReader.Read("abi.json", $$"""[{"type":"function","name":"f","inputs":[{"name":"x","type":"uint7"}]},{{Transfer}}]""");

        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal(DiagnosticIds.AbiMalformedType, diagnostic.Id);
        Assert.Equal(7, result.Diagnostics[0].Location!.TextSpan.Length); // the "uint7" string token, quotes included
        Assert.Equal("transfer", Assert.Single(result.Abi!.Functions).Name);
    }

    [Theory]
    [InlineData("transfer", 1)]
    [InlineData("transfer(address,uint256)", 1)]
    [InlineData("transfer( address to , uint amount )", 1)]
    [InlineData("transfer(address)", 0)]
    [InlineData("approve", 0)]
    public void Finds_functions_by_name_or_signature(string query, int count) =>
        Assert.Equal(count, AbiReader.Read("abi.json", $"[{Transfer}]").Abi!.FindFunctions(query).Length);
}
