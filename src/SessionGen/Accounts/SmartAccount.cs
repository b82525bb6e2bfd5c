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

        var deployed = (await EntryPoint.Rpc.SendRequestAsync<string>("eth_getCode", null, Address.ToString(), "latest").ConfigureAwait(false)).Length > 2;
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
            async lane =>
            {
                var operation = await BuildAsync(OwnerValidator, callData, gas, lane, cancellationToken).ConfigureAwait(false);
                var signature = await owner.SignHashAsync(Eip191.HashMessage(EntryPoint.GetUserOpHash(operation)), cancellationToken).ConfigureAwait(false);
                return operation with { Signature = signature.ToArray() };
            },
            gas,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enables sessions on the account's SmartSession module, signed by the owner (deploying the account first if needed).</summary>
    public Task<UserOperationReceipt> EnableSessionsAsync(IReadOnlyList<Session> sessions, IAsyncSigner owner, UserOperationGas? gas = null, CancellationToken cancellationToken = default) =>
        ExecuteAsOwnerAsync([SmartSessionModule.EnableSessions(SmartSessions, sessions)], owner, gas, cancellationToken);

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
    public SessionGuard GetGuard(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var guard = _guards.GetOrAdd(session.PermissionId, _ => new SessionGuard(session, SmartSessions.Policies));
        if (!guard.Session.Equals(session))
        {
            // The same permission id with other policies: a new session was enabled under the same validator data and salt.
            guard = new SessionGuard(session, SmartSessions.Policies);
            _guards[session.PermissionId] = guard;
        }

        return guard;
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

        using var reservation = await ReserveAsync(approval.SessionToEnable, calls, cancellationToken).ConfigureAwait(false);
        return await SendReservedAsync(
            reservation,
            async lane =>
            {
                var operation = await BuildAsync(SmartSessions.SmartSession, callData, gas, lane, cancellationToken).ConfigureAwait(false);
                var signature = await sessionKey.SignHashAsync(EntryPoint.GetUserOpHash(operation), cancellationToken).ConfigureAwait(false);
                return operation with { Signature = SessionSignature.EncodeEnable(approval, signature.ToArray(), SmartSessions.Version) };
            },
            gas,
            cancellationToken).ConfigureAwait(false);
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
        var operation = await BuildAsync(SmartSessions.SmartSession, EncodeExecute(calls), gas, lane, cancellationToken).ConfigureAwait(false);
        if (operation.InitCode.Length > 0)
        {
            throw new InvalidOperationException($"Account {Address} is not deployed yet: the owner must enable the session first (EnableSessionAsync deploys it).");
        }

        var signature = await sessionKey.SignHashAsync(EntryPoint.GetUserOpHash(operation), cancellationToken).ConfigureAwait(false);
        return operation with { Signature = SessionSignature.EncodeUse(session.PermissionId, signature.ToArray(), SmartSessions.Version) };
    }

    private async Task<SessionReservation> ReserveAsync(Session session, IReadOnlyList<Call> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var guard = GetGuard(session);
        var chainTime = await EntryPoint.GetChainTimeAsync(cancellationToken).ConfigureAwait(false);
        return guard.Reserve(calls, chainTime);
    }

    /// <summary>
    /// Sends a checked operation and settles its reservation: committed once the operation was included (even if its
    /// execution reverted, the policies counted it in validation), released when the chain refused it or it was never sent.
    /// </summary>
    private async Task<UserOperationReceipt> SendReservedAsync(SessionReservation reservation, Func<uint, Task<PackedUserOperation>> build, UserOperationGas? gas, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await SendOnLaneAsync(build, gas, cancellationToken).ConfigureAwait(false);
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
            // Sent, outcome unknown: counting it can only refuse early, never overspend.
            reservation.Commit();
            throw;
        }
    }

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

    private async Task<PackedUserOperation> BuildAsync(Address validator, byte[] callData, UserOperationGas? gas, uint lane, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        gas ??= UserOperationGas.Default;
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
            VerificationGasLimit = gas.VerificationGasLimit,
            CallGasLimit = gas.CallGasLimit,
            PreVerificationGas = gas.PreVerificationGas,
            MaxFeePerGas = gas.MaxFeePerGas,
            MaxPriorityFeePerGas = gas.MaxPriorityFeePerGas,
        }.Pack();
    }
}
