using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;

namespace SessionGen.Sessions;

/// <summary>
/// The uses and amounts one checked operation holds against its session's limits (from <see cref="SessionGuard.Reserve"/>).
/// Call <see cref="Commit"/> once the operation has been included on chain, even when its execution reverted (the policies
/// count uses and amounts while validating it); dispose without committing when it was refused in validation or never sent,
/// which gives them back. When the outcome is unknown (sent, no receipt), commit: over-counting only refuses early.
/// Either happens at most once.
/// </summary>
public sealed class SessionReservation : IDisposable
{
    private readonly SessionGuard _guard;
    private readonly Guid _id;
    private readonly object _gate = new();
    private int _state; // 0 open, 1 committed, 2 released

    internal SessionReservation(SessionGuard guard, Guid id, IReadOnlyDictionary<LimitKey, BigInteger> amounts)
    {
        _guard = guard;
        _id = id;
        Amounts = amounts;
    }

    /// <summary>Whether <see cref="Commit"/> has been called.</summary>
    public bool IsCommitted => Volatile.Read(ref _state) == 1;

    internal IReadOnlyDictionary<LimitKey, BigInteger> Amounts { get; }

    /// <summary>Counts the held amounts as spent for good (the operation landed). Calling it again does nothing.</summary>
    /// <exception cref="ObjectDisposedException">The reservation was already released by <see cref="Dispose"/>.</exception>
    public void Commit()
    {
        lock (_gate)
        {
            if (_state == 2)
            {
                throw new ObjectDisposedException(nameof(SessionReservation), "The reservation was released (disposed without commit); check the calls again with SessionGuard.Reserve.");
            }

            if (_state == 0)
            {
                _guard.Settle(_id, commit: true);
                _state = 1;
            }
        }
    }

    /// <summary>Releases the held amounts unless <see cref="Commit"/> was called.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_state == 0)
            {
                _guard.Settle(_id, commit: false);
                _state = 2;
            }
        }
    }
}
