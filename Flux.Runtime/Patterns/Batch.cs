using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// One run of a Map or a Parallel: its scope (item k of the n-th Map of task T is <c>map:T~n[k]</c>, slot k of the n-th
/// Parallel is <c>parallel~n[k]</c>), its results in input order, and the workers that run its calls.
/// </summary>
/// <remarks>
/// <para><c>MaxConcurrency</c> workers each take the next item and run it until none is left. Taking an item only
/// reserves its index (one atomic increment): its call's id follows from the index, so calls are identified in input
/// order whatever order they start in, and each body starts outside any lock. A Map's workers after the first start on
/// the thread pool, so the synchronous parts of asynchronous bodies run in parallel; a Parallel starts its calls in
/// argument order on the caller's thread, as <see cref="Task.WhenAll(Task[])"/> does.</para>
/// <para>On the first failure (fail-fast), the other calls are cancelled, the run waits until every started call has
/// stopped, and that failure is thrown. When collecting outcomes, a failure stops nothing. A run whose calls all
/// succeeded returns their results, even if its time limit passed after the last one finished.</para>
/// </remarks>
internal sealed class Batch<TResult> : PatternScope
{
    private readonly ScopeKind _kind;
    private readonly string? _taskName;
    private readonly int _count;
    private int _next = -1;
    private int _stoppedItems;

    public Batch(ScopeKind kind, string? taskName, int nameHash, int count, bool collect, TimeSpan? timeout, CancellationToken cancellationToken)
        : base(Current, new ScopeKey(kind, taskName ?? "", nameHash, 0), records: true, timeout, cancellationToken)
    {
        _kind = kind;
        _taskName = taskName;
        _count = count;
        Results = new TResult[count];
        Errors = collect ? new Exception?[count] : null;
    }

    /// <summary>The results, by input index.</summary>
    public TResult[] Results { get; }

    /// <summary>When collecting outcomes: the failure of each item, by input index; null in fail-fast mode.</summary>
    public Exception?[]? Errors { get; }

    /// <summary>What messages call this run.</summary>
    public string Description => _kind == ScopeKind.Map ? $"Map of task '{_taskName}'" : "Parallel";

    public override void AppendPrefix(System.Text.StringBuilder text) =>
        throw new InvalidOperationException("A batch is never the ambient scope: its calls are in its slots.");

    public override void AppendSlotPrefix(System.Text.StringBuilder text, int slot)
    {
        AppendParentPrefix(text);
        text.Append(_kind == ScopeKind.Map ? "map:" : "parallel");
        if (_kind == ScopeKind.Map)
        {
            text.Append(_taskName);
        }

        if (Occurrence > 0)
        {
            text.Append('~').Append(Occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        text.Append('[').Append(slot.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("]/");
    }

    /// <summary>Runs every item with at most <paramref name="maxConcurrency"/> at once, then throws why the run stopped, if it did.</summary>
    /// <param name="items">The items, in input order.</param>
    /// <param name="state">What <paramref name="start"/> needs besides the item.</param>
    /// <param name="start">Starts the call of one item in its slot of this scope, on the given token.</param>
    /// <param name="maxConcurrency">The most calls running at once.</param>
    /// <param name="spread">True to start the workers after the first on the thread pool (a Map); false to start every one here (a Parallel).</param>
    public async Task RunAsync<TState, TItem>(
        IReadOnlyList<TItem> items,
        TState state,
        Func<TState, TItem, Scope, int, CancellationToken, ValueTask<TResult>> start,
        int maxConcurrency,
        bool spread)
    {
        var workers = Math.Min(_count, maxConcurrency);
        try
        {
            if (workers == 1)
            {
                await WorkAsync(items, state, start, hop: false).ConfigureAwait(false);
            }
            else
            {
                var running = new ValueTask[workers];
                for (var w = spread ? 1 : 0; w < workers; w++)
                {
                    running[w] = WorkAsync(items, state, start, hop: spread);
                }

                if (spread)
                {
                    running[0] = WorkAsync(items, state, start, hop: false);
                }

                foreach (var worker in running)
                {
                    await worker.ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Dispose();
        }

        // Every item ran to an outcome of its own: return it, even if the time limit passed after the last one.
        if (HasFailed || _stoppedItems > 0 || Volatile.Read(ref _next) < _count - 1)
        {
            ThrowStopped(Description);
        }
    }

    /// <summary>One worker: takes the next item, runs it, and goes on until there is none left or the run stopped.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WorkAsync<TState, TItem>(
        IReadOnlyList<TItem> items, TState state, Func<TState, TItem, Scope, int, CancellationToken, ValueTask<TResult>> start, bool hop)
    {
        if (hop)
        {
            await ThreadPoolHop.Instance;
        }

        var token = Token;
        while (!token.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= items.Count)
            {
                return;
            }

            try
            {
                var running = start(state, items[index], this, index, token);
                Results[index] = running.IsCompletedSuccessfully ? running.Result : await running.ConfigureAwait(false);
            }
            catch (Exception error)
            {
                OnFailure(index, error);
            }
        }
    }

    private void OnFailure(int index, Exception error)
    {
        var stopped = IsCancellation(error);
        if (stopped)
        {
            // Cancelled because a sibling failed, the time ran out or the caller cancelled: not a failure of its own.
            Interlocked.Increment(ref _stoppedItems);
        }

        if (Errors is not null)
        {
            // Collecting outcomes: a failure stops nothing.
            Errors[index] = error;
        }
        else if (!stopped)
        {
            TryFail(error);
        }
    }
}

/// <summary>An awaitable that continues on the thread pool, without regard to any synchronization context.</summary>
internal readonly struct ThreadPoolHop : ICriticalNotifyCompletion
{
    public static ThreadPoolHop Instance => default;

    public bool IsCompleted => false;

    public ThreadPoolHop GetAwaiter() => this;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) => ThreadPool.QueueUserWorkItem(static run => run(), continuation, preferLocal: false);

    public void UnsafeOnCompleted(Action continuation) => ThreadPool.UnsafeQueueUserWorkItem(static run => run(), continuation, preferLocal: false);
}
