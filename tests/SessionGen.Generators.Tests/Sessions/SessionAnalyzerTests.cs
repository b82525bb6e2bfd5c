using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SessionGen.Generators.Analyzers;
using Xunit;
using static SessionGen.Generators.Tests.Sessions.SessionVerifier;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>One case that reports and one that does not, for every diagnostic that needs no ABI.</summary>
public sealed class SessionAnalyzerTests
{
    private static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

    [Fact]
    public Task Limited_session_with_expiry_reports_nothing() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionAction("approve", MaxUses = 3)]
        [SessionValueTransfer(ValueLimit = "1e18")]
        [SessionExpiry(Days = 7)]
        public partial class UsdcTrading { }
        """);

    [Fact]
    public Task Class_without_session_attributes_reports_nothing() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        public partial class Plain { }
        """);

    [Fact]
    public Task SESSGEN201_session_with_no_actions() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionExpiry(Days = 1)]
        public partial class {|SESSGEN201:Empty|} { }
        """);

    [Fact]
    public Task SESSGEN202_session_with_no_expiry() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("transfer", SpendingLimit = "100e6")]
        public partial class {|SESSGEN202:Forever|} { }
        """);

    [Fact]
    public Task SESSGEN203_action_with_no_limit() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [{|SESSGEN203:SessionAction("transfer")|}]
        [SessionAction("approve", ValueLimit = "0")]
        [{|SESSGEN203:SessionValueTransfer|}]
        [SessionExpiry(Hours = 1)]
        public partial class Unbounded { }
        """);

    [Fact]
    public Task SESSGEN203_not_reported_when_a_parameter_rule_limits_the_action() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("deposit")]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "10e6")]
        [SessionExpiry(Hours = 1)]
        public partial class Vault { }
        """);

    [Fact]
    public Task SESSGEN205_sudo_opt_in() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [{|SESSGEN205:SessionAction("swap", Sudo = true)|}]
        [{|SESSGEN205:SessionValueTransfer(Sudo = true)|}]
        [SessionExpiry(Minutes = 30)]
        public partial class Trader { }
        """);

    [Fact]
    public Task SESSGEN110_invalid_amounts_are_located_on_the_argument() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("transfer", SpendingLimit = {|#0:"1.5"|})]
        [SessionAction("approve", ValueLimit = {|#1:"-1"|})]
        [SessionAction("transferFrom", SpendingLimit = {|#2:"1e78"|})]
        [SessionAction("deposit", MaxUses = 1)]
        [ParamRule("deposit", "assets", ParamCondition.Equal, {|#3:""|}, CumulativeLimit = {|#4:"100 USDC"|})]
        [SessionExpiry(Days = 1)]
        public partial class Amounts { }
        """, null,
        new DiagnosticResult("SESSGEN110", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithArguments("SpendingLimit", "1.5", "the amount has a fractional part; amounts are whole numbers of the smallest unit (e.g. \"1.5e6\" is fine, \"1.5\" is not)"),
        new DiagnosticResult("SESSGEN110", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(1).WithArguments("ValueLimit", "-1", "amounts cannot be negative"),
        new DiagnosticResult("SESSGEN110", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(2).WithArguments("SpendingLimit", "1e78", "the amount exceeds 2^256-1, the largest uint256"),
        new DiagnosticResult("SESSGEN110", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(3).WithArguments("reference", "", "the amount is empty"),
        new DiagnosticResult("SESSGEN110", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(4).WithArguments("CumulativeLimit", "100 USDC", "the amount contains whitespace at position 3"));

    [Fact]
    public Task SESSGEN114_rule_for_a_function_without_action() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|SESSGEN114:ParamRule("approve", "amount", ParamCondition.Equal, "0")|}]
        [SessionExpiry(Days = 1)]
        public partial class Stray { }
        """);

    [Fact]
    public Task SESSGEN115_zero_or_negative_expiry() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|SESSGEN115:SessionExpiry(Days = 1, Hours = -24)|}]
        public partial class Zero { }

        [SessionAction("transfer", SpendingLimit = "1")]
        [SessionExpiry(Days = 1, StartsAfterMinutes = {|SESSGEN115:-5|})]
        public partial class StartsInThePast { }

        [SessionAction("transfer", SpendingLimit = "1")]
        [SessionExpiry(Minutes = 1, StartsAfterMinutes = 0)]
        public partial class OneMinute { }
        """);

    [Fact]
    public Task SESSGEN116_duplicate_action() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|SESSGEN116:SessionAction("transfer", MaxUses = 2)|}]
        [SessionExpiry(Days = 1)]
        public partial class Twice { }
        """);

    [Fact]
    public Task SESSGEN117_non_positive_max_uses() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("transfer", MaxUses = {|SESSGEN117:0|})]
        [SessionExpiry(Days = 1)]
        public partial class Never { }
        """);

    [Fact]
    public Task SESSGEN119_range_rules() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("deposit")]
        [{|SESSGEN119:ParamRule("deposit", "assets", ParamCondition.InRange, "1")|}]
        [{|SESSGEN119:ParamRule("deposit", "assets", ParamCondition.Equal, "1", UpperBound = "2")|}]
        [{|SESSGEN119:ParamRule("deposit", "assets", ParamCondition.InRange, "5", UpperBound = "2")|}]
        [{|SESSGEN119:ParamRule("deposit", "assets", ParamCondition.InRange, "0", UpperBound = "0x1_00000000_00000000_00000000_00000000")|}]
        [ParamRule("deposit", "assets", ParamCondition.InRange, "2", UpperBound = "0xffffffff_ffffffff_ffffffff_ffffffff")]
        [SessionExpiry(Days = 1)]
        public partial class Ranges { }
        """);

    [Fact]
    public Task SESSGEN204_spending_limit_on_a_non_erc20_function() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [SessionAction("deposit", SpendingLimit = {|SESSGEN204:"100e6"|})]
        [SessionAction("transfer(address,uint256)", SpendingLimit = "100e6")]
        [SessionAction("transferFrom", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 1)]
        public partial class Vault { }
        """);
}
