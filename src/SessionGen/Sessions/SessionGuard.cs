using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;
using SessionGen.Abi;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// The pre-flight check of one session on one account: before anything is signed, <see cref="Reserve"/> checks every call of an
/// operation against the session's actions and policies as the chain would, and holds the uses and amounts it needs so that
/// concurrent operations can never together exceed a limit. Thread-safe; keep one instance per (account, session) and process.
/// </summary>
/// <remarks>
/// <para>
/// Counts live in an <see cref="ISessionReservationStore"/> (<see cref="SessionGuardOptions.Store"/>; by default one in memory
/// per guard). Tracking starts at zero, as for a freshly enabled session; after a restart, or when the session is also used
/// elsewhere, seed the counts from the policies' on-chain state with <see cref="Seed"/> (read by <see cref="SessionStateReader"/>),
/// or set them from your own records with <see cref="SetSpent"/>. Guards of several processes that share a store share the
/// session's limits without overspending (see docs/session-lifecycle.md). The chain stays the authority: the guard refuses early
/// and with a reason, it never widens a session.
/// </para>
/// <para>
/// Fail closed: a policy at an address that is not in the <see cref="PolicyAddresses"/> given cannot be evaluated, so every call it
/// would judge is refused (<see cref="SessionRule.PolicyNotCheckable"/>) unless the caller names it in
/// <see cref="SessionGuardOptions.UncheckedPoliciesAllowed"/>; such policies are listed in <see cref="UncheckedPolicies"/>. Times:
/// a time frame is valid from <c>validAfter</c> until, not including, <c>validUntil</c> (0 means no bound); the operation lands
/// in a later block, so check with a fresh chain time.
/// </para>
/// <para>
/// As on chain, a session is the union of what was enabled under its permission id: actions with the same target and selector
/// share one configuration and each policy address appears once in it (enabled again, its init data is the latest one). A call
/// with no action of its own falls under the session's fallback action when it has one. The module's own restrictions beyond
/// the policies (e.g. calls to the SmartSession module itself) are left to the chain.
/// </para>
/// </remarks>
public sealed partial class SessionGuard
{
    private const int MaxReserveAttempts = 10_000;

    private readonly PolicyAddresses _policyAddresses;
    private readonly HashSet<Address> _uncheckedAllowed;
    private readonly ISessionReservationStore _store;
    private SessionPolicy[] _userOpPolicies = [];
    private SessionPolicy[][] _actionPolicies = [];
    private Dictionary<(Address Target, Selector Selector), ActionRules> _actions = new();
    private ActionRules? _fallback;
    private Dictionary<LimitKey, Counter> _counters = new();

    /// <summary>Decodes the session's policies and starts tracking from zero (or from what the store already holds for it).</summary>
    /// <param name="session">The session, as enabled.</param>
    /// <param name="policies">Which policy contract is which kind on this chain, e.g. <see cref="SmartSessionDeployment.Policies"/>.</param>
    /// <param name="options">The store, the account and the policies allowed to stay unchecked; <see langword="null"/> for <see cref="SessionGuardOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">A policy's init data is malformed, or an action-only policy is used as a user-op policy.</exception>
    public SessionGuard(Session session, PolicyAddresses policies, SessionGuardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policies);
        options ??= SessionGuardOptions.Default;
        _policyAddresses = policies;
        _uncheckedAllowed = new HashSet<Address>(options.UncheckedPoliciesAllowed ?? Array.Empty<Address>());
        _store = options.Store ?? new InMemorySessionReservationStore();
        Scope = new SessionScope(options.Account, session.PermissionId);
        Session = session;
        Build(session);
    }

    /// <summary>
    /// The session checked: the one given, or the union of it and the sessions added with <see cref="Include"/>.
    /// </summary>
    public Session Session { get; private set; }

    /// <summary>Whose counts this guard keeps in its store.</summary>
    public SessionScope Scope { get; }

    /// <summary>The session's user-op policies, decoded, one per policy address (the latest init data), in order.</summary>
    public IReadOnlyList<SessionPolicy> UserOpPolicies => Volatile.Read(ref _userOpPolicies);

    /// <summary>The policies of each of <see cref="Session"/>'s actions (same index), decoded from their init data, in order.</summary>
    public IReadOnlyList<IReadOnlyList<SessionPolicy>> ActionPolicies => Volatile.Read(ref _actionPolicies);

    /// <summary>
    /// Policies the guard does not know and so cannot evaluate. Calls they judge are refused unless the policy is named in
    /// <see cref="SessionGuardOptions.UncheckedPoliciesAllowed"/>; then a call that passes <see cref="Reserve"/> may still be refused by
    /// them on chain. Empty when every policy of the session is checked locally.
    /// </summary>
    public IReadOnlyList<UncheckedPolicy> UncheckedPolicies { get; private set; } = [];

    /// <summary>Whether every policy of the session is checked locally (<see cref="UncheckedPolicies"/> is empty).</summary>
    public bool ChecksEveryPolicy => UncheckedPolicies.Count == 0;

    /// <summary>A snapshot of every cumulative limit tracked (ERC-20 tokens listed by a policy, usage, value and parameter limits).</summary>
    public IReadOnlyList<TrackedLimit> Limits
    {
        get
        {
            var ledger = _store.Read(Scope);
            lock (Gate)
            {
                return _counters.Select(c => c.Value.Describe(c.Key, ledger[c.Key.Id])).ToArray();
            }
        }
    }

    internal object Gate { get; } = new();

    /// <summary>
    /// Sets what a limit has already used for good, e.g. after a restart from your records (see also <see cref="Seed"/>).
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
        }

        _store.SetCommitted(Scope, new Dictionary<string, BigInteger> { [limit.Key.Id] = spent });
    }

    /// <summary>
    /// Takes the session's state as the chain holds it (from <see cref="SessionStateReader"/>): each limit's used amount and
    /// its limit, and each time frame, replace what the guard tracked, so that it refuses exactly what the chain would.
    /// Open reservations are kept on top. Limits the state could not read keep their local count.
    /// </summary>
    /// <param name="state">The state of this guard's session on its account.</param>
    /// <exception cref="ArgumentException">The state is of another session.</exception>
    public void Seed(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.PermissionId != Scope.PermissionId)
        {
            throw new ArgumentException($"The state is of session {state.PermissionId}, not of this guard's session {Scope.PermissionId}.", nameof(state));
        }

        var committed = new Dictionary<string, BigInteger>();
        lock (Gate)
        {
            foreach (var limit in state.Limits)
            {
                if (_counters.TryGetValue(limit.Key, out var counter))
                {
                    counter.Limit = limit.Limit;
                    committed[limit.Key.Id] = limit.Used;
                }
            }

            foreach (var frame in state.TimeFrames)
            {
                ReplaceTimeFrame(frame);
            }
        }

        _store.SetCommitted(Scope, committed);
    }

    /// <summary>
    /// Adds what <paramref name="session"/> enables under the same permission id, as the module does when it is enabled again:
    /// new actions and policies join the tracked ones, a policy listed again takes its new init data (its limits), and what was
    /// already counted stays counted (the guard never forgets a spend on its own; <see cref="Seed"/> from the chain to
    /// follow a policy the contract re-initialized).
    /// </summary>
    /// <param name="session">A session with this guard's permission id (validator, its init data and salt).</param>
    /// <exception cref="ArgumentException">Another permission id, or malformed policy init data.</exception>
    public void Include(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.PermissionId != Scope.PermissionId)
        {
            throw new ArgumentException($"Session {session.PermissionId} is not this guard's session {Scope.PermissionId}: a permission id is the validator, its init data and the salt.", nameof(session));
        }

        lock (Gate)
        {
            var union = Union(Session, session);
            Build(union);
            Session = union;
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
        for (var attempt = 0; attempt < MaxReserveAttempts; attempt++)
        {
            var ledger = _store.Read(Scope);
            Dictionary<LimitKey, BigInteger> pending;
            lock (Gate)
            {
                pending = Evaluate(calls, now, ledger);
            }

            var id = Guid.NewGuid();
            if (_store.TryReserve(Scope, ledger.Version, id, pending.ToDictionary(p => p.Key.Id, p => p.Value)))
            {
                return new SessionReservation(this, id, pending);
            }
        }

        throw new InvalidOperationException($"The reservation store kept changing during {MaxReserveAttempts} attempts to reserve for session {Scope.PermissionId}; nothing was held.");
    }

    /// <summary>
    /// Whether the session, with what it has used and what is held, still permits <paramref name="calls"/> as one operation now:
    /// the same check as <see cref="Reserve"/>, holding nothing. When it does not, the answer names the rule that is missing.
    /// </summary>
    /// <param name="calls">The calls the app is about to make.</param>
    /// <param name="chainTime">The chain's time.</param>
    public SessionCoverage Covers(IReadOnlyList<Call> calls, DateTimeOffset chainTime)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 0)
        {
            throw new ArgumentException("calls is empty: an operation makes at least one call.", nameof(calls));
        }

        var ledger = _store.Read(Scope);
        try
        {
            lock (Gate)
            {
                Evaluate(calls, chainTime.ToUnixTimeSeconds(), ledger);
            }

            return SessionCoverage.Covered;
        }
        catch (SessionScopeException refused)
        {
            return SessionCoverage.NotCovered(refused.Rule, refused.Message, refused.CallIndex, refused.Policy, refused.Token);
        }
    }

    /// <summary>Whether <paramref name="session"/> adds nothing to what is tracked.</summary>
    internal bool Includes(Session session)
    {
        lock (Gate)
        {
            return session.PermissionId == Scope.PermissionId && Union(Session, session).Equals(Session);
        }
    }

    internal void Settle(Guid reservation, bool commit) => _store.Settle(Scope, reservation, commit);

    internal bool IsUncheckedAllowed(Address policy) => _uncheckedAllowed.Contains(policy);

    private Dictionary<LimitKey, BigInteger> Evaluate(IReadOnlyList<Call> calls, long now, SessionLedger ledger)
    {
        var check = new Check(this, now, ledger);
        check.UserOperation(calls);
        for (var i = 0; i < calls.Count; i++)
        {
            check.Call(i, calls[i]);
        }

        return check.Pending;
    }

    private static Session Union(Session tracked, Session added)
    {
        var userOp = tracked.UserOpPolicies.ToList();
        foreach (var policy in added.UserOpPolicies)
        {
            userOp.RemoveAll(p => p.Policy == policy.Policy);
            userOp.Add(policy);
        }

        var actions = tracked.Actions.ToList();
        foreach (var action in added.Actions)
        {
            var at = actions.FindIndex(a => a.ActionTarget == action.ActionTarget && a.ActionTargetSelector == action.ActionTargetSelector);
            if (at < 0)
            {
                actions.Add(action);
                continue;
            }

            var policies = actions[at].ActionPolicies.ToList();
            foreach (var policy in action.ActionPolicies)
            {
                policies.RemoveAll(p => p.Policy == policy.Policy);
                policies.Add(policy);
            }

            actions[at] = new ActionData(action.ActionTarget, action.ActionTargetSelector, policies);
        }

        var erc1271 = tracked.Erc7739Policies.Erc1271Policies.Count == 0 ? added.Erc7739Policies : tracked.Erc7739Policies;
        return new Session(tracked.SessionValidator, tracked.SessionValidatorInitData.Span, tracked.Salt, userOp, erc1271, actions, tracked.PermitERC4337Paymaster || added.PermitERC4337Paymaster);
    }

    /// <summary>Decodes <paramref name="session"/> into the model the check runs on; called under <see cref="Gate"/> (or from the constructor).</summary>
    private void Build(Session session)
    {
        var decoded = DecodedSession.Decode(session, _policyAddresses);
        var counters = new Dictionary<LimitKey, Counter>();
        foreach (var policy in decoded.UserOp)
        {
            AddCounters(counters, null, policy);
        }

        foreach (var rules in decoded.Actions)
        {
            foreach (var policy in rules.Policies)
            {
                AddCounters(counters, rules.Action, policy);
            }
        }

        _userOpPolicies = decoded.UserOp;
        _actionPolicies = decoded.PerAction;
        _actions = decoded.Actions.ToDictionary(a => (a.Action.ActionTarget, a.Action.ActionTargetSelector));
        _fallback = _actions.GetValueOrDefault((ActionId.FallbackTarget, ActionId.FallbackSelector));
        _counters = counters;
        UncheckedPolicies = decoded.UserOp.Concat(decoded.Actions.SelectMany(a => a.Policies)).OfType<UncheckedPolicy>().ToArray();

        // A parameter rule's count starts at its init data's "used"; a store that already counts it keeps its count.
        var initial = counters.Where(c => !c.Value.Initial.IsZero).ToDictionary(c => c.Key.Id, c => c.Value.Initial);
        if (initial.Count > 0)
        {
            _store.InitializeCommitted(Scope, initial);
        }
    }

    private void ReplaceTimeFrame(TimeFrameState frame)
    {
        var replacement = new TimeFramePolicy(frame.Policy, frame.ValidUntil, frame.ValidAfter);
        if (frame.Action is null)
        {
            _userOpPolicies = _userOpPolicies.Select(p => p is TimeFramePolicy && p.Policy == frame.Policy ? replacement : p).ToArray();
            return;
        }

        var key = (frame.Action.ActionTarget, frame.Action.ActionTargetSelector);
        if (_actions.TryGetValue(key, out var rules))
        {
            var updated = rules with { Policies = rules.Policies.Select(p => p is TimeFramePolicy && p.Policy == frame.Policy ? replacement : p).ToArray() };
            _actions[key] = updated;
            if (_fallback is not null && key == (ActionId.FallbackTarget, ActionId.FallbackSelector))
            {
                _fallback = updated;
            }
        }
    }

    private static void AddCounters(Dictionary<LimitKey, Counter> counters, ActionData? owner, SessionPolicy policy)
    {
        var key = new LimitKey(owner?.Id, policy.Policy, 0, default);
        switch (policy)
        {
            case UsageLimitPolicy usage:
                counters[key] = new Counter(SessionRule.UsageLimitExceeded, usage.Policy, owner, usage.Limit);
                break;
            case ValueLimitPolicy value:
                counters[key] = new Counter(SessionRule.ValueLimitExceeded, value.Policy, owner, value.Limit);
                break;
            case ERC20SpendingLimitPolicy spending:
                foreach (var token in spending.Limits.Select(l => l.Token).Distinct())
                {
                    counters[key with { Token = token }] = new Counter(SessionRule.SpendingLimitExceeded, spending.Policy, owner, spending.LimitOf(token)) { Token = token };
                }

                break;
            case UniActionPolicy uni:
                for (var r = 0; r < uni.Config.Rules.Count; r++)
                {
                    var rule = uni.Config.Rules[r];
                    if (rule.IsLimited)
                    {
                        counters[key with { Rule = r }] = new Counter(SessionRule.ParamLimitExceeded, uni.Policy, owner, rule.Limit) { Initial = rule.Used, ParamRule = r };
                    }
                }

                break;
        }
    }

    /// <summary>One operation's check: the amounts it would add, per limit, accumulated call by call.</summary>
    private sealed class Check(SessionGuard guard, long now, SessionLedger ledger)
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
                    case UncheckedPolicy @unchecked:
                        Unchecked(@unchecked, null);
                        break;
                    case UsageLimitPolicy usage:
                        Add(new LimitKey(null, usage.Policy, 0, default), BigInteger.One, null, _ => $"the user-op usage limit of policy {usage.Policy} ({usage.Limit} operations) is used up");
                        break;
                    case ValueLimitPolicy value:
                        var total = calls.Aggregate(BigInteger.Zero, (sum, call) => sum + call.Value);
                        Add(new LimitKey(null, value.Policy, 0, default), total, null, c => $"sending {total} wei in this operation would bring the session's native value total to {c.Total}, over its limit of {c.Limit} wei (policy {value.Policy})");
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
            if (!guard._actions.TryGetValue((call.Target, selector), out var action))
            {
                action = guard._fallback ?? throw Refuse(SessionRule.ActionNotPermitted, index, $"the session has no action for target {call.Target} and selector {selector}");
            }

            foreach (var policy in action.Policies)
            {
                Policy(index, call, selector, new LimitKey(action.Action.Id, policy.Policy, 0, default), policy);
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
                case UncheckedPolicy @unchecked:
                    Unchecked(@unchecked, index);
                    break;
            }
        }

        private void Unchecked(UncheckedPolicy policy, int? index)
        {
            if (!guard.IsUncheckedAllowed(policy.Policy))
            {
                throw Refuse(SessionRule.PolicyNotCheckable, index, $"policy {policy.Policy} is no policy kind the guard knows, so it cannot judge the call; name it in SessionGuardOptions.UncheckedPoliciesAllowed to leave it to the chain", policy.Policy);
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
                    throw Refuse(SessionRule.ParamRuleViolated, index, SessionRefusalText.RuleBroken(guard.Session, call, policy, r, param), policy.Policy, requested: param);
                }

                if (rule.IsLimited)
                {
                    var ruleIndex = r;
                    Add(key with { Rule = r }, param, index, c => SessionRefusalText.LimitExceeded(guard.Session, call, policy, ruleIndex, param, c.Total, c.Limit), policy.Policy);
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
            var entry = ledger[key.Id];
            var before = entry.Committed + entry.Reserved + earlier;
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

    /// <summary>A tracked limit's definition; its amounts are in the store. Changed only under <see cref="Gate"/>.</summary>
    private sealed class Counter(SessionRule rule, Address policy, ActionData? action, BigInteger limit)
    {
        public SessionRule Rule { get; } = rule;

        public Address Policy { get; } = policy;

        public BigInteger Limit { get; set; } = limit;

        public Address? Token { get; init; }

        public int? ParamRule { get; init; }

        /// <summary>Where the count starts (a parameter rule's init-data <c>used</c>), else 0.</summary>
        public BigInteger Initial { get; init; }

        public TrackedLimit Describe(LimitKey key, SessionLedgerEntry amounts) => new(Rule, Policy, action, Token, ParamRule, Limit, amounts.Committed, amounts.Reserved) { Key = key };
    }
}
