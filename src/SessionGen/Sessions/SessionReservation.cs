using System;
using System.Collections.Generic;
using System.Numerics;

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
    private readonly IReadOnlyDictionary<LimitKey, BigInteger> _amounts;
    private int _state; // 0 open, 1 committed, 2 released

    internal SessionReservation(SessionGuard guard, IReadOnlyDictionary<LimitKey, BigInteger> amounts)
    {
        _guard = guard;
        _amounts = amounts;
    }

    /// <summary>Whether <see cref="Commit"/> has been called.</summary>
    public bool IsCommitted => _state == 1;

    /// <summary>Counts the held amounts as spent for good (the operation landed). Calling it again does nothing.</summary>
    /// <exception cref="ObjectDisposedException">The reservation was already released by <see cref="Dispose"/>.</exception>
    public void Commit()
    {
        lock (_guard.Gate)
        {
            if (_state == 2)
            {
                throw new ObjectDisposedException(nameof(SessionReservation), "The reservation was released (disposed without commit); check the calls again with SessionGuard.Reserve.");
            }

            if (_state == 0)
            {
                _guard.Settle(_amounts, commit: true);
                _state = 1;
            }
        }
    }

    /// <summary>Releases the held amounts unless <see cref="Commit"/> was called.</summary>
    public void Dispose()
    {
        lock (_guard.Gate)
        {
            if (_state == 0)
            {
                _guard.Settle(_amounts, commit: false);
                _state = 2;
            }
        }
    }
}
