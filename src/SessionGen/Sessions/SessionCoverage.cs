using SessionGen.Protocol;

namespace SessionGen.Sessions;

/// <summary>
/// Whether an enabled session already permits what an app is about to do (see <see cref="SessionGuard.Covers(System.Collections.Generic.IReadOnlyList{Call}, System.DateTimeOffset)"/>
/// and <see cref="SessionGuard.Covers(Session, System.DateTimeOffset)"/>): ask the owner for a new session only when it does not.
/// </summary>
/// <param name="IsCovered">Whether it does.</param>
/// <param name="MissingRule">The first rule that is missing or would be broken, when it does not.</param>
/// <param name="Reason">Why not, in plain words; empty when covered.</param>
/// <param name="CallIndex">The call concerned, when the question was about calls.</param>
/// <param name="Policy">The policy concerned, when one is.</param>
/// <param name="Token">The token concerned, for a spending limit.</param>
public sealed record SessionCoverage(bool IsCovered, SessionRule? MissingRule, string Reason, int? CallIndex = null, Address? Policy = null, Address? Token = null)
{
    /// <summary>Covered: nothing is missing.</summary>
    public static SessionCoverage Covered { get; } = new(true, null, string.Empty);

    /// <summary>Not covered, because of <paramref name="rule"/>.</summary>
    public static SessionCoverage NotCovered(SessionRule rule, string reason, int? callIndex = null, Address? policy = null, Address? token = null) =>
        new(false, rule, reason, callIndex, policy, token);
}
