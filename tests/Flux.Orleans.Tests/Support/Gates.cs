using System.Collections.Concurrent;

namespace Flux.Orleans.Tests;

/// <summary>A named gate a workflow waits at, with a count of the runs that reached it.</summary>
public sealed class Gates
{
    private static readonly ConcurrentDictionary<string, Gates> s_gates = new();

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;

    public static Gates Get(string name) => s_gates.GetOrAdd(name, static _ => new Gates());

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Completes when a run reached the gate.</summary>
    public Task WhenStarted => _started.Task;

    public Task Open => _open.Task;

    public void Release() => _open.TrySetResult();

    internal void Started()
    {
        Interlocked.Increment(ref _runs);
        _started.TrySetResult();
    }
}
