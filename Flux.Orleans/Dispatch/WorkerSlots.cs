using System;
using System.Threading;

namespace Flux.Orleans;

/// <summary>
/// Chooses the worker slot for the next call: of two slots picked at random, the one with fewer calls in flight from
/// this dispatcher. Calls queue up behind a busy or slow silo, so its slots look fuller and get fewer new calls: the
/// load follows what each silo gets done, without knowing which slot lives where.
/// </summary>
internal sealed class WorkerSlots
{
    private readonly int[] _inFlight;

    public WorkerSlots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _inFlight = new int[count];
    }

    /// <summary>Takes a slot for one call; give it back with <see cref="Return"/>.</summary>
    public int Take()
    {
        var first = Random.Shared.Next(_inFlight.Length);
        var second = Random.Shared.Next(_inFlight.Length);
        var slot = Volatile.Read(ref _inFlight[second]) < Volatile.Read(ref _inFlight[first]) ? second : first;
        Interlocked.Increment(ref _inFlight[slot]);
        return slot;
    }

    /// <summary>The call sent to <paramref name="slot"/> is over.</summary>
    public void Return(int slot) => Interlocked.Decrement(ref _inFlight[slot]);
}
