using System;
using System.Collections.Generic;
using System.Numerics;

namespace SessionGen.Sessions;

/// <summary>
/// Where <see cref="SessionGuard"/> keeps what a session has used (committed) and what operations in flight hold (reserved),
/// per limit. Guards of several processes that use one store share one session without overspending: each reservation is
/// checked against the totals of all of them and written only if nothing changed in between (optimistic concurrency).
/// </summary>
/// <remarks>
/// <para>
/// The default is <see cref="InMemorySessionReservationStore"/> (one process). A durable store (a database row per
/// scope and limit, a version column, a reservation table) implements the same five operations; each must be atomic
/// for its scope. Limit ids are stable strings (<see cref="TrackedLimit.Id"/>), the same in every process that builds a
/// guard for the same session.
/// </para>
/// <para>
/// A reservation whose process died stays reserved: it can only make the guards refuse early, never overspend. A durable
/// store should release reservations older than the operations could still land (e.g. a few minutes) and then let a guard
/// re-read the session's state from the chain (<see cref="SessionGuard.Seed"/>).
/// </para>
/// </remarks>
public interface ISessionReservationStore
{
    /// <summary>The current totals of a scope and their version (0 and empty for a scope never written).</summary>
    SessionLedger Read(SessionScope scope);

    /// <summary>
    /// Adds <paramref name="amounts"/> to the reserved totals, recorded under <paramref name="reservation"/>, if the scope's
    /// version is still <paramref name="expectedVersion"/>; then the version moves on. Returns <see langword="false"/> (and
    /// changes nothing) when another writer came first: the guard reads again and re-checks.
    /// </summary>
    bool TryReserve(SessionScope scope, long expectedVersion, Guid reservation, IReadOnlyDictionary<string, BigInteger> amounts);

    /// <summary>
    /// Ends a reservation: its amounts leave the reserved totals and, when <paramref name="commit"/>, join the committed ones.
    /// Settling a reservation that is not held (already settled, or unknown) does nothing.
    /// </summary>
    void Settle(SessionScope scope, Guid reservation, bool commit);

    /// <summary>Sets the committed totals of the limits given (e.g. read from the chain); open reservations stay on top.</summary>
    void SetCommitted(SessionScope scope, IReadOnlyDictionary<string, BigInteger> committed);

    /// <summary>Sets the committed totals of the limits given only where the store holds none yet (a guard joining a scope that others already use).</summary>
    void InitializeCommitted(SessionScope scope, IReadOnlyDictionary<string, BigInteger> committed);
}

/// <summary>Whose counts a store keeps: one session (permission id) on one account.</summary>
/// <param name="Account">The smart account (the zero address for a guard not bound to one).</param>
/// <param name="PermissionId">The session.</param>
public readonly record struct SessionScope(Address Account, Protocol.PermissionId PermissionId);

/// <summary>A scope's totals at one version (see <see cref="ISessionReservationStore.Read"/>).</summary>
/// <param name="Version">Moves on with every write; <see cref="ISessionReservationStore.TryReserve"/> compares it.</param>
/// <param name="Entries">Committed and reserved totals per limit id; a limit not listed has none.</param>
public sealed record SessionLedger(long Version, IReadOnlyDictionary<string, SessionLedgerEntry> Entries)
{
    /// <summary>An empty ledger at version 0.</summary>
    public static SessionLedger Empty { get; } = new(0, new Dictionary<string, SessionLedgerEntry>());

    /// <summary>The totals of one limit (zero when it has none).</summary>
    public SessionLedgerEntry this[string limitId] => Entries.TryGetValue(limitId, out var entry) ? entry : default;
}

/// <summary>One limit's totals.</summary>
/// <param name="Committed">Used for good (operations that landed, or were seeded from the chain).</param>
/// <param name="Reserved">Held by operations in flight.</param>
public readonly record struct SessionLedgerEntry(BigInteger Committed, BigInteger Reserved);
