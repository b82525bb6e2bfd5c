using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Protocol;
using SessionGen.Sessions;
using SessionGen.Execution;
using SessionGen.Signing;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Accounts;

/// <summary>
/// An ERC-7579 reference account (MSA) with an owner validator and a SmartSession module, used through an
/// <see cref="EntryPointClient"/>. The owner enables and removes sessions; an app then executes calls within a
/// session with the session key alone (USE mode). The account is deployed by the owner's first operation.
/// </summary>
/// <example>
/// <code>
/// var account = await SmartAccount.CreateAsync(entryPoint, setup);
/// await account.EnableSessionAsync(session, owner);                   // the one owner approval
/// await account.ExecuteAsync(session, usdcTransferToBob, sessionKey);  // no owner prompt
/// </code>
/// </example>
public sealed class SmartAccount
{
    private readonly byte[] _initCode;

    private SmartAccount(EntryPointClient entryPoint, ReferenceAccountSetup setup, Address address, byte[] initCode)
    {
        EntryPoint = entryPoint;
        Setup = setup;
        Address = address;
        _initCode = initCode;
    }

    /// <summary>The account's address (counterfactual until <see cref="IsDeployedAsync"/>).</summary>
    public Address Address { get; }

    /// <summary>How the account was set up.</summary>
    public ReferenceAccountSetup Setup { get; }

    /// <summary>How the account picks the validator for an operation (the nonce key).</summary>
    public AccountKind Kind => AccountKind.Erc7579Reference;

    /// <summary>The transport.</summary>
    public EntryPointClient EntryPoint { get; }

    /// <summary>
    /// The account for <paramref name="setup"/>: its counterfactual address comes from the factory's <c>getAddress</c>,
    /// for init data that installs the owner validator and the SmartSession module.
    /// </summary>
    public static async Task<SmartAccount> CreateAsync(EntryPointClient entryPoint, ReferenceAccountSetup setup)
    {
        ArgumentNullException.ThrowIfNull(entryPoint);
        ArgumentNullException.ThrowIfNull(setup);
        var ownerInitData = new byte[AbiSize.Word];
        new AbiWriter(ownerInitData, 0, AbiSize.Word).WriteAddress(setup.Owner);
        var accountInitData = ReferenceAccountFactory.EncodeAccountInitData(
            setup.Bootstrap,
            [new ModuleInit(setup.OwnerValidator, ownerInitData), new ModuleInit(setup.SmartSessions.SmartSession, ReadOnlyMemory<byte>.Empty)]);
        var word = await entryPoint.CallAsync(setup.Factory, ReferenceAccountFactory.EncodeGetAddress(setup.Salt, accountInitData)).ConfigureAwait(false);
        if (word.Length != AbiSize.Word)
        {
            throw new InvalidOperationException($"The factory at {setup.Factory} answered getAddress with {word.Length} bytes (no factory there?).");
        }

        var address = new Address(word.AsSpan(12, Address.Length));
        return new SmartAccount(entryPoint, setup, address, ReferenceAccountFactory.EncodeInitCode(setup.Factory, setup.Salt, accountInitData));
    }

    /// <summary>Whether the account has code on chain.</summary>
    public async Task<bool> IsDeployedAsync() =>
        (await EntryPoint.Rpc.SendRequestAsync<string>("eth_getCode", null, Address.ToString(), "latest").ConfigureAwait(false)).Length > 2;

    /// <summary>Runs <paramref name="calls"/> from the account as its owner (the account is deployed first if it is not yet).</summary>
    /// <exception cref="UserOperationRejectedException">The EntryPoint refused the operation.</exception>
    /// <exception cref="UserOperationFailedException">A call reverted.</exception>
    public async Task<UserOperationReceipt> ExecuteAsOwnerAsync(IReadOnlyList<Call> calls, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var operation = await BuildAsync(Setup.OwnerValidator, EncodeExecute(calls), gas, cancellationToken).ConfigureAwait(false);
        var signature = await owner.SignHashAsync(Eip191.HashMessage(EntryPoint.GetUserOpHash(operation)), cancellationToken).ConfigureAwait(false);
        return await EntryPoint.SendAsync(operation with { Signature = signature.ToArray() }, gas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enables sessions on the account's SmartSession module, signed by the owner (deploying the account first if needed).</summary>
    public Task<UserOperationReceipt> EnableSessionsAsync(IReadOnlyList<Session> sessions, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        ExecuteAsOwnerAsync([SmartSessionModule.EnableSessions(Setup.SmartSessions, sessions)], owner, gas, cancellationToken);

    /// <summary>Enables one session (see <see cref="EnableSessionsAsync"/>).</summary>
    public Task<UserOperationReceipt> EnableSessionAsync(Session session, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        EnableSessionsAsync([session], owner, gas, cancellationToken);

    /// <summary>Removes a session: its key can do nothing more.</summary>
    public Task<UserOperationReceipt> RemoveSessionAsync(PermissionId permissionId, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        ExecuteAsOwnerAsync([SmartSessionModule.RemoveSession(Setup.SmartSessions, permissionId)], owner, gas, cancellationToken);

    /// <summary>Whether the session is enabled on this account (<c>isPermissionEnabled</c>).</summary>
    public async Task<bool> IsPermissionEnabledAsync(PermissionId permissionId)
    {
        var word = await EntryPoint.CallAsync(Setup.SmartSessions.SmartSession, SmartSessionModule.EncodeIsPermissionEnabled(permissionId, Address)).ConfigureAwait(false);
        return word.Length == AbiSize.Word && word[^1] == 1;
    }

    /// <summary>Executes one call within an enabled session, signed by the session key only (USE mode).</summary>
    /// <exception cref="UserOperationRejectedException">The session does not allow it (e.g. <c>PolicyViolation</c>, <c>NoPoliciesSet</c>, or expired: <c>AA22</c>).</exception>
    /// <exception cref="UserOperationFailedException">The call reverted.</exception>
    public Task<UserOperationReceipt> ExecuteAsync(Session session, Call call, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(session, [call], sessionKey, gas, cancellationToken);

    /// <summary>Executes calls (one operation, batch mode for several) within an enabled session, signed by the session key only.</summary>
    /// <exception cref="UserOperationRejectedException">The session does not allow them.</exception>
    /// <exception cref="UserOperationFailedException">A call reverted.</exception>
    public async Task<UserOperationReceipt> ExecuteAsync(Session session, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        var operation = await BuildSessionOperationAsync(session, calls, sessionKey, gas, cancellationToken).ConfigureAwait(false);
        return await EntryPoint.SendAsync(operation, gas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The owner's approval of <paramref name="session"/> on this account, signed offline (no transaction): the owner
    /// signs the SmartSession enable digest (nonce from the module's <c>getNonce</c>, chain binding inside), and the app
    /// sends it with its first operation in ENABLE mode (<see cref="ExecuteAsync(EnableSession, IReadOnlyList{Call}, IAsyncSigner, UserOperationGas?, CancellationToken)"/>).
    /// Works before the account exists: that operation deploys it. One approval enables once (the nonce moves on).
    /// </summary>
    public async Task<EnableSession> SignEnableSessionAsync(Session session, IAsyncSigner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(owner);
        var deployment = Setup.SmartSessions;
        var nonceWord = await EntryPoint.CallAsync(deployment.SmartSession, SmartSessionModule.EncodeGetNonce(session.PermissionId, Address)).ConfigureAwait(false);
        var nonce = nonceWord.Length == AbiSize.Word ? new BigInteger(nonceWord, isUnsigned: true, isBigEndian: true) : BigInteger.Zero;
        var chainDigest = EnableDigest.ForChain(EntryPoint.ChainId, session, Address, nonce, SmartSessionMode.Enable, deployment);
        var digest = EnableDigest.Compute([chainDigest], deployment.Version);
        var signature = await owner.SignHashAsync(digest, cancellationToken).ConfigureAwait(false);

        // For the reference account the module asks account.isValidSignature(digest, validator ‖ signature), and the
        // account hands the signature to that validator, which checks it over the raw digest.
        var permissionEnableSig = new byte[Address.Length + EcdsaSignature.Length];
        Setup.OwnerValidator.WriteTo(permissionEnableSig);
        signature.WriteTo(permissionEnableSig.AsSpan(Address.Length));
        return new EnableSession(0, [chainDigest], session, permissionEnableSig);
    }

    /// <summary>
    /// Enables the session the owner approved with <see cref="SignEnableSessionAsync"/> and executes <paramref name="calls"/>
    /// within it, in one operation signed by the session key (ENABLE mode); deploys the account first if needed.
    /// </summary>
    /// <exception cref="SessionCallNotPermittedException">A call is not among the session's actions (checked before signing).</exception>
    /// <exception cref="UserOperationRejectedException">The chain refused it (e.g. a stale approval: <c>InvalidEnableSignature</c>).</exception>
    /// <exception cref="UserOperationFailedException">A call reverted.</exception>
    public async Task<UserOperationReceipt> ExecuteAsync(EnableSession approval, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(sessionKey);
        EnsurePermitted(approval.SessionToEnable, calls);
        var operation = await BuildAsync(Setup.SmartSessions.SmartSession, EncodeExecute(calls), gas, cancellationToken).ConfigureAwait(false);
        var signature = await sessionKey.SignHashAsync(EntryPoint.GetUserOpHash(operation), cancellationToken).ConfigureAwait(false);
        var signed = operation with { Signature = SessionSignature.EncodeEnable(approval, signature.ToArray(), Setup.SmartSessions.Version) };
        return await EntryPoint.SendAsync(signed, gas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Executes calls within <paramref name="guard"/>'s session after its full pre-flight check: actions, time frame and
    /// every tracked limit are checked against the chain's time before anything is signed, and the amounts are held while
    /// the operation is in flight (so concurrent operations cannot together pass a limit). The reservation is committed
    /// once the operation is included — also when its execution reverted, since the policies counted it in validation —
    /// and released when the chain refused it.
    /// </summary>
    /// <exception cref="SessionScopeException">The guard refuses the calls (nothing was signed or sent).</exception>
    /// <exception cref="UserOperationRejectedException">The chain refused the operation.</exception>
    /// <exception cref="UserOperationFailedException">A call reverted.</exception>
    public async Task<UserOperationReceipt> ExecuteAsync(SessionGuard guard, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guard);
        var latest = await EntryPoint.Rpc.SendRequestAsync<Nethereum.RPC.Eth.DTOs.BlockWithTransactionHashes>(
            "eth_getBlockByNumber", null, Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest(), false).ConfigureAwait(false);
        using var reservation = guard.Reserve(calls, DateTimeOffset.FromUnixTimeSeconds((long)latest.Timestamp.Value));
        try
        {
            var receipt = await ExecuteAsync(guard.Session, calls, sessionKey, gas, cancellationToken).ConfigureAwait(false);
            reservation.Commit();
            return receipt;
        }
        catch (UserOperationFailedException)
        {
            reservation.Commit();
            throw;
        }
    }

    /// <summary>Builds and signs (without sending) a USE-mode operation for <paramref name="calls"/> within <paramref name="session"/>.</summary>
    /// <exception cref="SessionCallNotPermittedException">A call is not among the session's actions (checked before signing).</exception>
    public async Task<PackedUserOperation> BuildSessionOperationAsync(Session session, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sessionKey);
        EnsurePermitted(session, calls);
        return await BuildUncheckedSessionOperationAsync(session, calls, sessionKey, gas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="BuildSessionOperationAsync"/> without the pre-flight check: for tests that show the chain's own refusal.</summary>
    internal async Task<PackedUserOperation> BuildUncheckedSessionOperationAsync(Session session, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas, CancellationToken cancellationToken)
    {
        var operation = await BuildAsync(Setup.SmartSessions.SmartSession, EncodeExecute(calls), gas, cancellationToken).ConfigureAwait(false);
        if (operation.InitCode.Length > 0)
        {
            throw new InvalidOperationException($"Account {Address} is not deployed yet: the owner must enable the session first (EnableSessionAsync deploys it).");
        }

        var signature = await sessionKey.SignHashAsync(EntryPoint.GetUserOpHash(operation), cancellationToken).ConfigureAwait(false);
        return operation with { Signature = SessionSignature.EncodeUse(session.PermissionId, signature.ToArray(), Setup.SmartSessions.Version) };
    }

    /// <summary>
    /// The pre-flight check: every call must match one of the session's actions (target and selector, 0xFFFFFFFF for a
    /// value-only call), unless the session has the fallback action. Policies (limits, time) are left to the chain,
    /// whose simulation reports them before anything is sent.
    /// </summary>
    private static void EnsurePermitted(Session session, IReadOnlyList<Call> calls)
    {
        if (calls is null || calls.Count == 0)
        {
            throw new ArgumentException("An operation needs at least one call.", nameof(calls));
        }

        var hasFallback = false;
        foreach (var action in session.Actions)
        {
            hasFallback |= action.IsFallback;
        }

        for (var i = 0; i < calls.Count && !hasFallback; i++)
        {
            var id = ActionId.ForCall(calls[i]);
            var permitted = false;
            foreach (var action in session.Actions)
            {
                permitted |= action.Id == id;
            }

            if (!permitted)
            {
                throw new SessionCallNotPermittedException(session.PermissionId, i, calls[i]);
            }
        }
    }

    private static byte[] EncodeExecute(IReadOnlyList<Call> calls) =>
        calls is { Count: 1 } ? Erc7579Execution.EncodeExecute(calls[0]) : Erc7579Execution.EncodeExecuteBatch(calls);

    private async Task<PackedUserOperation> BuildAsync(Address validator, byte[] callData, UserOperationGas? gas, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        gas ??= UserOperationGas.Default;
        var deployed = await IsDeployedAsync().ConfigureAwait(false);
        var nonce = await EntryPoint.GetNonceAsync(Address, Kind.GetNonceKey(validator)).ConfigureAwait(false);
        return new UserOperation
        {
            Sender = Address,
            Nonce = nonce,
            Factory = deployed ? null : Setup.Factory,
            FactoryData = deployed ? default : _initCode.AsMemory(Address.Length),
            CallData = callData,
            VerificationGasLimit = gas.VerificationGasLimit,
            CallGasLimit = gas.CallGasLimit,
            PreVerificationGas = gas.PreVerificationGas,
            MaxFeePerGas = gas.MaxFeePerGas,
            MaxPriorityFeePerGas = gas.MaxPriorityFeePerGas,
        }.Pack();
    }
}
