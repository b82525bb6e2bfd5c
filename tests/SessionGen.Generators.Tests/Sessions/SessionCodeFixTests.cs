using System.Threading.Tasks;
using SessionGen.CodeFixes;
using SessionGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static SessionGen.Generators.Tests.Sessions.SessionVerifier;

namespace SessionGen.Generators.Tests.Sessions;

public sealed class SessionCodeFixTests
{
    [Fact]
    public Task SESSGEN202_fix_adds_a_seven_day_expiry() => VerifyCodeFixAsync<SessionAnalyzer, AddSessionExpiryCodeFix>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        public partial class {|SESSGEN202:UsdcTrading|} { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("approve", MaxUses = 1)]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender")]
        public partial class {|SESSGEN202:Approvals|}
        {
        }
        """, """
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 7)]
        public partial class UsdcTrading { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("approve", MaxUses = 1)]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender")]
        [SessionExpiry(Days = 7)]
        public partial class Approvals
        {
        }
        """);

    [Fact]
    public Task SESSGEN203_fix_adds_max_uses() => VerifyCodeFixAsync<SessionAnalyzer, AddActionLimitCodeFix>("""
        [ContractAbi("abis/Weth.json")]
        [{|SESSGEN203:SessionAction("withdraw")|}]
        [{|SESSGEN203:SessionValueTransfer|}]
        [SessionExpiry(Days = 1)]
        public partial class Claims { }
        """, """
        [ContractAbi("abis/Weth.json")]
        [SessionAction("withdraw", MaxUses = 1)]
        [SessionValueTransfer(MaxUses = 1)]
        [SessionExpiry(Days = 1)]
        public partial class Claims { }
        """);

    [Fact]
    public async Task SESSGEN203_fix_adds_a_spending_limit_to_erc20_transfers_only()
    {
        var test = CodeFixTest<SessionAnalyzer, AddActionLimitCodeFix>("""
            [ContractAbi("abis/ERC20.json")]
            [{|SESSGEN203:SessionAction("transfer")|}]
            [{|SESSGEN203:SessionAction("balanceOf")|}]
            [SessionExpiry(Days = 1)]
            public partial class Mixed { }
            """, """
            [ContractAbi("abis/ERC20.json")]
            [SessionAction("transfer", SpendingLimit = "1")]
            [{|SESSGEN203:SessionAction("balanceOf")|}]
            [SessionExpiry(Days = 1)]
            public partial class Mixed { }
            """);
        test.CodeActionEquivalenceKey = AddActionLimitCodeFix.AddSpendingLimitKey;
        test.CodeActionIndex = 1;
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public Task SESSGEN111_fix_replaces_the_name_with_the_suggestion() => VerifyCodeFixAsync<SessionAnalyzer, ReplaceFunctionNameCodeFix>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction({|#0:"transfr"|}, SpendingLimit = "1")]
        [SessionExpiry(Days = 1)]
        public partial class Typo { }
        """, """
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [SessionExpiry(Days = 1)]
        public partial class Typo { }
        """, null, new DiagnosticResult("SESSGEN111", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Typo", "transfr", "; did you mean 'transfer'?"));

    [Fact]
    public async Task SESSGEN111_no_fix_without_a_single_suggestion()
    {
        const string source = """
            [ContractAbi("abis/ERC20.json")]
            [SessionAction({|#0:"mint"|}, MaxUses = 1)]
            [SessionExpiry(Days = 1)]
            public partial class Unknown { }
            """;
        var test = CodeFixTest<SessionAnalyzer, ReplaceFunctionNameCodeFix>(source, source);
        var expected = new DiagnosticResult("SESSGEN111", DiagnosticSeverity.Error).WithLocation(0).WithArguments("Unknown", "mint", "; its functions are transfer, approve, transferFrom, balanceOf");
        test.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync();
    }

    [Fact]
    public Task SESSGEN117_fix_makes_the_session_class_partial() => VerifyCodeFixAsync<SessionAnalyzer, MakePartialCodeFix>("""
        [ContractAbi("abis/ERC20.json")]
        public partial class Usdc { }

        [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "1")]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender", Contract = typeof(Usdc))]
        [SessionExpiry(Days = 1)]
        public class {|SESSGEN117:Payments|} { }
        """, """
        [ContractAbi("abis/ERC20.json")]
        public partial class Usdc { }

        [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "1")]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender", Contract = typeof(Usdc))]
        [SessionExpiry(Days = 1)]
        public partial class Payments { }
        """);

    [Fact]
    public Task SESSGEN204_fix_turns_the_spending_limit_into_a_cumulative_rule() => VerifyCodeFixAsync<SessionAnalyzer, SpendingLimitToParamRuleCodeFix>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", MaxUses = 5, SpendingLimit = {|#0:"100e6"|})]
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class Vault { }
        """, """
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", MaxUses = 5)]
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "100e6", CumulativeLimit = "100e6")]
        public partial class Vault { }
        """, null, new DiagnosticResult("SESSGEN204", DiagnosticSeverity.Error).WithLocation(0).WithArguments("deposit(uint256,address)",
            "limit a parameter instead: [ParamRule(\"deposit\", \"assets\", ParamCondition.LessThanOrEqual, \"100000000\", CumulativeLimit = \"100000000\")]"));

    [Fact]
    public Task SESSGEN204_fix_turns_the_spending_limit_of_weth_deposit_into_a_value_limit() => VerifyCodeFixAsync<SessionAnalyzer, SpendingLimitToParamRuleCodeFix>("""
        [ContractAbi("abis/Weth.json")]
        [SessionAction("deposit", SpendingLimit = {|#0:"1e18"|})]
        [SessionExpiry(Days = 1)]
        public partial class Wrapper { }
        """, """
        [ContractAbi("abis/Weth.json")]
        [SessionAction("deposit", ValueLimit = "1e18")]
        [SessionExpiry(Days = 1)]
        public partial class Wrapper { }
        """, null, new DiagnosticResult("SESSGEN204", DiagnosticSeverity.Error).WithLocation(0).WithArguments("deposit()",
            "it takes its amount as native value: write ValueLimit = \"1000000000000000000\" (wei) instead"));

    [Fact]
    public Task SESSGEN208_fix_removes_a_zero_value_limit() => VerifyCodeFixAsync<SessionAnalyzer, RemoveZeroLimitCodeFix>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "5", ValueLimit = {|SESSGEN208:"0"|})]
        [SessionExpiry(Days = 1)]
        public partial class NoEth { }
        """, """
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "5")]
        [SessionExpiry(Days = 1)]
        public partial class NoEth { }
        """);

    [Fact]
    public Task SESSGEN211_fix_binds_the_spender_at_creation() => VerifyCodeFixAsync<SessionAnalyzer, PinParameterCodeFix>("""
        [ContractAbi("abis/ERC20.json")]
        public partial class Usdc { }

        [{|SESSGEN211:SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "100e6")|}]
        [SessionExpiry(Days = 1)]
        public partial class Approvals { }
        """, """
        [ContractAbi("abis/ERC20.json")]
        public partial class Usdc { }

        [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "100e6")]
        [SessionExpiry(Days = 1)]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender", Contract = typeof(Usdc))]
        public partial class Approvals { }
        """);

    [Fact]
    public Task SESSGEN212_fix_binds_the_recipient_to_the_account() => VerifyCodeFixAsync<SessionAnalyzer, PinParameterCodeFix>("""
        [ContractAbi("abis/Router.json")]
        [{|SESSGEN212:SessionAction("exactInputSingle")|}]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
        [SessionExpiry(Days = 1)]
        public partial class Swaps { }
        """, """
        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle")]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
        [SessionExpiry(Days = 1)]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account")]
        public partial class Swaps { }
        """);
}
