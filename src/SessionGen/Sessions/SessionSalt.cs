using System;
using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// Salts derived from a session's own content, so that two different sessions of one session key get two permission ids.
/// With one fixed salt they would share the id (it hashes only the validator, its init data and the salt), and enabling the
/// second would silently merge its policies into the first on chain. Generated <c>CreateSession</c> methods use this when no
/// salt is passed.
/// </summary>
public static class SessionSalt
{
    /// <summary>keccak256 of the session's ABI encoding with a zero salt: equal sessions get equal salts, different ones different salts.</summary>
    public static Bytes32 FromContent(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var unsalted = session.Salt.Equals(Bytes32.Zero) ? session : WithSalt(session, Bytes32.Zero);
        return Keccak256.Hash(SessionAbi.Encode(unsalted));
    }

    /// <summary>The same session with <see cref="FromContent"/> as its salt (labels kept).</summary>
    public static Session WithContentSalt(Session session) => WithSalt(session, FromContent(session));

    private static Session WithSalt(Session session, Bytes32 salt) =>
        new(session.SessionValidator, session.SessionValidatorInitData.Span, salt, session.UserOpPolicies, session.Erc7739Policies, session.Actions, session.PermitERC4337Paymaster)
        {
            Labels = session.Labels,
        };
}
