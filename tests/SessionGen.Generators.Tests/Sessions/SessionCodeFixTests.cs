using System.Threading.Tasks;
using SessionGen.CodeFixes;
using SessionGen.Generators.Analyzers;
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
}
