using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Protocol;
using SessionGen.Transport;

namespace SessionGen.Sessions;

/// <summary>
/// Reads a session's state from the chain (<see cref="SessionState"/>): <c>isPermissionEnabled</c> from the module, and each
/// policy's configuration and counts from the policy's own view functions, under the config id the module gives it.
/// </summary>
/// <remarks>
/// <para>
/// The getters are those of the erc7579/smartsessions policies (the same signatures for both module generations, whose
/// config ids are derived alike): <c>getTimeFrameConfig(bytes32,address,address)</c>,
/// <c>getUsageLimit</c>/<c>getUsed(bytes32,address,address)</c>, <c>getValueLimit</c>/<c>getUsed(bytes32,address,address)</c> and
/// <c>getPolicyData(bytes32,address,address token,address)</c>. A policy without them (e.g. an October 2024 build of the ERC-20
/// policy), a UniActionPolicy with cumulative parameter rules (its counts have no getter) and an unknown policy are listed in
/// <see cref="SessionState.Unread"/>; a guard seeded with the state keeps its own count for them.
/// </para>
/// <para>Config ids: a user-op policy's is <c>keccak256(account ‖ permissionId)</c>, an action policy's
/// <c>keccak256(account ‖ keccak256(permissionId ‖ actionId))</c>; the multiplexer is the SmartSession module.</para>
/// </remarks>
public static class SessionStateReader
{
    private static readonly Selector GetTimeFrameConfig = Selector.FromSignature("getTimeFrameConfig(bytes32,address,address)");
    private static readonly Selector GetUsageLimit = Selector.FromSignature("getUsageLimit(bytes32,address,address)");
    private static readonly Selector GetValueLimit = Selector.FromSignature("getValueLimit(bytes32,address,address)");
    private static readonly Selector GetUsed = Selector.FromSignature("getUsed(bytes32,address,address)");
    private static readonly Selector GetPolicyData = Selector.FromSignature("getPolicyData(bytes32,address,address,address)");

    /// <summary>Reads the state of <paramref name="session"/> on <paramref name="account"/>.</summary>
    /// <param name="chain">The chain to read (<c>eth_call</c> at the latest block).</param>
    /// <param name="deployment">The module and policy addresses.</param>
    /// <param name="account">The smart account.</param>
    /// <param name="session">The session: which policies to read, and the tokens of its spending limits.</param>
    /// <param name="cancellationToken">Stops between reads.</param>
    /// <exception cref="ArgumentException">A policy's init data in <paramref name="session"/> is malformed.</exception>
    public static async Task<SessionState> ReadAsync(EntryPointClient chain, SmartSessionDeployment deployment, Address account, Session session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(session);
        var decoded = DecodedSession.Decode(session, deployment.Policies);
        var chainTime = await chain.GetChainTimeAsync(cancellationToken).ConfigureAwait(false);
        var enabledWord = await chain.CallAsync(deployment.SmartSession, SmartSessionModule.EncodeIsPermissionEnabled(session.PermissionId, account)).ConfigureAwait(false);
        var enabled = enabledWord.Length == AbiSize.Word && enabledWord[^1] == 1;

        var read = new Reader(chain, deployment.SmartSession, account, cancellationToken);
        var userOpConfig = ConfigId(account, session.PermissionId.Value);
        foreach (var policy in decoded.UserOp)
        {
            await read.PolicyAsync(policy, null, userOpConfig).ConfigureAwait(false);
        }

        foreach (var rules in decoded.Actions)
        {
            var config = ConfigId(account, ActionPolicyId(session.PermissionId, rules.Action.Id));
            foreach (var policy in rules.Policies)
            {
                await read.PolicyAsync(policy, rules.Action, config).ConfigureAwait(false);
            }
        }

        return new SessionState(session.PermissionId, account, enabled, chainTime, read.Limits, read.TimeFrames, read.Unread);
    }

    /// <summary><c>keccak256(abi.encodePacked(account, id))</c>: the config id the module passes to a policy.</summary>
    internal static Bytes32 ConfigId(Address account, Bytes32 id)
    {
        Span<byte> packed = stackalloc byte[Address.Length + AbiSize.Word];
        account.WriteTo(packed);
        id.WriteTo(packed[Address.Length..]);
        return Keccak256.Hash(packed);
    }

    private static Bytes32 ActionPolicyId(PermissionId permissionId, ActionId actionId)
    {
        Span<byte> packed = stackalloc byte[2 * AbiSize.Word];
        permissionId.Value.WriteTo(packed);
        actionId.Value.WriteTo(packed[AbiSize.Word..]);
        return Keccak256.Hash(packed);
    }

    private sealed class Reader(EntryPointClient chain, Address multiplexer, Address account, CancellationToken cancellationToken)
    {
        public List<LimitState> Limits { get; } = new();

        public List<TimeFrameState> TimeFrames { get; } = new();

        public List<UnreadPolicyState> Unread { get; } = new();

        public async Task PolicyAsync(SessionPolicy policy, ActionData? action, Bytes32 config)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (policy)
            {
                case SudoPolicy:
                    break;
                case TimeFramePolicy:
                    var frame = await WordAsync(policy.Policy, GetTimeFrameConfig, config).ConfigureAwait(false);
                    if (frame is null)
                    {
                        Unread.Add(new UnreadPolicyState(policy.Policy, action, "it has no getTimeFrameConfig"));
                    }
                    else if (frame.Value.IsZero)
                    {
                        Unread.Add(new UnreadPolicyState(policy.Policy, action, "no time frame is configured for this session on chain"));
                    }
                    else
                    {
                        TimeFrames.Add(new TimeFrameState(policy.Policy, action, (ulong)((frame.Value >> 48) & MaxUInt48), (ulong)(frame.Value & MaxUInt48)));
                    }

                    break;
                case UsageLimitPolicy:
                    await LimitAsync(SessionRule.UsageLimitExceeded, policy.Policy, action, config, GetUsageLimit, "getUsageLimit/getUsed").ConfigureAwait(false);
                    break;
                case ValueLimitPolicy:
                    await LimitAsync(SessionRule.ValueLimitExceeded, policy.Policy, action, config, GetValueLimit, "getValueLimit/getUsed").ConfigureAwait(false);
                    break;
                case ERC20SpendingLimitPolicy spending:
                    foreach (var token in Tokens(spending))
                    {
                        var (output, revert) = await chain.TryCallAsync(policy.Policy, Encode(GetPolicyData, config, multiplexer, token, account)).ConfigureAwait(false);
                        if (output is { Length: >= 3 * AbiSize.Word })
                        {
                            var limit = SessionPolicyDecoder.Word(output, 0);
                            var used = SessionPolicyDecoder.Word(output, AbiSize.Word) + SessionPolicyDecoder.Word(output, 2 * AbiSize.Word);
                            Limits.Add(new LimitState(SessionRule.SpendingLimitExceeded, policy.Policy, action, token, limit, used));
                        }
                        else if (revert is not null)
                        {
                            // getPolicyData reverts for a token the policy has no limit for (here): the chain refuses any amount of it.
                            Limits.Add(new LimitState(SessionRule.SpendingLimitExceeded, policy.Policy, action, token, BigInteger.Zero, BigInteger.Zero));
                        }
                        else
                        {
                            Unread.Add(new UnreadPolicyState(policy.Policy, action, $"it has no getPolicyData (token {token})"));
                        }
                    }

                    break;
                case UniActionPolicy uni:
                    foreach (var rule in uni.Config.Rules)
                    {
                        if (rule.IsLimited)
                        {
                            Unread.Add(new UnreadPolicyState(policy.Policy, action, "a UniActionPolicy has no getter for the counts of its cumulative parameter rules"));
                            break;
                        }
                    }

                    break;
                default:
                    Unread.Add(new UnreadPolicyState(policy.Policy, action, "no known policy kind is deployed at this address"));
                    break;
            }
        }

        private async Task LimitAsync(SessionRule rule, Address policy, ActionData? action, Bytes32 config, Selector getLimit, string getters)
        {
            var limit = await WordAsync(policy, getLimit, config).ConfigureAwait(false);
            var used = await WordAsync(policy, GetUsed, config).ConfigureAwait(false);
            if (limit is null || used is null)
            {
                Unread.Add(new UnreadPolicyState(policy, action, $"it has no {getters}"));
                return;
            }

            Limits.Add(new LimitState(rule, policy, action, null, limit.Value, used.Value));
        }

        private async Task<BigInteger?> WordAsync(Address policy, Selector getter, Bytes32 config)
        {
            var (output, _) = await chain.TryCallAsync(policy, Encode(getter, config, multiplexer, account)).ConfigureAwait(false);
            return output is { Length: >= AbiSize.Word } ? SessionPolicyDecoder.Word(output, 0) : null;
        }

        private static IEnumerable<Address> Tokens(ERC20SpendingLimitPolicy spending)
        {
            var seen = new HashSet<Address>();
            foreach (var limit in spending.Limits)
            {
                if (seen.Add(limit.Token))
                {
                    yield return limit.Token;
                }
            }
        }

        private static byte[] Encode(Selector selector, Bytes32 config, params Address[] addresses)
        {
            var buffer = new byte[4 + ((1 + addresses.Length) * AbiSize.Word)];
            selector.WriteTo(buffer);
            var writer = new AbiWriter(buffer, 4, (1 + addresses.Length) * AbiSize.Word);
            writer.WriteBytes32(config);
            foreach (var address in addresses)
            {
                writer.WriteAddress(address);
            }

            return buffer;
        }
    }

    private static readonly BigInteger MaxUInt48 = (BigInteger.One << 48) - 1;
}
