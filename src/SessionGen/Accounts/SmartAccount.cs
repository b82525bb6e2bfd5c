using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using SessionGen.Abi;
using SessionGen.Protocol;
using SessionGen.Execution;
using SessionGen.Sessions;
using SessionGen.Signing;
using SessionGen.Transport;
using SessionGen.UserOperations;

namespace SessionGen.Accounts;

/// <summary>
/// An ERC-7579 smart account — the reference account (MSA), Safe 1.4.1 with Safe7579, Nexus or Kernel v3, told apart by
/// its <see cref="AccountKind"/> — with an owner validator and the SmartSession module, used through an
/// <see cref="EntryPointClient"/>. The owner installs the module and enables and removes sessions; an app then executes
/// calls within a session with the session key alone (USE mode). A created account is deployed by its first operation.
/// </summary>
/// <remarks>
/// <para>Every session operation is checked before anything is signed (<see cref="SessionGuard"/>: actions, spending and
/// usage limits, time frame, parameter rules), with the spend of operations in flight counted; a call outside the session
/// throws <see cref="SessionScopeException"/> with the violated rule.</para>
/// <para>Operations may run concurrently: each one in flight gets its own nonce lane (see
/// <see cref="AccountKind.GetNonceKey(Address, uint)"/>), so they never share a nonce nor wait for each other.</para>
/// </remarks>
/// <example>
/// <code>
/// var creation = new AccountCreation(new ModuleInit(ownableValidator, OwnableValidatorInitData.ForOwner(owner.Address)))
/// {
///     OtherValidators = [new ModuleInit(smartSessions.SmartSession, ReadOnlyMemory&lt;byte&gt;.Empty)],
/// };
/// var account = await SmartAccount.CreateAsync(entryPoint, kind, creation, smartSessions);
/// await account.EnableSessionAsync(session, owner);                   // the one owner approval
/// await account.ExecuteAsync(session, usdcTransferToBob, sessionKey);  // no owner prompt
/// </code>
/// </example>
public sealed class SmartAccount
{
    private readonly AccountCreation? _creation;
    private readonly AccountFactoryCall _factoryCall;
    private readonly ConcurrentDictionary<PermissionId, SessionGuard> _guards = new();
    private readonly ConcurrentDictionary<PermissionId, SessionSync> _sync = new();
    private readonly NonceLanes _lanes = new();
    private int _knownDeployed;

    private SmartAccount(EntryPointClient entryPoint, AccountKind kind, Address address, Address ownerValidator, SmartSessionDeployment smartSessions, AccountCreation? creation)
    {
        EntryPoint = entryPoint;
        Kind = kind;
        Address = address;
        OwnerValidator = ownerValidator;
        SmartSessions = smartSessions;
        _creation = creation;
        _factoryCall = creation is null ? default : kind.GetFactoryCall(creation);
    }

    /// <summary>The account's address (counterfactual until <see cref="IsDeployedAsync"/>).</summary>
    public Address Address { get; }

    /// <summary>What kind of account it is: nonce key, ERC-1271 format, factory, module and execute calls.</summary>
    public AccountKind Kind { get; }

    /// <summary>The validator that checks the owner's operations (and the owner's ERC-1271 signatures).</summary>
    public Address OwnerValidator { get; }

    /// <summary>The SmartSession deployment the account installs and enables sessions on.</summary>
    public SmartSessionDeployment SmartSessions { get; }

    /// <summary>The transport.</summary>
    public EntryPointClient EntryPoint { get; }

    /// <summary>
    /// How this account's session guards keep their counts (e.g. a store shared with other app instances) and which unknown
    /// policies they may leave to the chain. Set it before the first session operation; the guards are bound to <see cref="Address"/>.
    /// </summary>
    public SessionGuardOptions GuardOptions { get; set; } = SessionGuardOptions.Default;

    /// <summary>
    /// A new account of <paramref name="kind"/> (constructed with its factory contracts) for <paramref name="creation"/>:
    /// its counterfactual address is computed here; the owner's first operation deploys it. To have sessions right away,
    /// list the SmartSession module in <see cref="AccountCreation.OtherValidators"/>; otherwise install it later with
    /// <see cref="InstallSmartSessionAsync"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The kind knows no factory, or the factory did not answer.</exception>
    public static async Task<SmartAccount> CreateAsync(EntryPointClient entryPoint, AccountKind kind, AccountCreation creation, SmartSessionDeployment smartSessions)
    {
        ArgumentNullException.ThrowIfNull(entryPoint);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(creation);
        ArgumentNullException.ThrowIfNull(smartSessions);
        var address = await kind.GetAddressAsync(entryPoint, creation).ConfigureAwait(false);
        return new SmartAccount(entryPoint, kind, address, creation.OwnerValidator.Module, smartSessions, creation);
    }

    /// <summary>
    /// An account that is already deployed, driven through its owner validator (nothing is sent or read here; an operation
    /// on an address without code throws <see cref="InvalidOperationException"/> before anything is signed).
    /// </summary>
    /// <param name="entryPoint">The transport.</param>
    /// <param name="address">The deployed account.</param>
    /// <param name="kind">Its kind; the layout-only instances (e.g. <see cref="AccountKind.Nexus"/>) suffice.</param>
    /// <param name="ownerValidator">The validator installed on it that checks the owner's signatures.</param>
    /// <param name="smartSessions">The SmartSession deployment it uses (installed or to install).</param>
    public static SmartAccount Attach(EntryPointClient entryPoint, Address address, AccountKind kind, Address ownerValidator, SmartSessionDeployment smartSessions)
    {
        ArgumentNullException.ThrowIfNull(entryPoint);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(smartSessions);
        return new SmartAccount(entryPoint, kind, address, ownerValidator, smartSessions, null);
    }

    /// <summary>Whether the account has code on chain.</summary>
    public async Task<bool> IsDeployedAsync()
    {
        if (Volatile.Read(ref _knownDeployed) == 1)
        {
            return true;
        }

        var code = await JsonRpc.RequestAsync<string>(EntryPoint.Rpc, "eth_getCode", CancellationToken.None, Address.ToString(), "latest").ConfigureAwait(false);
        var deployed = code.Length > 2;
        if (deployed)
        {
            Volatile.Write(ref _knownDeployed, 1);
        }

        return deployed;
    }

    /// <summary>
    /// Installs the SmartSession module on the account (deploying it first if needed), with <paramref name="sessions"/>
    /// enabled at once if any: one operation signed by the owner.
    /// </summary>
    public Task<UserOperationReceipt> InstallSmartSessionAsync(IAsyncSigner owner, IReadOnlyList<Session>? sessions = null, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        var initData = SmartSessionModule.GetInstallData(sessions ?? Array.Empty<Session>(), SmartSessions.Version);
        return ExecuteAsOwnerAsync([Kind.InstallValidator(Address, SmartSessions.SmartSession, initData)], owner, gas, cancellationToken);
    }

    /// <summary>
    /// Uninstalls the SmartSession module: one operation signed by the owner. Where the account keeps validators in a
    /// linked list, the entry before the module is read from the chain first.
    /// </summary>
    /// <exception cref="InvalidOperationException">The module is not installed.</exception>
    public async Task<UserOperationReceipt> UninstallSmartSessionAsync(IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        var call = await Kind.UninstallValidatorAsync(EntryPoint, Address, SmartSessions.SmartSession, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
        return await ExecuteAsOwnerAsync([call], owner, gas, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the SmartSession module is installed on the account (false while it is not deployed).</summary>
    public async Task<bool> IsSmartSessionInstalledAsync() =>
        await IsDeployedAsync().ConfigureAwait(false) && await Kind.IsValidatorInstalledAsync(EntryPoint, Address, SmartSessions.SmartSession).ConfigureAwait(false);

    /// <summary>Runs <paramref name="calls"/> from the account as its owner (the account is deployed first if it is not yet).</summary>
    /// <exception cref="UserOperationRejectedException">The EntryPoint refused the operation.</exception>
    /// <exception cref="UserOperationFailedException">A call reverted.</exception>
    public async Task<UserOperationReceipt> ExecuteAsOwnerAsync(IReadOnlyList<Call> calls, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var callData = EncodeExecute(calls);
        return await SendOnLaneAsync(
            async lane => await EntryPoint.PrepareAsync(
                await BuildAsync(OwnerValidator, callData, lane, cancellationToken).ConfigureAwait(false),
                EntryPointClient.StubEcdsaSignature,
                async (operation, ct) => (await owner.SignHashAsync(Eip191.HashMessage(EntryPoint.GetUserOpHash(operation)), ct).ConfigureAwait(false)).ToArray(),
                gas,
                cancellationToken).ConfigureAwait(false),
            gas,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enables sessions on the account's SmartSession module, signed by the owner (deploying the account first if needed).</summary>
    public async Task<UserOperationReceipt> EnableSessionsAsync(IReadOnlyList<Session> sessions, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        var receipt = await ExecuteAsOwnerAsync([SmartSessionModule.EnableSessions(SmartSessions, sessions)], owner, gas, cancellationToken).ConfigureAwait(false);

        // The module re-initialized the policies of these sessions: their guards read the counts again before the next operation.
        foreach (var session in sessions)
        {
            Sync(session.PermissionId).Seeded = false;
        }

        return receipt;
    }

    /// <summary>Enables one session (see <see cref="EnableSessionsAsync"/>).</summary>
    public Task<UserOperationReceipt> EnableSessionAsync(Session session, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        EnableSessionsAsync([session], owner, gas, cancellationToken);

    /// <summary>Removes a session: its key can do nothing more.</summary>
    public Task<UserOperationReceipt> RemoveSessionAsync(PermissionId permissionId, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        ExecuteAsOwnerAsync([SmartSessionModule.RemoveSession(SmartSessions, permissionId)], owner, gas, cancellationToken);

    /// <summary>Whether the session is enabled on this account (<c>isPermissionEnabled</c>).</summary>
    public async Task<bool> IsPermissionEnabledAsync(PermissionId permissionId)
    {
        var word = await EntryPoint.CallAsync(SmartSessions.SmartSession, SmartSessionModule.EncodeIsPermissionEnabled(permissionId, Address)).ConfigureAwait(false);
        return word.Length == AbiSize.Word && word[^1] == 1;
    }

    /// <summary>Executes one call within an enabled session, signed by the session key only (USE mode).</summary>
    /// <exception cref="SessionScopeException">The call lies outside the session (checked before anything is signed).</exception>
    /// <exception cref="UserOperationRejectedException">The chain refused it in validation (nothing was sent).</exception>
    /// <exception cref="UserOperationFailedException">The call reverted.</exception>
    public Task<UserOperationReceipt> ExecuteAsync(Session session, Call call, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(session, [call], sessionKey, gas, cancellationToken);

    /// <summary>Executes calls (one operation, batch mode for several) within an enabled session, signed by the session key only.</summary>
    /// <exception cref="SessionScopeException">A call lies outside the session (checked before anything is signed).</exception>
    /// <exception cref="UserOperationRejectedException">The chain refused them in validation (nothing was sent).</exception>
    /// <exception cref="UserOperationFailedException">A call reverted.</exception>
    /// <exception cref="UserOperationOutcomeUnknownException">Sent, but its receipt could not be read; its spend stays counted.</exception>
    public async Task<UserOperationReceipt> ExecuteAsync(Session session, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sessionKey);
        using var reservation = await ReserveAsync(session, calls, cancellationToken).ConfigureAwait(false);
        return await SendReservedAsync(
            session.PermissionId,
            reservation,
            lane => BuildUncheckedSessionOperationAsync(session, calls, sessionKey, gas, lane, cancellationToken),
            gas,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The pre-flight guard this account keeps for <paramref name="session"/>: what it has counted so far against the
    /// session's limits (<see cref="SessionGuard.Limits"/>), and where to restore spending after a restart
    /// (<see cref="SessionGuard.SetSpent"/>).
    /// </summary>
    /// <remarks>
    /// The guard starts from what the chain holds: before its first session operation the account reads the session's state
    /// (<see cref="ReadSessionStateAsync"/>) and seeds the guard with it, so a restarted app refuses exactly what the chain would.
    /// A session object with the same permission id but other actions or policies is added to the tracked one, as the module adds
    /// it when it is enabled again (<see cref="SessionGuard.Include"/>); its counts are read again from the chain.
    /// </remarks>
    public SessionGuard GetGuard(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var guard = _guards.GetOrAdd(session.PermissionId, _ => new SessionGuard(session, SmartSessions.Policies, GuardOptions with { Account = Address }));
        if (!guard.Session.Equals(session) && !guard.Includes(session))
        {
            guard.Include(session);
            Sync(session.PermissionId).Seeded = false;
        }

        return guard;
    }

    /// <summary>
    /// Reads <paramref name="session"/>'s state on this account from the chain: enabled or not, each limit's use, time frames
    /// (see <see cref="SessionStateReader"/>).
    /// </summary>
    public Task<SessionState> ReadSessionStateAsync(Session session, CancellationToken cancellationToken = default) =>
        SessionStateReader.ReadAsync(EntryPoint, SmartSessions, Address, session, cancellationToken);

    /// <summary>
    /// Whether the session enabled on this account covers <paramref name="calls"/> now, with what it has used on chain (the
    /// guard is seeded first): when it does, act within it; when it does not, the answer names the missing rule and the app can
    /// ask the owner for a new session.
    /// </summary>
    public async Task<SessionCoverage> CoversAsync(Session session, IReadOnlyList<Call> calls, CancellationToken cancellationToken = default)
    {
        var guard = await GetSeededGuardAsync(session, cancellationToken).ConfigureAwait(false);
        return guard.Covers(calls, await EntryPoint.GetChainTimeAsync(cancellationToken).ConfigureAwait(false));
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
        var deployment = SmartSessions;
        var nonceWord = await EntryPoint.CallAsync(deployment.SmartSession, SmartSessionModule.EncodeGetNonce(session.PermissionId, Address)).ConfigureAwait(false);
        var nonce = nonceWord.Length == AbiSize.Word ? new BigInteger(nonceWord, isUnsigned: true, isBigEndian: true) : BigInteger.Zero;
        var chainDigest = EnableDigest.ForChain(EntryPoint.ChainId, session, Address, nonce, SmartSessionMode.Enable, deployment);
        var digest = EnableDigest.Compute([chainDigest], deployment.Version);
        var signature = await owner.SignHashAsync(Kind.GetErc1271Hash(Address, EntryPoint.ChainId, digest), cancellationToken).ConfigureAwait(false);

        // The module asks account.isValidSignature(digest, sig); the account kind routes sig to the owner validator,
        // which checks it over the digest as the account hands it on (some kinds wrap it first).
        return new EnableSession(0, [chainDigest], session, Kind.FormatErc1271Signature(OwnerValidator, signature.ToArray()));
    }

    /// <summary>
    /// Enables the session the owner approved with <see cref="SignEnableSessionAsync"/> and executes <paramref name="calls"/>
    /// within it, in one operation signed by the session key (ENABLE mode); deploys the account first if needed.
    /// </summary>
    /// <exception cref="SessionScopeException">A call lies outside the session (checked before anything is signed).</exception>
    /// <exception cref="UserOperationRejectedException">The chain refused it (e.g. a stale approval: <c>InvalidEnableSignature</c>).</exception>
    /// <exception cref="UserOperationFailedException">A call reverted.</exception>
    /// <exception cref="InvalidOperationException">
    /// The account is not deployed and its kind cannot check the owner's approval in the operation that deploys it
    /// (<see cref="AccountKind.ChecksErc1271WhileDeploying"/>); nothing was signed.
    /// </exception>
    public async Task<UserOperationReceipt> ExecuteAsync(EnableSession approval, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(sessionKey);
        var callData = EncodeExecute(calls);
        if (!Kind.ChecksErc1271WhileDeploying && !await IsDeployedAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"The {Kind.Name} {Address} is not deployed, and while its first operation runs it cannot check the owner's approval (ERC-1271): " +
                "deploy it first with an owner operation (e.g. EnableSessionAsync, which needs no approval), then use ENABLE mode. Nothing was signed or sent.");
        }

        using var reservation = await ReserveAsync(approval.SessionToEnable, calls, cancellationToken, seed: false).ConfigureAwait(false);

        try
        {
            return await SendReservedAsync(
                approval.SessionToEnable.PermissionId,
                reservation,
                async lane => await EntryPoint.PrepareAsync(
                    await BuildAsync(SmartSessions.SmartSession, callData, lane, cancellationToken).ConfigureAwait(false),
                    SessionSignature.EncodeEnable(approval, EntryPointClient.StubEcdsaSignature.Span, SmartSessions.Version),
                    async (operation, ct) => SessionSignature.EncodeEnable(approval, (await sessionKey.SignHashAsync(EntryPoint.GetUserOpHash(operation), ct).ConfigureAwait(false)).ToArray(), SmartSessions.Version),
                    gas,
                    cancellationToken).ConfigureAwait(false),
                gas,
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The operation (re-)initialized the session's policies on chain: the guard reads their counts before the next operation.
            Sync(approval.SessionToEnable.PermissionId).Seeded = false;
        }
    }

    /// <summary>
    /// Builds and signs (without sending) a USE-mode operation for <paramref name="calls"/> within <paramref name="session"/>,
    /// on nonce lane 0, after the same pre-flight check as <see cref="ExecuteAsync(Session, IReadOnlyList{Call}, IAsyncSigner, UserOperationGas?, CancellationToken)"/>
    /// (nothing is counted against the session's limits: the operation may never be sent).
    /// </summary>
    /// <exception cref="SessionScopeException">A call lies outside the session (checked before anything is signed).</exception>
    public async Task<PackedUserOperation> BuildSessionOperationAsync(Session session, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sessionKey);
        using (await ReserveAsync(session, calls, cancellationToken).ConfigureAwait(false))
        {
            return await BuildUncheckedSessionOperationAsync(session, calls, sessionKey, gas, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Builds and signs a USE-mode operation WITHOUT the pre-flight check. Test-only (internal): it exists to show that the
    /// chain's own policies refuse what the pre-flight check refuses.
    /// </summary>
    internal async Task<PackedUserOperation> BuildUncheckedSessionOperationAsync(Session session, IReadOnlyList<Call> calls, IAsyncSigner sessionKey, UserOperationGas? gas, uint lane, CancellationToken cancellationToken)
    {
        var draft = await BuildAsync(SmartSessions.SmartSession, EncodeExecute(calls), lane, cancellationToken).ConfigureAwait(false);
        if (draft.Factory is not null)
        {
            throw new InvalidOperationException($"Account {Address} is not deployed yet: the owner must enable the session first (EnableSessionAsync deploys it).");
        }

        return await EntryPoint.PrepareAsync(
            draft,
            SessionSignature.EncodeUse(session.PermissionId, EntryPointClient.StubEcdsaSignature.Span, SmartSessions.Version),
            async (operation, ct) => SessionSignature.EncodeUse(session.PermissionId, (await sessionKey.SignHashAsync(EntryPoint.GetUserOpHash(operation), ct).ConfigureAwait(false)).ToArray(), SmartSessions.Version),
            gas,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<SessionReservation> ReserveAsync(Session session, IReadOnlyList<Call> calls, CancellationToken cancellationToken, bool seed = true)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var guard = seed ? await GetSeededGuardAsync(session, cancellationToken).ConfigureAwait(false) : GetGuard(session);
        var chainTime = await EntryPoint.GetChainTimeAsync(cancellationToken).ConfigureAwait(false);
        return guard.Reserve(calls, chainTime);
    }

    /// <summary>
    /// Sends a checked operation and settles its reservation: committed once the operation was included (even if its
    /// execution reverted, the policies counted it in validation), released when the chain refused it or it was never sent.
    /// </summary>
    private async Task<UserOperationReceipt> SendReservedAsync(PermissionId permissionId, SessionReservation reservation, Func<uint, Task<PackedUserOperation>> build, UserOperationGas? gas, CancellationToken cancellationToken)
    {
        PackedUserOperation? sent = null;
        try
        {
            var receipt = await SendOnLaneAsync(async lane => sent = await build(lane).ConfigureAwait(false), gas, cancellationToken).ConfigureAwait(false);
            reservation.Commit();
            return receipt;
        }
        catch (UserOperationFailedException)
        {
            reservation.Commit();
            throw;
        }
        catch (UserOperationOutcomeUnknownException)
        {
            // Sent, outcome unknown: counting it can only refuse early, never overspend. The next session operation reconciles
            // it from the chain once its nonce shows that it landed (GetSeededGuardAsync).
            reservation.Commit();
            if (sent is not null)
            {
                Sync(permissionId).Unknown.Enqueue(sent.Nonce);
            }

            throw;
        }
    }

    /// <summary>
    /// The guard of <paramref name="session"/>, seeded from the chain when it has not been yet (or the module re-initialized the
    /// session's policies since), and reconciled once every operation whose outcome was unknown has landed.
    /// </summary>
    private async Task<SessionGuard> GetSeededGuardAsync(Session session, CancellationToken cancellationToken)
    {
        var guard = GetGuard(session);
        var sync = Sync(session.PermissionId);
        if (sync.Seeded && sync.Unknown.IsEmpty)
        {
            return guard;
        }

        await sync.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!sync.Unknown.IsEmpty)
            {
                // An operation whose outcome was unknown has landed once its nonce is used (the EntryPoint uses the nonce of an
                // included operation only): then the chain's counts hold it. Until then it may still land and stays counted here.
                foreach (var nonce in sync.Unknown.ToArray())
                {
                    if (await EntryPoint.GetNonceAsync(Address, nonce >> 64).ConfigureAwait(false) <= nonce)
                    {
                        return guard;
                    }
                }

                sync.Unknown.Clear();
                sync.Seeded = false;
            }

            if (!sync.Seeded)
            {
                guard.Seed(await ReadSessionStateAsync(guard.Session, cancellationToken).ConfigureAwait(false));
                sync.Seeded = true;
            }
        }
        finally
        {
            sync.Lock.Release();
        }

        return guard;
    }

    private SessionSync Sync(PermissionId permissionId) => _sync.GetOrAdd(permissionId, _ => new SessionSync());

    /// <summary>Builds, signs and sends an operation on a nonce lane of its own, returned once its outcome is known.</summary>
    private async Task<UserOperationReceipt> SendOnLaneAsync(Func<uint, Task<PackedUserOperation>> build, UserOperationGas? gas, CancellationToken cancellationToken)
    {
        var lane = _lanes.Rent();
        var outcomeKnown = true;
        try
        {
            var operation = await build(lane).ConfigureAwait(false);
            return await EntryPoint.SendAsync(operation, gas, cancellationToken).ConfigureAwait(false);
        }
        catch (UserOperationOutcomeUnknownException)
        {
            // The operation may still land on this lane: never hand it out again.
            outcomeKnown = false;
            throw;
        }
        finally
        {
            if (outcomeKnown)
            {
                _lanes.Return(lane);
            }
        }
    }

    private byte[] EncodeExecute(IReadOnlyList<Call> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return Kind.EncodeExecute(calls);
    }

    /// <summary>The operation without gas, fees or signature: <see cref="EntryPointClient.PrepareAsync"/> fills those.</summary>
    private async Task<UserOperation> BuildAsync(Address validator, byte[] callData, uint lane, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deployed = await IsDeployedAsync().ConfigureAwait(false);
        if (!deployed && _creation is null)
        {
            throw new InvalidOperationException($"The attached account {Address} has no code on chain.");
        }

        // The owner validator may be special to the account (Kernel's root validator has its own nonce type).
        var key = validator == OwnerValidator ? Kind.GetOwnerNonceKey(validator, lane) : Kind.GetNonceKey(validator, lane);
        var nonce = await EntryPoint.GetNonceAsync(Address, key).ConfigureAwait(false);
        return new UserOperation
        {
            Sender = Address,
            Nonce = nonce,
            Factory = deployed ? null : _factoryCall.Factory,
            FactoryData = deployed ? default : _factoryCall.Data,
            CallData = deployed ? callData : Kind.EncodeDeployingCallData(_creation!, callData),
        };
    }

    /// <summary>Whether a session's guard holds the chain's counts, and the nonces of its operations whose outcome is unknown.</summary>
    private sealed class SessionSync
    {
        private volatile bool _seeded;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public ConcurrentQueue<BigInteger> Unknown { get; } = new();

        public bool Seeded
        {
            get => _seeded;
            set => _seeded = value;
        }
    }
}
