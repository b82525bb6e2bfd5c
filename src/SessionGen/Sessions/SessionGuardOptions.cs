using System;
using System.Collections.Generic;

namespace SessionGen.Sessions;

/// <summary>How a <see cref="SessionGuard"/> keeps its counts and which policies it may leave to the chain.</summary>
public sealed record SessionGuardOptions
{
    /// <summary>The default options: a private in-memory store, not bound to an account, no policy left unchecked.</summary>
    public static SessionGuardOptions Default { get; } = new();

    /// <summary>
    /// Where committed and reserved amounts are kept; <see langword="null"/> gives each guard its own
    /// <see cref="InMemorySessionReservationStore"/>. Guards sharing a store (and an <see cref="Account"/>) share the session's limits.
    /// </summary>
    public ISessionReservationStore? Store { get; init; }

    /// <summary>The account the session is enabled on: with the permission id, the store's scope (<see cref="SessionScope"/>).</summary>
    public Address Account { get; init; }

    /// <summary>
    /// Policies at unknown addresses the caller accepts to leave to the chain alone. By default the guard refuses every call
    /// a policy it cannot evaluate would judge (<see cref="SessionRule.PolicyNotCheckable"/>): it cannot vouch for such a call.
    /// Name each policy explicitly; there is no wildcard.
    /// </summary>
    public IReadOnlyCollection<Address> UncheckedPoliciesAllowed { get; init; } = Array.Empty<Address>();
}
