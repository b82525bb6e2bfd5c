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
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender")]
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
        [SessionAction("approve", ValueLimit = "1")]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender")]
        [{|SESSGEN203:SessionValueTransfer|}]
        [SessionExpiry(Hours = 1)]
        public partial class Unbounded { }
        """);

    [Fact]
    public Task SESSGEN203_not_reported_when_a_parameter_rule_limits_the_action() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit")]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "10e6")]
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
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
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender")]
        [SessionAction("transferFrom", SpendingLimit = {|#2:"1e78"|})]
        [SessionExpiry(Days = 1)]
        public partial class Amounts { }

        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", MaxUses = 1)]
        [ParamRule("deposit", "assets", ParamCondition.Equal, {|#3:""|}, CumulativeLimit = {|#4:"100 USDC"|})]
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
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
        [ParamRule("withdraw(uint256,address)", "receiver", ParamCondition.Equal, Bind = "account")]
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
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
        [ParamRule("execute", {|#1:"data"|}, ParamCondition.Equal, "0")]
        [ParamRule("execute", "flag", ParamCondition.Equal, "1")]
        [SessionExpiry(Days = 1)]
        public partial class BadRules { }

        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle")]
        [ParamRule("exactInputSingle", {|#2:"params"|}, ParamCondition.Equal, "0")]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account")]
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
        [ParamRule("deposit(uint256,address)", "receiver", ParamCondition.Equal, Bind = "account")]
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
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "spender", Contract = typeof(Usdc))]
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
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class Ranges { }
        """);

    [Fact]
    public Task SESSGEN204_spending_limit_on_a_non_erc20_function() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit", SpendingLimit = {|#0:"100e6"|})]
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class Vault { }

        [ContractAbi("abis/Weth.json")]
        [SessionAction("deposit", SpendingLimit = {|#1:"1e18"|})]
        [SessionExpiry(Days = 1)]
        public partial class Wrapper { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer(address,uint256)", SpendingLimit = "100e6")]
        [SessionAction("transferFrom", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 1)]
        public partial class Token { }
        """, null,
        Error("SESSGEN204", 0).WithArguments("deposit(uint256,address)",
            "limit a parameter instead: [ParamRule(\"deposit\", \"assets\", ParamCondition.LessThanOrEqual, \"100000000\", CumulativeLimit = \"100000000\")]"),
        Error("SESSGEN204", 1).WithArguments("deposit()", "it takes its amount as native value: write ValueLimit = \"1000000000000000000\" (wei) instead"));

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

    [Fact]
    public Task SESSGEN113_tuple_member_typo_suggests_the_member() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle")]
        [ParamRule("exactInputSingle", {|#0:"params.amountin"|}, ParamCondition.LessThanOrEqual, "5e6")]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class Swaps { }
        """, null,
        Error("SESSGEN113", 0).WithArguments("exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))",
            "has no parameter 'params.amountin' (did you mean 'params.amountIn'?)",
            " (its parameters: (address,address,uint24,address,uint256,uint256,uint160) params)"));

    [Fact]
    public Task SESSGEN114_not_reported_beside_SESSGEN118_for_a_rule_without_contract() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        public partial class Usdc { }

        [SessionAction("transfer", Contract = typeof(Usdc), SpendingLimit = "1")]
        [{|SESSGEN118:ParamRule("transfer", "to", ParamCondition.Equal, Bind = "account")|}]
        [SessionExpiry(Days = 1)]
        public partial class Payments { }
        """);

    [Fact]
    public Task SESSGEN115_expiry_beyond_a_hundred_years() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [{|#0:SessionExpiry(Days = 2_000_000_000)|}]
        public partial class Forever { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = "1")]
        [SessionExpiry(Days = 36_500)]
        public partial class Century { }
        """, null,
        Error("SESSGEN115", 0).WithArguments("ends 2000000000 days after the session is created, beyond the 36500 days (100 years) a session may last"));

    [Fact]
    public Task SESSGEN120_invalid_bound_values() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle", MaxUses = 1)]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, "0x1", Bind = {|#0:"account"|})]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.InRange, Bind = {|#1:"limit"|}, UpperBound = "5")]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThan, Bind = {|#2:"account"|})]
        [ParamRule("exactInputSingle", "params.fee", ParamCondition.Equal, Bind = {|#3:"not valid"|})]
        [{|#4:ParamRule("exactInputSingle", "params.tokenIn", ParamCondition.Equal)|}]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class Binds { }
        """, null,
        Error("SESSGEN120", 0).WithArguments("exactInputSingle", "params.recipient", "sets both a reference and Bind; keep one: a literal, or a value bound when the session is created"),
        Error("SESSGEN120", 1).WithArguments("exactInputSingle", "params.amountIn", "binds InRange, which needs two bounds; write them as literals"),
        Error("SESSGEN120", 2).WithArguments("exactInputSingle", "params.amountIn", "binds 'account' to a parameter of type uint256; the account is an address"),
        Error("SESSGEN120", 3).WithArguments("exactInputSingle", "params.fee", "binds 'not valid', which is not a C# identifier (it becomes a CreateSession parameter)"),
        Error("SESSGEN120", 4).WithArguments("exactInputSingle", "params.tokenIn", "has neither a reference nor Bind; add the reference (\"100e6\") or Bind = \"account\""));

    [Fact]
    public Task SESSGEN208_zero_limits_the_chain_refuses() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [SessionAction("transfer", SpendingLimit = {|#0:"0"|})]
        [SessionValueTransfer(ValueLimit = {|#1:"0"|})]
        [SessionExpiry(Days = 1)]
        public partial class Nothing { }

        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit")]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "1", CumulativeLimit = {|#2:"0"|})]
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class NoDeposit { }
        """, null,
        Error("SESSGEN208", 0).WithArguments("SpendingLimit", "transfer", "the ERC-20 spending-limit policy reverts InvalidLimit on a zero limit"),
        Error("SESSGEN208", 1).WithArguments("ValueLimit", "native value transfer", "the value-limit policy reverts PolicyNotInitialized on a zero limit (a function without ValueLimit already sends no ETH when a rule or spending limit guards it)"),
        Error("SESSGEN208", 2).WithArguments("CumulativeLimit", "deposit.assets", "a zero cumulative limit lets only zero amounts through"));

    [Fact]
    public Task SESSGEN209_payable_function_whose_eth_nothing_limits() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Weth.json")]
        [{|SESSGEN209:SessionAction("deposit", MaxUses = 3)|}]
        [SessionExpiry(Days = 1)]
        public partial class Unbounded { }

        [ContractAbi("abis/Weth.json")]
        [SessionAction("deposit", ValueLimit = "1e18")]
        [SessionExpiry(Days = 1)]
        public partial class Bounded { }

        [ContractAbi("abis/Vault.json")]
        [SessionAction("deposit")]
        [ParamRule("deposit", "assets", ParamCondition.LessThanOrEqual, "10e6")]
        [ParamRule("deposit", "receiver", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class NoEthThroughTheRule { }
        """);

    [Fact]
    public Task SESSGEN210_rule_values_no_call_can_satisfy() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle")]
        [ParamRule("exactInputSingle", "params.tokenIn", ParamCondition.Equal, {|#0:"0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB480000"|})]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThan, {|#1:"0"|})]
        [ParamRule("exactInputSingle", "params.fee", ParamCondition.GreaterThan, {|#2:"0xffffff"|})]
        [ParamRule("exactInputSingle", "params.fee", ParamCondition.Equal, {|#3:"0x1000000"|})]
        [ParamRule("exactInputSingle", "params.amountOutMinimum", ParamCondition.GreaterThan, "0")]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class Impossible { }
        """, null,
        Error("SESSGEN210", 0).WithArguments("exactInputSingle", "params.tokenIn", "address", "compares with 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb480000, which is 22 bytes long: an address has 20"),
        Error("SESSGEN210", 1).WithArguments("exactInputSingle", "params.amountIn", "uint256", "requires a value less than 0, which no unsigned value is"),
        Error("SESSGEN210", 2).WithArguments("exactInputSingle", "params.fee", "uint24", "requires a value greater than the largest uint24"),
        Error("SESSGEN210", 3).WithArguments("exactInputSingle", "params.fee", "uint24", "compares with 16777216, above the largest uint24 (16777215)"));

    [Fact]
    public Task SESSGEN211_approvals_to_any_address() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/ERC20.json")]
        [{|#0:SessionAction("approve", SpendingLimit = "100e6")|}]
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 1)]
        public partial class Approver { }

        [ContractAbi("abis/Nft.json")]
        [{|#1:SessionAction("setApprovalForAll", MaxUses = 1)|}]
        [SessionExpiry(Days = 1)]
        public partial class Collection { }

        [ContractAbi("abis/ERC20.json")]
        [SessionAction("approve", SpendingLimit = "100e6")]
        [ParamRule("approve", "spender", ParamCondition.Equal, Bind = "router")]
        [SessionExpiry(Days = 1)]
        public partial class PinnedApprover { }
        """, null,
        new DiagnosticResult("SESSGEN211", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("approve", "spender", "spender"),
        new DiagnosticResult("SESSGEN211", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("setApprovalForAll", "operator", "operator"));

    [Fact]
    public Task SESSGEN212_output_routed_to_any_address() => VerifyAnalyzerAsync<SessionAnalyzer>("""
        [ContractAbi("abis/Router.json")]
        [{|#0:SessionAction("exactInputSingle")|}]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
        [SessionExpiry(Days = 1)]
        public partial class Swaps { }

        [ContractAbi("abis/Vault.json")]
        [{|#1:SessionAction("withdraw(uint256,address)", MaxUses = 1)|}]
        [ParamRule("withdraw(uint256,address)", "receiver", ParamCondition.NotEqual, "0")]
        [SessionExpiry(Days = 1)]
        public partial class Withdrawals { }

        [ContractAbi("abis/Router.json")]
        [SessionAction("exactInputSingle")]
        [ParamRule("exactInputSingle", "params.amountIn", ParamCondition.LessThanOrEqual, "5e6")]
        [ParamRule("exactInputSingle", "params.recipient", ParamCondition.Equal, Bind = "account")]
        [SessionExpiry(Days = 1)]
        public partial class PinnedSwaps { }
        """, null,
        new DiagnosticResult("SESSGEN212", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("exactInputSingle", "params.recipient"),
        new DiagnosticResult("SESSGEN212", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("withdraw(uint256,address)", "receiver"));
}
