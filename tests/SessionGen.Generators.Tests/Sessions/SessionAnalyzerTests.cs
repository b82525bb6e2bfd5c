using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SessionGen.Generators.Analyzers;
using Xunit;
using static SessionGen.Generators.Tests.Sessions.SessionVerifier;

namespace SessionGen.Generators.Tests.Sessions;

/// <summary>One case that reports and one that does not, for every session diagnostic (ABIs from <see cref="TestAbis"/>).</summary>
public sealed class SessionAnalyzerTests
{
    private static DiagnosticResult Error(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location);

    [Fact]
    public Task Limited_session_with_expiry_reports_nothing() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionAction("approve", MaxUses = 3)]
        [SessionAction("transferFrom(address,address,uint256)", SpendingLimit = "0x10")]
        [SessionValueTransfer(ValueLimit = "1e18")]
        [SessionExpiry(Days = 7)]
        public partial class UsdcTrading { }
        """);

    [Fact]
    public Task Class_without_session_attributes_reports_nothing() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        public partial class Plain { }
        """);

    [Fact]
    public Task SESSGEN201_session_with_no_actions() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionExpiry(Days = 1)]
        public partial class {|SESSGEN201:Empty|} { }
        """);

    [Fact]
    public Task SESSGEN202_session_with_no_expiry() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        public partial class {|SESSGEN202:Forever|} { }
        """);

    [Fact]
    public Task SESSGEN203_action_with_no_limit() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [{|SESSGEN203:SessionAction("transfer")|}]
        [SessionAction("approve", ValueLimit = "0")]
        [{|SESSGEN203:SessionValueTransfer|}]
        [SessionExpiry(Hours = 1)]
        public partial class Unbounded { }
        """);

    [Fact]
    public Task SESSGEN203_not_reported_when_a_parameter_rule_limits_the_action() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit")]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "10e6")]
        [SessionExpiry(Hours = 1)]
        public partial class Vault { }
        """);

    [Fact]
    public Task SESSGEN205_sudo_opt_in() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
        [{|SESSGEN205:SessionAction("deposit", Sudo = true)|}]
        [{|SESSGEN205:SessionValueTransfer(Sudo = true)|}]
        [SessionExpiry(Minutes = 30)]
        public partial class Trader { }
        """);

    [Fact]
    public Task SESSGEN110_invalid_amounts_are_located_on_the_argument() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = {|#0:"1.5"|})]
        [SessionAction("approve", ValueLimit = {|#1:"-1"|})]
        [SessionAction("transferFrom", SpendingLimit = {|#2:"1e78"|})]
        [SessionExpiry(Days = 1)]
        public partial class Amounts { }

        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", MaxUses = 1)]
        [ParamRule("deposit", "assets", ParamCondition.Equal, {|#3:""|}, CumulativeLimit = {|#4:"100 USDC"|})]
        [SessionExpiry(Days = 1)]
        public partial class Rules { }
        """, null,
        Error("SESSGEN110", 0).WithArguments("SpendingLimit", "1.5", "the amount has a fractional part; amounts are whole numbers of the smallest unit (e.g. \"1.5e6\" is fine, \"1.5\" is not)"),
        Error("SESSGEN110", 1).WithArguments("ValueLimit", "-1", "amounts cannot be negative"),
        Error("SESSGEN110", 2).WithArguments("SpendingLimit", "1e78", "the amount exceeds 2^256-1, the largest uint256"),
        Error("SESSGEN110", 3).WithArguments("reference", "", "the amount is empty"),
        Error("SESSGEN110", 4).WithArguments("CumulativeLimit", "100 USDC", "the amount contains whitespace at position 3"));

    [Fact]
    public Task SESSGEN111_unknown_function_suggests_the_closest_names() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction({|#0:"transfr"|}, SpendingLimit = "1")]
        [SessionAction({|#1:"mint"|}, MaxUses = 1)]
        [SessionAction({|#2:"transfer(address)"|}, SpendingLimit = "1")]
        [SessionExpiry(Days = 1)]
        public partial class Typos { }
        """, null,
        Error("SESSGEN111", 0).WithArguments("Typos", "transfr", "; did you mean 'transfer'?"),
        Error("SESSGEN111", 1).WithArguments("Typos", "mint", "; its functions are transfer, approve, transferFrom, balanceOf"),
        Error("SESSGEN111", 2).WithArguments("Typos", "transfer(address)", "; did you mean 'transfer(address,uint256)'?"));

    [Fact]
    public Task SESSGEN112_overloaded_name_lists_the_signatures() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction({|#0:"withdraw"|}, MaxUses = 1)]
        [SessionAction("withdraw(uint256,address)", MaxUses = 1)]
        [SessionExpiry(Days = 1)]
        public partial class Withdrawals { }
        """, null,
        Error("SESSGEN112", 0).WithArguments("withdraw", "Withdrawals", "\"withdraw(uint256)\", \"withdraw(uint256,address)\""));

    [Fact]
    public Task SESSGEN113_rule_on_a_missing_or_dynamic_parameter() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit")]
        [SessionAction("execute")]
        [ParamRule("deposit", {|#0:"amount"|}, ParamCondition.LessThan, "5")]
        [ParamRule("execute", {|#1:"data"|}, ParamCondition.Equal, "0")]
        [ParamRule("execute", "flag", ParamCondition.Equal, "1")]
        [SessionExpiry(Days = 1)]
        public partial class BadRules { }

        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle")]
        [ParamRule("exactInputSingle", {|#2:"params"|}, ParamCondition.Equal, "0")]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
        [SessionExpiry(Days = 1)]
        public partial class Swaps { }
        """, null,
        Error("SESSGEN113", 0).WithArguments("deposit(uint256,address)", "has no parameter 'amount'", " (its parameters: uint256 assets, address receiver)"),
        Error("SESSGEN113", 1).WithArguments("execute(bytes,bool)", "has 'data' of dynamic type bytes", " (its parameters: bytes data, bool flag)"),
        Error("SESSGEN113", 2).WithArguments("exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))",
            "has 'params' of type (address,address,uint24,address,uint256,uint256,uint160), which is not a single word; name one of its members (\"params.member\")",
            " (its parameters: (address,address,uint24,address,uint256,uint256,uint160) params)"));

    [Fact]
    public Task SESSGEN116_duplicate_action_spelt_two_ways() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|SESSGEN116:SessionAction("transfer(address,uint256)", MaxUses = 2)|}]
        [SessionExpiry(Days = 1)]
        public partial class Twice { }
        """);

    [Fact]
    public Task SESSGEN114_and_SESSGEN203_not_reported_when_the_rule_spells_the_signature() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit")]
        [ParamRule("deposit(uint256,address)", "assets", ParamCondition.LessThanOrEqual, "10e6")]
        [SessionExpiry(Days = 1)]
        public partial class Spelling { }
        """);

    [Fact]
    public Task SESSGEN114_rule_for_a_function_without_action() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|SESSGEN114:ParamRule("approve", "amount", ParamCondition.Equal, "0")|}]
        [SessionExpiry(Days = 1)]
        public partial class Stray { }
        """);

    [Fact]
    public Task SESSGEN115_zero_or_negative_expiry() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|SESSGEN115:SessionExpiry(Days = 1, Hours = -24)|}]
        public partial class Zero { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [SessionExpiry(Days = 1, StartsAfterMinutes = {|SESSGEN115:-5|})]
        public partial class StartsInThePast { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [SessionExpiry(Minutes = 1, StartsAfterMinutes = 0)]
        public partial class OneMinute { }
        """);

    [Fact]
    public Task SESSGEN116_duplicate_action() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|SESSGEN116:SessionAction("transfer", MaxUses = 2)|}]
        [SessionExpiry(Days = 1)]
        public partial class Twice { }
        """);

    [Fact]
    public Task SESSGEN206_non_positive_max_uses() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", MaxUses = {|SESSGEN206:0|})]
        [SessionExpiry(Days = 1)]
        public partial class Never { }
        """);

    [Fact]
    public Task SESSGEN118_action_without_a_contract() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        public partial class NoAbi { }

        [ContractAbi("abis/ERC20.json")]
        public partial class Usdc { }

        [{|SESSGEN118:SessionAction("transfer", SpendingLimit = "1")|}]
        [SessionAction("transfer", Contract = {|SESSGEN118:typeof(NoAbi)|}, SpendingLimit = "1")]
        [SessionAction("approve", Contract = typeof(Usdc), SpendingLimit = "1")]
        [SessionExpiry(Days = 1)]
        public partial class Payments { }
        """);

    [Fact]
    public Task SESSGEN119_range_rules() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
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
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", SpendingLimit = {|#0:"100e6"|})]
        [SessionExpiry(Days = 1)]
        public partial class Vault { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer(address,uint256)", SpendingLimit = "100e6")]
        [SessionAction("transferFrom", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 1)]
        public partial class Token { }
        """, null,
        Error("SESSGEN204", 0).WithArguments("deposit(uint256,address)", "deposit", "100000000"));

    [Fact]
    public Task SESSGEN207_token_display_without_symbol_or_with_impossible_decimals() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [{|SESSGEN207:TokenDisplay("", 6)|}]
        public partial class NoSymbol { }

        [ContractAbi("abis/ERC20.json")]
        [{|SESSGEN207:TokenDisplay("USDC", 78)|}]
        public partial class TooPrecise { }

        [ContractAbi("abis/ERC20.json")]
        [TokenDisplay("DAI", 18)]
        public partial class Dai { }
        """);
}
