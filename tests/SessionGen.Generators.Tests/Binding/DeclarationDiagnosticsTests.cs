using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Diagnostics;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

public class DeclarationDiagnosticsTests
{
    private static readonly string Erc20 = BindingHarness.ReadAbi("ERC20.json");

    private static GeneratorRun Run(string source, params (string Path, string Text)[] files) =>
        GeneratorHarness.Run(new ContractBindingGenerator(), [source], files).AssertNoGeneratorCrash();

    [Fact]
    public void A_missing_file_is_reported_on_the_attribute_with_the_files_seen()
    {
        var run = Run("""[SessionGen.ContractAbi("abis/ERC-20.json")] public partial class Token { }""", ("/project/abis/ERC20.json", Erc20), ("/project/appsettings.json", "{}"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticIds.AbiFileNotFound, diagnostic.Id);
        Assert.Equal("\"abis/ERC-20.json\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("/project/abis/ERC20.json", message);
        Assert.Contains("/project/appsettings.json", message);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void No_additional_files_at_all_is_said_plainly()
    {
        var run = Run("""[SessionGen.ContractAbi("abis/ERC20.json")] public partial class Token { }""");

        Assert.Contains("no .json AdditionalFiles", Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("abis/ERC20.json")]
    [InlineData("abis\\\\ERC20.json")]
    [InlineData("./abis/ERC20.json")]
    [InlineData("sub/../abis/ERC20.json")]
    public void The_path_is_matched_relative_to_the_project_with_either_separator(string path)
    {
        var run = Run($$"""[SessionGen.ContractAbi("{{path}}")] public partial class Token { }""", ("/project/abis/ERC20.json", Erc20), ("/elsewhere/abis/ERC20.json", "not json"));

        run.AssertNoGeneratorDiagnostics().AssertCompiles();
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void Without_a_project_directory_the_path_suffix_is_matched()
    {
        var run = GeneratorHarness.Run(
            new ContractBindingGenerator(),
            ["""[SessionGen.ContractAbi("abis/ERC20.json")] public partial class Token { }"""],
            [("C:\\src\\app\\abis\\ERC20.json", Erc20)],
            new Dictionary<string, string>());

        run.AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles();
    }

    [Fact]
    public void A_class_that_is_not_partial_is_reported_on_its_name()
    {
        var run = Run("""[SessionGen.ContractAbi("abis/ERC20.json")] public class Token { }""", ("/project/abis/ERC20.json", Erc20));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticIds.ClassNotPartial, diagnostic.Id);
        Assert.Equal("Token", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void A_containing_type_that_is_not_partial_is_reported_too()
    {
        var run = Run("""public class Outer { [SessionGen.ContractAbi("abis/ERC20.json")] public partial class Token { } }""", ("/project/abis/ERC20.json", Erc20));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticIds.ClassNotPartial, diagnostic.Id);
        Assert.Equal("Outer", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void Nested_and_generic_partial_classes_are_bound()
    {
        var run = Run(
            """
            namespace App.Contracts;
            public static partial class Chain { public partial record Holder<T> { [SessionGen.ContractAbi("abis/ERC20.json")] internal partial class Token { } } }
            public static class Use { public static SessionGen.Call Send(SessionGen.Address t, SessionGen.Address to) => Chain.Holder<int>.Token.Transfer(t, to, 5); }
            """,
            ("/project/abis/ERC20.json", Erc20));

        run.AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
        Assert.Equal("App.Contracts.Chain.Holder`1.Token.ContractAbi.g.cs".Replace('`', '_'), Assert.Single(run.GeneratedSources).HintName);
    }

    [Fact]
    public void A_partial_record_class_is_bound()
    {
        var run = Run(
            """
            [SessionGen.ContractAbi("abis/ERC20.json")] public partial record Token(string Label);
            public static class Use { public static SessionGen.Call Send(SessionGen.Address t) => Token.Approve(t, t, 1); }
            """,
            ("/project/abis/ERC20.json", Erc20));

        run.AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
    }

    [Fact]
    public void An_empty_path_is_reported()
    {
        var run = Run("""[SessionGen.ContractAbi("")] public partial class Token { }""", ("/project/abis/ERC20.json", Erc20));

        Assert.Equal(DiagnosticIds.InvalidAbiPath, Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void A_file_used_by_two_classes_reports_its_problems_once()
    {
        var run = Run(
            """
            [SessionGen.ContractAbi("abis/Bad.json")] public partial class A { }
            [SessionGen.ContractAbi("abis/Bad.json")] public partial class B { }
            """,
            ("/project/abis/Bad.json", "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint7\"}]}]"),
            ("/project/abis/Unused.json", "not json at all"));

        Assert.Equal(DiagnosticIds.AbiMalformedType, Assert.Single(run.GeneratorDiagnostics).Id);
        run.AssertCompiles();
    }

    [Theory]
    [InlineData("""[{"type":"function","name":"foo","inputs":[{"name":"a","type":"uint256"}]},{"type":"function","name":"Foo","inputs":[{"name":"b","type":"uint256"}]}]""", "Foo_uint256")]
    [InlineData("""[{"type":"function","name":"selectors","inputs":[]}]""", "Selectors")]
    [InlineData("""[{"type":"function","name":"token","inputs":[]}]""", "Token")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"name":"p","type":"tuple","internalType":"struct X.P","components":[{"name":"x","type":"uint8"}]}]},{"type":"function","name":"g","inputs":[{"name":"p","type":"tuple","internalType":"struct Y.P","components":[{"name":"y","type":"bool"}]}]}]""", "P")]
    [InlineData("""[{"type":"function","name":"calldata","inputs":[]}]""", "Calldata")]
    [InlineData("""[{"type":"function","name":"transfer","inputs":[]},{"type":"function","name":"getTransferLength","inputs":[]}]""", "GetTransferLength")]
    [InlineData("""[{"type":"error","name":"ErrorSelectors","inputs":[]}]""", "ErrorSelectors")]
    public void Name_collisions_are_reported_and_the_rest_still_compiles(string abi, string name)
    {
        var run = Run("""[SessionGen.ContractAbi("abis/X.json")] public partial class Token { }""", ("/project/abis/X.json", abi));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticIds.AbiNameCollision, diagnostic.Id);
        Assert.Contains($"'{name}'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        run.AssertCompiles(allowWarnings: false);
    }

    [Fact]
    public void Keywords_are_escaped_and_reserved_parameter_names_avoided()
    {
        const string Abi = """
            [{"type":"function","name":"event","stateMutability":"payable","inputs":[{"name":"operator","type":"address"},{"name":"value","type":"uint256"},{"name":"contract","type":"address"},{"name":"destination","type":"bytes"},{"name":"","type":"bool"}]}]
            """;
        var run = Run(
            """
            [SessionGen.ContractAbi("abis/K.json")] public partial class K { }
            public static class Use
            {
                public static SessionGen.Call Send(SessionGen.Address c) => K.Event(contractAddress: c, @operator: c, value: 1, contract: c, destination: new byte[] { 1 }, arg4: true, nativeValue: 2);
                public static int Write(System.Span<byte> b) => K.Calldata.Event(destinationBuffer: b, @operator: default, value: 1, contract: default, destination: default, arg4: false);
            }
            """,
            ("/project/abis/K.json", Abi));

        run.AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
    }
}
