using System.Collections.Concurrent;

namespace Flux.Orleans.Tests;

/// <summary>
/// Watches one batch of <see cref="ClusterTasks.Gated"/> calls: which silo ran each item, how many ran at once on each
/// silo, and a gate that holds every body until the test opens it.
/// </summary>
public sealed class Batches
{
    private static readonly ConcurrentDictionary<string, Batches> s_batches = new();

    private readonly object _lock = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, int> _running = new();
    private readonly Dictionary<string, int> _maxRunning = new();
    private readonly Dictionary<string, HashSet<int>> _runningItems = new();
    private readonly Dictionary<string, TaskCompletionSource> _full = new();
    private readonly List<(int Item, string Silo, bool Completed)> _runs = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Signal)> _runWaiters = new();
    private readonly int _bound;

    private Batches(string name, int bound)
    {
        Name = name;
        _bound = bound;
    }

    public string Name { get; }

    /// <summary>Completes when the first body of the batch started.</summary>
    public Task Started => _started.Task;

    public static Batches Create(string name, int boundPerSilo) => s_batches[name] = new Batches(name, boundPerSilo);

    public static Batches Get(string name) => s_batches[name];

    /// <summary>Completes once <paramref name="silo"/> runs as many bodies at once as its bound allows.</summary>
    public Task Full(string silo)
    {
        lock (_lock)
        {
            return FullSignal(silo).Task;
        }
    }

    public void OpenGate() => _gate.TrySetResult();

    public int MaxRunning(string silo)
    {
        lock (_lock)
        {
            return _maxRunning.GetValueOrDefault(silo);
        }
    }

    public int[] RunningItems(string silo)
    {
        lock (_lock)
        {
            return _runningItems.TryGetValue(silo, out var items) ? items.ToArray() : [];
        }
    }

    /// <summary>Every run of a body: the item, the silo and whether it finished (false: cancelled on its way).</summary>
    public (int Item, string Silo, bool Completed)[] Runs()
    {
        lock (_lock)
        {
            return _runs.ToArray();
        }
    }

    /// <summary>Completes once <paramref name="count"/> bodies ended (finished or cancelled).</summary>
    public Task WhenRuns(int count)
    {
        lock (_lock)
        {
            if (_runs.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _runWaiters.Add((count, signal));
            return signal.Task;
        }
    }

    internal async Task RunAsync(int item, string silo, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var running = _running[silo] = _running.GetValueOrDefault(silo) + 1;
            _maxRunning[silo] = Math.Max(_maxRunning.GetValueOrDefault(silo), running);
            if (!_runningItems.TryGetValue(silo, out var items))
            {
                _runningItems[silo] = items = new HashSet<int>();
            }

            items.Add(item);
            _started.TrySetResult();
            if (running == _bound)
            {
                FullSignal(silo).TrySetResult();
            }
        }

        var completed = false;
        try
        {
            await _gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            completed = true;
        }
        finally
        {
            lock (_lock)
            {
                _running[silo]--;
                _runningItems[silo].Remove(item);
                _runs.Add((item, silo, completed));
                foreach (var (count, signal) in _runWaiters)
                {
                    if (_runs.Count >= count)
                    {
                        signal.TrySetResult();
                    }
                }
            }
        }
    }

    private TaskCompletionSource FullSignal(string silo)
    {
        if (!_full.TryGetValue(silo, out var signal))
        {
            _full[silo] = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return signal;
    }
}
