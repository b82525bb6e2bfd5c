using SessionGen.Generators.ContractBinding;
using SessionGen.Generators.Tests.Infrastructure;
using Xunit;

namespace SessionGen.Generators.Tests.Binding;

public class StructNamingTests
{
    [Fact]
    public void Tuples_without_a_Solidity_struct_name_are_named_after_where_they_are_used()
    {
        const string Abi = """
            [{"type":"function","name":"place","inputs":[{"name":"order","type":"tuple[]","components":[
               {"name":"maker","type":"address"},{"name":"","type":"tuple","components":[{"name":"amount","type":"uint128"}]}]}]},
             {"type":"function","name":"fill","inputs":[{"name":"o","type":"tuple","internalType":"struct Book.Order","components":[{"name":"id","type":"uint256"}]},
               {"name":"again","type":"tuple","internalType":"struct Book.Order","components":[{"name":"id","type":"uint256"}]}]}]
            """;
        var run = GeneratorHarness.Run(
            new ContractBindingGenerator(),
            [
                """
                [SessionGen.ContractAbi("abis/Book.json")] public partial class Book { }
                public static class Use
                {
                    public static SessionGen.Call Place(SessionGen.Address c) =>
                        Book.Place(c, new[] { new Book.PlaceOrder(c, new Book.PlaceOrderItem2(5)) });
                    public static SessionGen.Call Fill(SessionGen.Address c) => Book.Fill(c, new Book.Order(1), new Book.Order(2));
                }
                """,
            ],
            [("/project/abis/Book.json", Abi)]);

        run.AssertNoGeneratorCrash().AssertNoGeneratorDiagnostics().AssertCompiles(allowWarnings: false);
    }
}
