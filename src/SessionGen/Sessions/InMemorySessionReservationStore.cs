using System;
using System.Collections.Generic;
using System.Numerics;

namespace SessionGen.Sessions;

/// <summary>
/// The default <see cref="ISessionReservationStore"/>: the totals live in this object. Share one instance between guards
/// (of one process) to share a session between them; use a durable store to share it between processes.
/// </summary>
public sealed class InMemorySessionReservationStore : ISessionReservationStore
{
    private readonly Dictionary<SessionScope, ScopeState> _scopes = new();

    /// <inheritdoc/>
    public SessionLedger Read(SessionScope scope)
    {
        lock (_scopes)
        {
            return _scopes.TryGetValue(scope, out var state) ? new SessionLedger(state.Version, new Dictionary<string, SessionLedgerEntry>(state.Entries)) : SessionLedger.Empty;
        }
    }

    /// <inheritdoc/>
    public bool TryReserve(SessionScope scope, long expectedVersion, Guid reservation, IReadOnlyDictionary<string, BigInteger> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        lock (_scopes)
        {
            var state = Get(scope);
            if (state.Version != expectedVersion)
            {
                return false;
            }

            var held = new Dictionary<string, BigInteger>(amounts);
            if (!state.Reservations.TryAdd(reservation, held))
            {
                throw new ArgumentException($"Reservation {reservation} is already held.", nameof(reservation));
            }

            foreach (var (id, amount) in held)
            {
                var entry = state.Entries.GetValueOrDefault(id);
                state.Entries[id] = entry with { Reserved = entry.Reserved + amount };
            }

            state.Version++;
            return true;
        }
    }

    /// <inheritdoc/>
    public void Settle(SessionScope scope, Guid reservation, bool commit)
    {
        lock (_scopes)
        {
            var state = Get(scope);
            if (!state.Reservations.Remove(reservation, out var held))
            {
                return;
            }

            foreach (var (id, amount) in held)
            {
                var entry = state.Entries.GetValueOrDefault(id);
                state.Entries[id] = new SessionLedgerEntry(commit ? entry.Committed + amount : entry.Committed, entry.Reserved - amount);
            }

            state.Version++;
        }
    }

    /// <inheritdoc/>
    public void SetCommitted(SessionScope scope, IReadOnlyDictionary<string, BigInteger> committed) => Write(scope, committed, onlyWhereAbsent: false);

    /// <inheritdoc/>
    public void InitializeCommitted(SessionScope scope, IReadOnlyDictionary<string, BigInteger> committed) => Write(scope, committed, onlyWhereAbsent: true);

    private void Write(SessionScope scope, IReadOnlyDictionary<string, BigInteger> committed, bool onlyWhereAbsent)
    {
        ArgumentNullException.ThrowIfNull(committed);
        lock (_scopes)
        {
            var state = Get(scope);
            foreach (var (id, amount) in committed)
            {
                if (amount.Sign < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(committed), amount, $"The committed total of {id} must not be negative.");
                }

                var exists = state.Entries.TryGetValue(id, out var entry);
                if (!onlyWhereAbsent || !exists)
                {
                    state.Entries[id] = entry with { Committed = amount };
                }
            }

            state.Version++;
        }
    }

    private ScopeState Get(SessionScope scope)
    {
        if (!_scopes.TryGetValue(scope, out var state))
        {
            state = new ScopeState();
            _scopes[scope] = state;
        }

        return state;
    }

    private sealed class ScopeState
    {
        public long Version { get; set; }

        public Dictionary<string, SessionLedgerEntry> Entries { get; } = new();

        public Dictionary<Guid, Dictionary<string, BigInteger>> Reservations { get; } = new();
    }
}
