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
        [SessionAction("transfer", SpendingLimit = "100e6")]
        public partial class {|SESSGEN202:UsdcTrading|} { }

        [SessionAction("approve", MaxUses = 1)]
        public partial class {|SESSGEN202:Approvals|}
        {
        }
        """, """
        [SessionAction("transfer", SpendingLimit = "100e6")]
        [SessionExpiry(Days = 7)]
        public partial class UsdcTrading { }

        [SessionAction("approve", MaxUses = 1)]
        [SessionExpiry(Days = 7)]
        public partial class Approvals
        {
        }
        """);

    [Fact]
    public Task SESSGEN203_fix_adds_max_uses() => VerifyCodeFixAsync<SessionAnalyzer, AddActionLimitCodeFix>("""
        [{|SESSGEN203:SessionAction("claim")|}]
        [{|SESSGEN203:SessionValueTransfer|}]
        [SessionExpiry(Days = 1)]
        public partial class Claims { }
        """, """
        [SessionAction("claim", MaxUses = 1)]
        [SessionValueTransfer(MaxUses = 1)]
        [SessionExpiry(Days = 1)]
        public partial class Claims { }
        """);

    [Fact]
    public async Task SESSGEN203_fix_adds_a_spending_limit_to_erc20_transfers_only()
    {
        var test = CodeFixTest<SessionAnalyzer, AddActionLimitCodeFix>("""
            [{|SESSGEN203:SessionAction("transfer")|}]
            [{|SESSGEN203:SessionAction("claim")|}]
            [SessionExpiry(Days = 1)]
            public partial class Mixed { }
            """, """
            [SessionAction("transfer", SpendingLimit = "0")]
            [{|SESSGEN203:SessionAction("claim")|}]
            [SessionExpiry(Days = 1)]
            public partial class Mixed { }
            """);
        test.CodeActionEquivalenceKey = AddActionLimitCodeFix.AddSpendingLimitKey;
        test.CodeActionIndex = 1;
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        await test.RunAsync();
    }
}
