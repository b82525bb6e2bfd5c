using System;
using System.Collections.Generic;

namespace SessionGen.Protocol;

/// <summary>
/// A session as the SmartSession module stores it: who signs (a session validator and its init data), what it
/// may do (actions with their policies, user-op policies, ERC-1271 signing) and a salt that tells apart sessions
/// with the same signer (<c>struct Session</c>). Immutable, compared by value.
/// </summary>
/// <remarks>
/// The legacy module has no <see cref="PermitERC4337Paymaster"/> and no app domains in its ERC-7739 content; encoding
/// a session that uses either for <see cref="SmartSessionVersion.Legacy"/> is an error, never a silent drop.
/// </remarks>
public sealed class Session : IEquatable<Session>
{
    private readonly byte[] _sessionValidatorInitData;

    /// <summary>Creates a session.</summary>
    /// <param name="sessionValidator">The stateless validator that checks the session key's signatures (ERC-7579 module type 7).</param>
    /// <param name="sessionValidatorInitData">Its data for this session, e.g. from <see cref="SessionValidatorInitData"/> (copied).</param>
    /// <param name="salt">Distinguishes sessions with the same validator and init data.</param>
    /// <param name="userOpPolicies">Policies checked once per user operation (e.g. a time frame).</param>
    /// <param name="erc7739Policies">What the session may sign through ERC-1271, or <see cref="ERC7739Data.None"/>.</param>
    /// <param name="actions">The calls the session may make.</param>
    /// <param name="permitERC4337Paymaster">Whether the session's user operations may use a paymaster (current module only).</param>
    /// <exception cref="ArgumentException">
    /// The validator is the zero address, or the session has no actions and no ERC-1271 policies (it could do nothing).
    /// </exception>
    public Session(
        Address sessionValidator,
        ReadOnlySpan<byte> sessionValidatorInitData,
        Bytes32 salt,
        IEnumerable<PolicyData> userOpPolicies,
        ERC7739Data erc7739Policies,
        IEnumerable<ActionData> actions,
        bool permitERC4337Paymaster = false)
    {
        if (sessionValidator.IsZero)
        {
            throw new ArgumentException($"sessionValidator must be a validator contract, got {sessionValidator}.", nameof(sessionValidator));
        }

        ArgumentNullException.ThrowIfNull(erc7739Policies);
        var actionList = Equality.Freeze(actions, nameof(actions));
        if (actionList.IsEmpty && erc7739Policies.Erc1271Policies.Count == 0)
        {
            throw new ArgumentException(
                "actions is empty (0 actions) and there are no ERC-1271 policies: the session would permit nothing. Add at least one action.",
                nameof(actions));
        }

        SessionValidator = sessionValidator;
        _sessionValidatorInitData = sessionValidatorInitData.ToArray();
        Salt = salt;
        UserOpPolicies = Equality.Freeze(userOpPolicies, nameof(userOpPolicies));
        Erc7739Policies = erc7739Policies;
        Actions = actionList;
        PermitERC4337Paymaster = permitERC4337Paymaster;
        PermissionId = PermissionId.Compute(sessionValidator, _sessionValidatorInitData, salt);
    }

    /// <summary>The session validator contract.</summary>
    public Address SessionValidator { get; }

    /// <summary>The session validator's data for this session (e.g. the session key's address).</summary>
    public ReadOnlyMemory<byte> SessionValidatorInitData => _sessionValidatorInitData;

    /// <summary>The salt.</summary>
    public Bytes32 Salt { get; }

    /// <summary>Policies checked once per user operation.</summary>
    public IReadOnlyList<PolicyData> UserOpPolicies { get; }

    /// <summary>What the session may sign through ERC-1271.</summary>
    public ERC7739Data Erc7739Policies { get; }

    /// <summary>The calls the session may make.</summary>
    public IReadOnlyList<ActionData> Actions { get; }

    /// <summary>Whether the session's user operations may use a paymaster (current module only).</summary>
    public bool PermitERC4337Paymaster { get; }

    /// <summary>
    /// Names for the session's addresses and parameters (token symbols, contract names, "your account", <c>params.recipient</c>),
    /// used only for wording: by <see cref="Sessions.SessionDescription"/> and the guard's refusals. Not signed, not encoded,
    /// not part of equality. Generated <c>CreateSession</c> methods set it; null when nobody named anything.
    /// </summary>
    public Sessions.SessionLabels? Labels { get; init; }

    /// <summary>The session's id: <c>keccak256(abi.encode(sessionValidator, sessionValidatorInitData, salt))</c>.</summary>
    public PermissionId PermissionId { get; }

    /// <summary>
    /// Whether the session holds the fallback action (<see cref="ActionId.FallbackTarget"/>, <see cref="ActionId.FallbackSelector"/>).
    /// The module derives the signed <c>permitGenericPolicy</c> flag from this.
    /// </summary>
    public bool PermitsGenericPolicy
    {
        get
        {
            foreach (var action in Actions)
            {
                if (action.IsFallback)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Whether the session holds the admin fallback action (<see cref="ActionId.AdminFallbackSelector"/>), which may call
    /// the SmartSession module itself. The module derives the signed <c>permitAdminAccess</c> flag from this.
    /// </summary>
    public bool PermitsAdminAccess
    {
        get
        {
            foreach (var action in Actions)
            {
                if (action.IsAdminFallback)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(Session? other) =>
        other is not null
        && SessionValidator == other.SessionValidator
        && _sessionValidatorInitData.AsSpan().SequenceEqual(other._sessionValidatorInitData)
        && Salt == other.Salt
        && PermitERC4337Paymaster == other.PermitERC4337Paymaster
        && Equality.Lists(UserOpPolicies, other.UserOpPolicies)
        && Erc7739Policies.Equals(other.Erc7739Policies)
        && Equality.Lists(Actions, other.Actions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Session);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(PermissionId, Equality.ListHash(UserOpPolicies), Erc7739Policies, Equality.ListHash(Actions), PermitERC4337Paymaster);

    /// <summary>The permission id and the number of actions and policies.</summary>
    public override string ToString() =>
        $"Session {{ {PermissionId}, validator {SessionValidator}, {Actions.Count} actions, {UserOpPolicies.Count} user-op policies }}";
}
