using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using SessionGen.Abi;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// The pre-flight check of one session on one account: before anything is signed, <see cref="Reserve"/> checks every call of an
/// operation against the session's actions and policies as the chain would, and holds the uses and amounts it needs so that
/// concurrent operations can never together exceed a limit. Thread-safe; keep one instance per (account, session).
/// </summary>
/// <remarks>
/// <para>
/// Tracking starts at zero, as for a freshly enabled session. The guard only knows the operations it reserved: after a restart,
/// or when the session is also used elsewhere, restore the counts with <see cref="SetSpent"/> (from your own records or the
/// policies' on-chain state). The chain stays the authority: the guard refuses early and with a reason, it never widens a session.
/// </para>
/// <para>
/// Policies at addresses that are not in the <see cref="PolicyAddresses"/> given are not checked locally; they are listed in
/// <see cref="UncheckedPolicies"/> (the chain still enforces them). Times: a time frame is valid from <c>validAfter</c> until, not
/// including, <c>validUntil</c> (0 means no bound); the operation lands in a later block, so check with a fresh chain time.
/// </para>
/// <para>
/// A call with no action of its own falls under the session's fallback action when it has one (as on chain). The module's own
/// restrictions beyond the policies (e.g. calls to the SmartSession module itself) are left to the chain. Actions listed twice
/// with the same target and selector are checked against the policies of both (on chain they share one configuration).
/// </para>
/// </remarks>
public sealed class SessionGuard
{
    private readonly SessionPolicy[] _userOpPolicies;
    private readonly SessionPolicy[][] _actionPolicies;
    private readonly Dictionary<(Address Target, Selector Selector), int[]> _actionsByCall;
    private readonly int[] _fallback;
    private readonly Dictionary<LimitKey, Counter> _counters = new();

    /// <summary>Decodes the session's policies and starts tracking from zero.</summary>
    /// <param name="session">The session, as enabled.</param>
    /// <param name="policies">Which policy contract is which kind on this chain, e.g. <see cref="SmartSessionDeployment.Policies"/>.</param>
    /// <exception cref="ArgumentException">A policy's init data is malformed, or an action-only policy is used as a user-op policy.</exception>
    public SessionGuard(Session session, PolicyAddresses policies)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policies);
        Session = session;
        _userOpPolicies = session.UserOpPolicies.Select(p => SessionPolicyDecoder.Decode(p, policies)).ToArray();
        foreach (var policy in _userOpPolicies)
        {
            if (policy is ERC20SpendingLimitPolicy or UniActionPolicy)
            {
                throw new ArgumentException($"The {policy.GetType().Name} at {policy.Policy} is an action policy; the session lists it as a user-op policy, which the module cannot check.", nameof(session));
            }
        }

        _actionPolicies = session.Actions.Select(a => a.ActionPolicies.Select(p => SessionPolicyDecoder.Decode(p, policies)).ToArray()).ToArray();

        // Actions with the same target and selector share one action id on chain: all their policies apply.
        _actionsByCall = session.Actions
            .Select((action, index) => (action, index))
            .GroupBy(x => (x.action.ActionTarget, x.action.ActionTargetSelector))
            .ToDictionary(g => g.Key, g => g.Select(x => x.index).ToArray());
        _fallback = _actionsByCall.TryGetValue((ActionId.FallbackTarget, ActionId.FallbackSelector), out var fallback) ? fallback : [];

        UncheckedPolicies = _userOpPolicies.Concat(_actionPolicies.SelectMany(p => p)).OfType<UncheckedPolicy>().ToArray();
        CreateCounters();
    }

    /// <summary>The session checked.</summary>
    public Session Session { get; }

    /// <summary>The session's user-op policies, decoded, in order.</summary>
    public IReadOnlyList<SessionPolicy> UserOpPolicies => _userOpPolicies;

    /// <summary>The policies of each of <see cref="Session"/>'s actions (same index), decoded, in order.</summary>
    public IReadOnlyList<IReadOnlyList<SessionPolicy>> ActionPolicies => _actionPolicies;

    /// <summary>
    /// Policies the guard does not know and so does not check: a call that passes <see cref="Reserve"/> may still be refused by
    /// them on chain. Empty when every policy of the session is checked locally.
    /// </summary>
    public IReadOnlyList<UncheckedPolicy> UncheckedPolicies { get; }

    /// <summary>Whether every policy of the session is checked locally (<see cref="UncheckedPolicies"/> is empty).</summary>
    public bool ChecksEveryPolicy => UncheckedPolicies.Count == 0;

    /// <summary>A snapshot of every cumulative limit tracked (ERC-20 tokens listed by a policy, usage, value and parameter limits).</summary>
    public IReadOnlyList<TrackedLimit> Limits
    {
        get
        {
            lock (Gate)
            {
                return _counters.Select(c => c.Value.Describe(c.Key)).ToArray();
            }
        }
    }

    internal object Gate { get; } = new();

    /// <summary>
    /// Sets what a limit has already used for good, e.g. after a restart from your records or the policy's on-chain state.
    /// Open reservations are kept on top of it.
    /// </summary>
    /// <param name="limit">The limit, from <see cref="Limits"/> of this guard.</param>
    /// <param name="spent">The amount used (may exceed the limit: the limit is then exhausted).</param>
    /// <exception cref="ArgumentException">The limit is not one of this guard's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spent"/> is negative.</exception>
    public void SetSpent(TrackedLimit limit, BigInteger spent)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (spent.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spent), spent, "spent must not be negative.");
        }

        lock (Gate)
        {
            if (!_counters.TryGetValue(limit.Key, out var counter) || counter.Policy != limit.Policy)
            {
                throw new ArgumentException($"The limit of policy {limit.Policy} is not tracked by this guard; take it from this guard's Limits.", nameof(limit));
            }

            counter.Committed = spent;
        }
    }

    /// <summary>
    /// Checks the calls of one operation against the session (each call and the batch as a whole, cumulatively with what earlier
    /// reservations hold) and, when all pass, holds their uses and amounts. Sign and send only after this returns; commit the
    /// reservation when the operation has landed, dispose it otherwise.
    /// </summary>
    /// <param name="calls">The operation's calls, in order.</param>
    /// <param name="chainTime">The chain's time (<c>block.timestamp</c> of the latest block), not the wall clock.</param>
    /// <exception cref="SessionScopeException">A call lies outside the session; nothing is held.</exception>
    /// <exception cref="ArgumentException">No calls.</exception>
    public SessionReservation Reserve(IReadOnlyList<Call> calls, DateTimeOffset chainTime)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0)
        {
            throw new ArgumentException("calls is empty: an operation makes at least one call.", nameof(calls));
        }

        var now = chainTime.ToUnixTimeSeconds();
        lock (Gate)
        {
            var check = new Check(this, now);
            check.UserOperation(calls);
            for (var i = 0; i < calls.Count; i++)
            {
                check.Call(i, calls[i]);
            }

            foreach (var (key, amount) in check.Pending)
            {
                _counters[key].Reserved += amount;
            }

            return new SessionReservation(this, check.Pending);
        }
    }

    internal void Settle(IReadOnlyDictionary<LimitKey, BigInteger> amounts, bool commit)
    {
        foreach (var (key, amount) in amounts)
        {
            var counter = _counters[key];
            counter.Reserved -= amount;
            if (commit)
            {
                counter.Committed += amount;
            }
        }
    }

    private void CreateCounters()
    {
        for (var p = 0; p < _userOpPolicies.Length; p++)
        {
            AddCounters(-1, p, _userOpPolicies[p], null);
        }

        for (var a = 0; a < _actionPolicies.Length; a++)
        {
            for (var p = 0; p < _actionPolicies[a].Length; p++)
            {
                AddCounters(a, p, _actionPolicies[a][p], Session.Actions[a]);
            }
        }
    }

    private void AddCounters(int action, int index, SessionPolicy policy, ActionData? owner)
    {
        switch (policy)
        {
            case UsageLimitPolicy usage:
                _counters[new LimitKey(action, index, 0, default)] = new Counter(SessionRule.UsageLimitExceeded, usage.Policy, owner, usage.Limit);
                break;
            case ValueLimitPolicy value:
                _counters[new LimitKey(action, index, 0, default)] = new Counter(SessionRule.ValueLimitExceeded, value.Policy, owner, value.Limit);
                break;
            case ERC20SpendingLimitPolicy spending:
                foreach (var token in spending.Limits.Select(l => l.Token).Distinct())
                {
                    _counters[new LimitKey(action, index, 0, token)] = new Counter(SessionRule.SpendingLimitExceeded, spending.Policy, owner, spending.LimitOf(token)) { Token = token };
                }

                break;
            case UniActionPolicy uni:
                for (var r = 0; r < uni.Config.Rules.Count; r++)
                {
                    var rule = uni.Config.Rules[r];
                    if (rule.IsLimited)
                    {
                        _counters[new LimitKey(action, index, r, default)] = new Counter(SessionRule.ParamLimitExceeded, uni.Policy, owner, rule.Limit) { Committed = rule.Used, ParamRule = r };
                    }
                }

                break;
        }
    }

    /// <summary>One operation's check: the amounts it would add, per limit, accumulated call by call.</summary>
    private sealed class Check(SessionGuard guard, long now)
    {
        public Dictionary<LimitKey, BigInteger> Pending { get; } = new();

        public void UserOperation(IReadOnlyList<Call> calls)
        {
            var policies = guard._userOpPolicies;
            for (var p = 0; p < policies.Length; p++)
            {
                switch (policies[p])
                {
                    case TimeFramePolicy frame:
                        Time(frame, null);
                        break;
                    case UsageLimitPolicy usage:
                        Add(new LimitKey(-1, p, 0, default), BigInteger.One, null, _ => $"the user-op usage limit of policy {usage.Policy} ({usage.Limit} operations) is used up");
                        break;
                    case ValueLimitPolicy value:
                        var total = calls.Aggregate(BigInteger.Zero, (sum, call) => sum + call.Value);
                        Add(new LimitKey(-1, p, 0, default), total, null, c => $"sending {total} wei in this operation would bring the session's native value total to {c.Total}, over its limit of {c.Limit} wei (policy {value.Policy})");
                        break;
                }
            }
        }

        public void Call(int index, Call call)
        {
            var data = call.Data.Span;
            if (data.Length is > 0 and < 4)
            {
                throw Refuse(SessionRule.MalformedCallData, index, $"its calldata is {data.Length} bytes: neither empty (a value transfer) nor a 4-byte selector and arguments");
            }

            var selector = call.Selector ?? ActionId.ValueTransferSelector;
            if (!guard._actionsByCall.TryGetValue((call.Target, selector), out var actions))
            {
                actions = guard._fallback;
                if (actions.Length == 0)
                {
                    throw Refuse(SessionRule.ActionNotPermitted, index, $"the session has no action for target {call.Target} and selector {selector}");
                }
            }

            foreach (var action in actions)
            {
                var policies = guard._actionPolicies[action];
                for (var p = 0; p < policies.Length; p++)
                {
                    Policy(index, call, selector, new LimitKey(action, p, 0, default), policies[p]);
                }
            }
        }

        private void Policy(int index, Call call, Selector selector, LimitKey key, SessionPolicy policy)
        {
            switch (policy)
            {
                case TimeFramePolicy frame:
                    Time(frame, index);
                    break;
                case UsageLimitPolicy usage:
                    Add(key, BigInteger.One, index, _ => $"the usage limit of policy {usage.Policy} ({usage.Limit} calls) is used up");
                    break;
                case ValueLimitPolicy value:
                    Add(key, call.Value, index, c => $"sending {call.Value} wei would bring the session's native value total to {c.Total}, over its limit of {c.Limit} wei (policy {value.Policy})");
                    break;
                case ERC20SpendingLimitPolicy spending:
                    Spending(index, call, selector, key with { Token = call.Target }, spending);
                    break;
                case UniActionPolicy uni:
                    UniAction(index, call, key, uni);
                    break;
            }
        }

        private void Spending(int index, Call call, Selector selector, LimitKey key, ERC20SpendingLimitPolicy policy)
        {
            if (!call.Value.IsZero)
            {
                throw Refuse(SessionRule.ValueLimitExceeded, index, $"it sends {call.Value} wei to {call.Target}, and the ERC-20 spending-limit policy {policy.Policy} refuses any native value", policy.Policy, limit: BigInteger.Zero, spent: BigInteger.Zero, requested: call.Value);
            }

            // transfer(address,uint256), approve(address,uint256), transferFrom(address,address,uint256): where the amount is.
            var (verb, amountAt) = selector.Value switch
            {
                0xa9059cbb => ("transfer", 1),
                0x095ea7b3 => ("approve", 1),
                0x23b872dd => ("transferFrom", 2),
                _ => (null, 0),
            };
            if (verb is null)
            {
                throw Refuse(SessionRule.NotATokenTransfer, index, $"selector {selector} is not transfer, approve or transferFrom, the only calls the ERC-20 spending-limit policy {policy.Policy} accepts", policy.Policy);
            }

            var data = call.Data.Span;
            if (data.Length < 4 + ((amountAt + 1) * AbiSize.Word))
            {
                throw Refuse(SessionRule.MalformedCallData, index, $"its {verb} calldata is {data.Length} bytes, too short for its arguments", policy.Policy);
            }

            for (var a = 0; a < amountAt; a++)
            {
                if (data.Slice(4 + (a * AbiSize.Word), 12).IndexOfAnyExcept((byte)0) >= 0)
                {
                    throw Refuse(SessionRule.MalformedCallData, index, $"argument {a} of its {verb} calldata is not an address", policy.Policy);
                }
            }

            var amount = SessionPolicyDecoder.Word(data, 4 + (amountAt * AbiSize.Word));
            Add(key, amount, index, c => $"{verb} of {amount} (smallest units) of token {call.Target} would bring the session's total to {c.Total}, over its limit of {c.Limit}", policy.Policy, policy.LimitOf(call.Target));
        }

        private void UniAction(int index, Call call, LimitKey key, UniActionPolicy policy)
        {
            var config = policy.Config;
            if (call.Value > config.ValueLimitPerUse)
            {
                throw Refuse(SessionRule.ValueLimitExceeded, index, $"it sends {call.Value} wei, over the limit per call of {config.ValueLimitPerUse} wei (policy {policy.Policy})", policy.Policy, limit: config.ValueLimitPerUse, spent: BigInteger.Zero, requested: call.Value);
            }

            var data = call.Data.Span;
            for (var r = 0; r < config.Rules.Count; r++)
            {
                var rule = config.Rules[r];
                if (data.Length < 4 + AbiSize.Word || rule.Offset > (ulong)(data.Length - 4 - AbiSize.Word))
                {
                    throw Refuse(SessionRule.MalformedCallData, index, $"its calldata is {data.Length} bytes, too short for the word at offset {rule.Offset} that rule {r} of policy {policy.Policy} reads", policy.Policy);
                }

                var param = SessionPolicyDecoder.Word(data, 4 + (int)rule.Offset);
                var reference = SessionPolicyDecoder.Word(rule.Reference.ToArray(), 0);
                if (!Holds(rule.Condition, param, reference))
                {
                    throw Refuse(SessionRule.ParamRuleViolated, index, SessionRefusalText.RuleBroken(guard.Session, key.Action, policy, r, param), policy.Policy, requested: param);
                }

                if (rule.IsLimited)
                {
                    var ruleIndex = r;
                    Add(key with { Rule = r }, param, index, c => SessionRefusalText.LimitExceeded(guard.Session, key.Action, policy, ruleIndex, param, c.Total, c.Limit), policy.Policy);
                }
            }
        }

        private void Time(TimeFramePolicy frame, int? index)
        {
            if (frame.ValidUntil != 0 && (ulong)Math.Max(now, 0) >= frame.ValidUntil)
            {
                throw Refuse(SessionRule.Expired, index, $"the session expired at {Format(frame.ValidUntil)} and the chain time is {Format(now)} (time-frame policy {frame.Policy})", frame.Policy);
            }

            if (now < 0 || (ulong)now < frame.ValidAfter)
            {
                throw Refuse(SessionRule.NotYetValid, index, $"the session is valid only from {Format(frame.ValidAfter)} and the chain time is {Format(now)} (time-frame policy {frame.Policy})", frame.Policy);
            }
        }

        private void Add(LimitKey key, BigInteger amount, int? index, Func<(BigInteger Total, BigInteger Limit), string> reason, Address? policy = null, BigInteger? untrackedLimit = null)
        {
            if (!guard._counters.TryGetValue(key, out var counter))
            {
                // An ERC-20 token the policy does not list: the contract's limit for it is 0, so only zero amounts pass.
                if (amount.IsZero)
                {
                    return;
                }

                var limit0 = untrackedLimit ?? BigInteger.Zero;
                throw Refuse(SessionRule.SpendingLimitExceeded, index, reason((amount, limit0)) + " (the policy does not list this token)", policy, key.Token, limit0, BigInteger.Zero, amount);
            }

            Pending.TryGetValue(key, out var earlier);
            var before = counter.Committed + counter.Reserved + earlier;
            var total = before + amount;
            if (total > counter.Limit)
            {
                throw Refuse(counter.Rule, index, reason((total, counter.Limit)), counter.Policy, counter.Token, counter.Limit, before, amount);
            }

            Pending[key] = earlier + amount;
        }

        private SessionScopeException Refuse(SessionRule rule, int? index, string reason, Address? policy = null, Address? token = null, BigInteger? limit = null, BigInteger? spent = null, BigInteger? requested = null) =>
            new(rule, guard.Session.PermissionId, index, reason, policy, token, limit, spent, requested);

        private static bool Holds(ParamCondition condition, BigInteger param, BigInteger reference) => condition switch
        {
            ParamCondition.Equal => param == reference,
            ParamCondition.GreaterThan => param > reference,
            ParamCondition.LessThan => param < reference,
            ParamCondition.GreaterThanOrEqual => param >= reference,
            ParamCondition.LessThanOrEqual => param <= reference,
            ParamCondition.NotEqual => param != reference,
            ParamCondition.InRange => param >= (reference >> 128) && param <= (reference & UInt128Mask),
            _ => false,
        };

        private static string Format(long seconds) =>
            seconds >= 0 && seconds <= MaxDateSeconds ? $"{DateTimeOffset.FromUnixTimeSeconds(seconds):u} ({seconds})" : $"Unix time {seconds}";

        private static string Format(ulong seconds) => Format((long)seconds);

        private static readonly long MaxDateSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

        private static readonly BigInteger UInt128Mask = (BigInteger.One << 128) - 1;
    }

    /// <summary>A tracked limit's mutable state; changed only under <see cref="Gate"/>.</summary>
    private sealed class Counter(SessionRule rule, Address policy, ActionData? action, BigInteger limit)
    {
        public SessionRule Rule { get; } = rule;

        public Address Policy { get; } = policy;

        public BigInteger Limit { get; } = limit;

        public Address? Token { get; init; }

        public int? ParamRule { get; init; }

        public BigInteger Committed { get; set; }

        public BigInteger Reserved { get; set; }

        public TrackedLimit Describe(LimitKey key) => new(Rule, Policy, action, Token, ParamRule, Limit, Committed, Reserved) { Key = key };
    }
}
