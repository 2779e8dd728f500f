using System.Collections.Concurrent;

namespace Flux.Orleans.Tests;

/// <summary>One item of a Map the cluster tests run: the batch it belongs to and its index.</summary>
public sealed record TouchItem(string Batch, int Index);

/// <summary>What a Map's workflow is given: the batch name and how many items.</summary>
public sealed record TouchInput(string Batch, int Count);

/// <summary>
/// Counts every run of a <see cref="ClusterTasks.Touch"/> body of one batch (its side effect), with the silo it ran on;
/// after <see cref="HoldAfter"/> runs, further bodies wait at a gate until the test opens it.
/// </summary>
public sealed class Touches
{
    private static readonly ConcurrentDictionary<string, Touches> s_batches = new();

    private readonly ConcurrentQueue<(int Item, string Silo)> _runs = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _holdWhenWaiting;
    private int _started;
    private int _waiting;

    private Touches(int holdAfter, int holdWhenWaiting)
    {
        HoldAfter = holdAfter;
        _holdWhenWaiting = holdWhenWaiting;
    }

    /// <summary>How many bodies run freely before the others wait at the gate.</summary>
    public int HoldAfter { get; }

    /// <summary>Completes once <c>holdWhenWaiting</c> bodies wait at the gate.</summary>
    public Task Holding => _holding.Task;

    public static Touches Create(string batch, int holdAfter = int.MaxValue, int holdWhenWaiting = 1) =>
        s_batches[batch] = new Touches(holdAfter, holdWhenWaiting);

    public static Touches Get(string batch) => s_batches[batch];

    /// <summary>Every body that ran to its end: the item and the silo.</summary>
    public (int Item, string Silo)[] Runs() => _runs.ToArray();

    public void OpenGate() => _gate.TrySetResult();

    internal async Task RunAsync(int item, string silo, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _started) > HoldAfter)
        {
            if (Interlocked.Increment(ref _waiting) == _holdWhenWaiting)
            {
                _holding.TrySetResult(_waiting);
            }

            await _gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _runs.Enqueue((item, silo));
    }
}
