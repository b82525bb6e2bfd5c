using System.Collections.Concurrent;
using System.Threading;

namespace SessionGen.Accounts;

/// <summary>
/// Hands out nonce lanes (the free bits of an account's nonce key) so that operations in flight at the same time
/// each have their own EntryPoint sequence: none reuses another's nonce, and none has to land before another.
/// A lane comes back once its operation's outcome is known; the lowest lanes are reused first in practice.
/// </summary>
internal sealed class NonceLanes
{
    private readonly ConcurrentBag<uint> _free = new();
    private int _next = -1;

    public uint Rent() => _free.TryTake(out var lane) ? lane : (uint)Interlocked.Increment(ref _next);

    public void Return(uint lane) => _free.Add(lane);
}
