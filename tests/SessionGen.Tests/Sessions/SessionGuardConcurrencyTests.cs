using System;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Protocol;
using SessionGen.Sessions;
using Xunit;
using static SessionGen.Tests.Sessions.GuardTestData;

namespace SessionGen.Tests.Sessions;

public sealed class SessionGuardConcurrencyTests
{
    [Theory]
    [InlineData(10, 50, 7)]
    [InlineData(50, 1_000, 33)]
    [InlineData(100, 100_000_000, 1_000_001)]
    public void Parallel_reservations_never_overshoot_the_spending_limit(int attempts, long limit, long amount)
    {
        var guard = new SessionGuard(OneClickTrading(limit), PolicyAddresses.Current);
        var succeeded = 0;
        var refused = 0;

        Parallel.For(0, attempts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            try
            {
                guard.Reserve([TokenCall(Token, Transfer, amount)], Now);
                Interlocked.Increment(ref succeeded);
            }
            catch (SessionScopeException e) when (e.Rule == SessionRule.SpendingLimitExceeded)
            {
                Interlocked.Increment(ref refused);
            }
        });

        var expected = (int)Math.Min(attempts, limit / amount);
        Assert.Equal(expected, succeeded);
        Assert.Equal(attempts - expected, refused);
        Assert.True(Assert.Single(guard.Limits).Reserved <= limit);
    }

    [Fact]
    public void Concurrent_commits_and_releases_keep_the_count_exact()
    {
        var guard = new SessionGuard(Create([new ActionData(Token, Transfer, Policies.ERC20SpendingLimit(Token, 1_000), Policies.UsageLimit(60))]), PolicyAddresses.Current);
        var committed = 0;

        Parallel.For(0, 100, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                using var reservation = guard.Reserve([TokenCall(Token, Transfer, 10)], Now);
                if (i % 3 != 0)
                {
                    reservation.Commit();
                    Interlocked.Increment(ref committed);
                }
            }
            catch (SessionScopeException)
            {
                // Refused: the limit or the uses were held by others at that moment.
            }
        });

        var spending = guard.Limits.Single(l => l.Rule == SessionRule.SpendingLimitExceeded);
        var uses = guard.Limits.Single(l => l.Rule == SessionRule.UsageLimitExceeded);
        Assert.Equal((new BigInteger(committed * 10), BigInteger.Zero), (spending.Spent, spending.Reserved));
        Assert.Equal((new BigInteger(committed), BigInteger.Zero), (uses.Spent, uses.Reserved));
        Assert.InRange(committed, 1, 60);
    }
}
