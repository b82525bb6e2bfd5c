using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SessionGen.IntegrationTests.Sessions;
using SessionGen.Protocol;
using Xunit;
using static SessionGen.IntegrationTests.Scenarios.ScenarioRun;

namespace SessionGen.IntegrationTests.Scenarios;

/// <summary>One row of the policy table: what is done on chain, and what the upstream contracts answer to it.</summary>
/// <param name="Name">What the row does (the key of the recorded outcomes).</param>
/// <param name="Expected">The outcome of the last step on the upstream contracts (<see cref="ChainOutcome"/> words).</param>
/// <param name="Run">The steps; returns the outcome of the last one (earlier ones must succeed).</param>
internal sealed record PolicyScenario(string Name, string Expected, Func<ScenarioRun, Task<string>> Run)
{
    public override string ToString() => Name;
}

/// <summary>
/// The policy scenarios, run unchanged on the fixture devnet (CI) and on the upstream contracts (eng/upstream.sh):
/// the same calls, and the outcomes must be the same. Each row names where the fixture used to differ.
/// </summary>
internal static class PolicyScenarios
{
    private static readonly Selector ValueTransfer = ActionId.ValueTransferSelector;

    public static IReadOnlyList<PolicyScenario> All { get; } =
    [
        // ERC-20 spending limit
        new("ERC-20 limit: transfers up to the limit", ChainOutcome.Ok, async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            return await run.AfterEnablingAsync(session, [Erc20.Transfer(run.UsdcToken, Bob, 60 * Usdc)], Erc20.Transfer(run.UsdcToken, Bob, 40 * Usdc));
        }),
        new("ERC-20 limit: a transfer past the limit", "PolicyViolation(ERC20SpendingLimit)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            return await run.AfterEnablingAsync(session, [Erc20.Transfer(run.UsdcToken, Bob, 60 * Usdc)], Erc20.Transfer(run.UsdcToken, Bob, 41 * Usdc));
        }),
        // The policy's configuration is per action (configId = permission id + action id): approve and transfer count apart.
        new("ERC-20 limit: approve and transfer actions each have a limit of their own", ChainOutcome.Ok, async run =>
        {
            var limit = Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies);
            var session = run.Session([], new ActionData(run.UsdcToken, Erc20.Selectors.Approve, limit), new ActionData(run.UsdcToken, Erc20.Selectors.Transfer, limit));
            return await run.AfterEnablingAsync(session, [Erc20.Approve(run.UsdcToken, Bob, 70 * Usdc)], Erc20.Transfer(run.UsdcToken, Bob, 40 * Usdc));
        }),
        new("ERC-20 limit: approvals add up", "PolicyViolation(ERC20SpendingLimit)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Approve, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            return await run.AfterEnablingAsync(session, [Erc20.Approve(run.UsdcToken, Bob, 70 * Usdc)], Erc20.Approve(run.UsdcToken, Carol, 31 * Usdc));
        }),
        new("ERC-20 limit: a call carrying ETH", "PolicyViolation(ERC20SpendingLimit)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc) with { Value = 1 });
        }),
        // Was a divergence: the fixture refused any amount of a token its init data did not list.
        new("ERC-20 limit: a zero-amount transfer of a token the policy does not list", ChainOutcome.Ok, async run =>
        {
            var other = await run.OtherTokenAsync();
            var session = run.Session(other, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(other, Bob, 0));
        }),
        new("ERC-20 limit: a transfer of a token the policy does not list", "PolicyViolation(ERC20SpendingLimit)", async run =>
        {
            var other = await run.OtherTokenAsync();
            var session = run.Session(other, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(other, Bob, 1));
        }),
        // Was a divergence: re-initialising kept the limits of tokens the new init data no longer lists.
        new("ERC-20 limit: re-enabling with other tokens drops the earlier ones", "PolicyViolation(ERC20SpendingLimit)", async run =>
        {
            var other = await run.OtherTokenAsync();
            var first = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            var second = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(other, 100 * Usdc, run.Policies));
            await run.EnabledAsync(first);
            await run.EnabledAsync(second); // same permission id: the policy is initialised again
            return await run.UseAsync(second, Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        new("ERC-20 limit: re-enabling starts the count again", ChainOutcome.Ok, async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies));
            await run.EnabledAsync(session);
            await run.UsedAsync(session, Erc20.Transfer(run.UsdcToken, Bob, 80 * Usdc));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, 80 * Usdc));
        }),
        // Was a divergence in the error: InvalidLimit(address) instead of InvalidLimit(uint256).
        new("ERC-20 limit: a zero limit at init", "execution reverted: InvalidLimit", run =>
            run.EnableAsync(run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 0, run.Policies)))),

        // Time frame
        new("Time frame: inside the window", ChainOutcome.Ok, async run =>
        {
            var now = await run.ChainTimeAsync();
            var session = run.Session([Policies.TimeFrame(now + 3600, now - 60, run.Policies)], new ActionData(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies)));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        new("Time frame: after validUntil", "AA22 expired or not due", async run =>
        {
            var now = await run.ChainTimeAsync();
            var session = run.Session([Policies.TimeFrame(now - 1, now - 60, run.Policies)], new ActionData(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies)));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        new("Time frame: before validAfter", "AA22 expired or not due", async run =>
        {
            var now = await run.ChainTimeAsync();
            var session = run.Session([Policies.TimeFrame(0, now + 3600, run.Policies)], new ActionData(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies)));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        // Was a divergence: the fixture took (0, 0) as "valid forever".
        new("Time frame: (0, 0) is never valid", "PolicyCheckReverted(PolicyNotInitialized)", async run =>
        {
            var session = run.Session([Policies.TimeFrame(0, 0, run.Policies)], new ActionData(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies)));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        // Was a divergence: the fixture accepted a window that ends before it starts.
        new("Time frame: validAfter after validUntil at init", "execution reverted: PolicyNotInitialized", async run =>
        {
            var now = await run.ChainTimeAsync();
            return await run.EnableAsync(run.Session([Policies.TimeFrame(now + 60, now + 3600, run.Policies)], new ActionData(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies))));
        }),

        // Usage limit
        new("Usage limit: as many uses as allowed", ChainOutcome.Ok, async run =>
        {
            var session = run.Session([Policies.UsageLimit(2, run.Policies)], new ActionData(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies)));
            return await run.AfterEnablingAsync(session, [Erc20.Transfer(run.UsdcToken, Bob, Usdc)], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        new("Usage limit: one use more", "PolicyViolation(UsageLimit)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UsageLimit(1, run.Policies));
            return await run.AfterEnablingAsync(session, [Erc20.Transfer(run.UsdcToken, Bob, Usdc)], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        // Was a divergence in the error: InvalidLimit() instead of PolicyNotInitialized.
        new("Usage limit: zero at init", "execution reverted: PolicyNotInitialized", run =>
            run.EnableAsync(run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UsageLimit(0, run.Policies)))),

        // Value limit
        new("Value limit: ETH up to the limit", ChainOutcome.Ok, async run =>
        {
            var session = run.Session(Bob, ValueTransfer, Policies.ValueLimit(1000, run.Policies));
            return await run.AfterEnablingAsync(session, [new Call(Bob, 600, ReadOnlyMemory<byte>.Empty)], new Call(Bob, 400, ReadOnlyMemory<byte>.Empty));
        }),
        new("Value limit: ETH past the limit", "PolicyViolation(ValueLimit)", async run =>
        {
            var session = run.Session(Bob, ValueTransfer, Policies.ValueLimit(1000, run.Policies));
            return await run.AfterEnablingAsync(session, [new Call(Bob, 600, ReadOnlyMemory<byte>.Empty)], new Call(Bob, 401, ReadOnlyMemory<byte>.Empty));
        }),
        // Was a divergence: the fixture's value limit was an action policy only.
        new("Value limit as a user-op policy: a batch past the limit", "PolicyViolation(ValueLimit)", async run =>
        {
            var session = run.Session([Policies.ValueLimit(1000, run.Policies)], new ActionData(Bob, ValueTransfer, Policies.Sudo(run.Policies)), new ActionData(Carol, ValueTransfer, Policies.Sudo(run.Policies)));
            await run.EnabledAsync(session);
            await run.UsedAsync(session, new Call(Bob, 300, ReadOnlyMemory<byte>.Empty), new Call(Carol, 300, ReadOnlyMemory<byte>.Empty)); // one batch
            return await run.UseAsync(session, new Call(Bob, 200, ReadOnlyMemory<byte>.Empty), new Call(Carol, 201, ReadOnlyMemory<byte>.Empty));
        }),
        // Was a divergence: the fixture accepted a zero value limit.
        new("Value limit: zero at init", "execution reverted: PolicyNotInitialized", run =>
            run.EnableAsync(run.Session(Bob, ValueTransfer, Policies.ValueLimit(0, run.Policies)))),

        // Universal action (parameter rules); the fixture had no UniActionPolicy.
        new("Parameter rule: recipient equal to the bound address", ChainOutcome.Ok, async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UniversalAction(new UniActionConfig(0, ParamRule.EqualTo(0, Bob)), run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),
        new("Parameter rule: another recipient", "PolicyViolation(UniversalAction)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UniversalAction(new UniActionConfig(0, ParamRule.EqualTo(0, Bob)), run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Carol, Usdc));
        }),
        new("Parameter rule: amount inside the range", ChainOutcome.Ok, async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UniversalAction(new UniActionConfig(0, ParamRule.InRange(32, 10 * Usdc, 50 * Usdc)), run.Policies));
            return await run.AfterEnablingAsync(session, [Erc20.Transfer(run.UsdcToken, Bob, 10 * Usdc)], Erc20.Transfer(run.UsdcToken, Bob, 50 * Usdc));
        }),
        new("Parameter rule: amount outside the range", "PolicyViolation(UniversalAction)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UniversalAction(new UniActionConfig(0, ParamRule.InRange(32, 10 * Usdc, 50 * Usdc)), run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, (50 * Usdc) + 1));
        }),
        new("Parameter rule: cumulative limit passed", "PolicyViolation(UniversalAction)", async run =>
        {
            var rules = new UniActionConfig(0, ParamRule.EqualTo(0, Bob), ParamRule.CumulativeLimit(32, 100 * Usdc));
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UniversalAction(rules, run.Policies));
            return await run.AfterEnablingAsync(session, [Erc20.Transfer(run.UsdcToken, Bob, 60 * Usdc)], Erc20.Transfer(run.UsdcToken, Bob, 41 * Usdc));
        }),
        new("Parameter rule: ETH above the value limit per use", "PolicyCheckReverted(ValueLimitExceeded)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UniversalAction(new UniActionConfig(100, ParamRule.EqualTo(0, Bob)), run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc) with { Value = 101 });
        }),
        new("Parameter rule: a configuration with no rules", "PolicyCheckReverted(PolicyNotInitialized)", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.UniversalAction(new UniActionConfig(0), run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),

        // The session itself
        new("ENABLE mode: the owner's signed approval travels with the first call", ChainOutcome.Ok, run =>
            run.EnableWithFirstCallAsync(
                run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.ERC20SpendingLimit(run.UsdcToken, 100 * Usdc, run.Policies)),
                Erc20.Transfer(run.UsdcToken, Bob, 10 * Usdc))),
        new("A session the owner removed", "InvalidPermissionId", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies));
            await run.EnabledAsync(session);
            await run.UsedAsync(session, Erc20.Transfer(run.UsdcToken, Bob, Usdc));
            await run.RemovedAsync(session);
            return await run.UseAsync(session, Erc20.Transfer(run.UsdcToken, Bob, Usdc));
        }),

        // Outside the session
        new("A function the session does not name", "NoPoliciesSet", async run =>
        {
            var session = run.Session(run.UsdcToken, Erc20.Selectors.Transfer, Policies.Sudo(run.Policies));
            return await run.AfterEnablingAsync(session, [], Erc20.Approve(run.UsdcToken, Bob, Usdc));
        }),
    ];

    /// <summary>The rows as xunit theory data (by name: the rows themselves are not serialisable).</summary>
    public static TheoryData<string> Names { get; } = new(All.Select(s => s.Name));

    public static PolicyScenario Get(string name) => All.Single(s => s.Name == name);
}
