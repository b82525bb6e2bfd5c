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
        [SessionExpiry(Days = 7)]
        public partial class Approvals
        {
        }
        """);

    [Fact]
    public Task SESSGEN203_fix_adds_max_uses() => VerifyCodeFixAsync<SessionAnalyzer, AddActionLimitCodeFix>("""
        [ContractAbi("abis/Vault.json")]
        [{|SESSGEN203:SessionAction("deposit")|}]
        [{|SESSGEN203:SessionValueTransfer|}]
        [SessionExpiry(Days = 1)]
        public partial class Claims { }
        """, """
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", MaxUses = 1)]
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
            [SessionAction("transfer", SpendingLimit = "0")]
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
        [SessionExpiry(Days = 1)]
        public class {|SESSGEN117:Payments|} { }
        """, """
        [ContractAbi("abis/ERC20.json")]
        public partial class Usdc { }

        [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "1")]
        [SessionExpiry(Days = 1)]
        public partial class Payments { }
        """);

    [Fact]
    public Task SESSGEN204_fix_turns_the_spending_limit_into_a_cumulative_rule() => VerifyCodeFixAsync<SessionAnalyzer, SpendingLimitToParamRuleCodeFix>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", MaxUses = 5, SpendingLimit = {|#0:"100e6"|})]
        [SessionExpiry(Days = 1)]
        public partial class Vault { }
        """, """
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", MaxUses = 5)]
        [SessionExpiry(Days = 1)]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "100e6", CumulativeLimit = "100e6")]
        public partial class Vault { }
        """, null, new DiagnosticResult("SESSGEN204", DiagnosticSeverity.Error).WithLocation(0).WithArguments("deposit(uint256,address)", "deposit", "100000000"));
}
