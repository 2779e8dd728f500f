using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace Flux;

/// <summary>
/// One run of a Map or a Parallel: its scope (item k of the n-th Map of task T is <c>map:T~n[k]</c>, slot k of the n-th
/// Parallel is <c>parallel~n[k]</c>), its results in input order, and how it runs its calls.
/// </summary>
/// <remarks>
/// <para>A call's id follows from its index, so calls are identified in input order whatever order they start in, and
/// no lock is held while a body starts. A Parallel (or a Map whose concurrency covers every item) starts its calls in
/// input order on the caller's thread, as <see cref="Task.WhenAll(Task[])"/> does, then awaits them in order. Otherwise
/// <c>MaxConcurrency</c> workers each take the next item (one atomic increment) and run it until none is left; a Map's
/// workers after the first start on the thread pool, so the synchronous parts of asynchronous bodies run in parallel.</para>
/// <para>In fail-fast mode, the call that fails first cancels the others at once (the invoker reports it to this scope,
/// see <see cref="PatternScope.SlotFailed"/>); the run waits until every started call has stopped, then throws that
/// failure. When collecting outcomes, a failure stops nothing. A run whose calls all succeeded returns their results,
/// even if its time limit passed after the last one finished.</para>
/// </remarks>
internal sealed class Batch<TResult> : PatternScope, IValueTaskSource
{
    /// <summary>How many workers a run keeps inline, without an array of its own.</summary>
    private const int InlineCount = 8;

    /// <summary>The most calls a run starts at once and finishes from one shared callback; more get a worker each.</summary>
    private const int MaxStartedAtOnce = 64;

    private readonly ScopeKind _kind;
    private readonly string? _taskName;
    private readonly int _count;
    private int _next = -1;
    private int _stoppedItems;

    // Starting every call at once: the calls, how many were started, which have finished (a bit each), how many are
    // still running (plus one while they are being started), the shared callback, and the run's completion.
    private StartedCall<TResult>[]? _calls;
    private int _startedCount;
    private long _finished;
    private int _unfinished;
    private Action? _onCallCompleted;
    private ManualResetValueTaskSourceCore<bool> _allFinished;

    // Observed executions: how many calls finished, and the batch's name in the progress reports (made once).
    private readonly ObserverSink? _observer;
    private int _done;
    private string? _progressName;

    public Batch(ScopeKind kind, string? taskName, ulong nameKey, int count, bool collect, TimeSpan? timeout, CancellationToken cancellationToken)
        : base(Current, ScopeKey.Child(kind, nameKey), records: true, timeout, cancellationToken, failFast: !collect)
    {
        _kind = kind;
        _taskName = taskName;
        _count = count;
        Results = new TResult[count];
        Errors = collect ? new Exception?[count] : null;
        _observer = Execution?.Observer;
    }

    /// <summary>A Map's or a Parallel's items are committed together once all finished: nobody sees their results before.</summary>
    public override bool CommitsItsSlots => true;

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
        AppendRunPrefix(text);
        AppendItemIndex(text, slot);
    }

    /// <summary>Appends what this run's slots start with: <c>map:T</c> or <c>parallel</c>, after the parent's prefix.</summary>
    private void AppendRunPrefix(System.Text.StringBuilder text) =>
        AppendRunPrefix(text, _kind == ScopeKind.Map ? "map:" : "parallel", _taskName);

    /// <summary>
    /// Runs every item with at most <paramref name="maxConcurrency"/> at once; completes when every started call has
    /// finished. Then call <see cref="ThrowIfStopped"/>.
    /// </summary>
    /// <param name="items">The items, in input order.</param>
    /// <param name="state">What <paramref name="start"/> needs besides the item.</param>
    /// <param name="start">Starts the call of one item in its slot of this scope, on the given token.</param>
    /// <param name="maxConcurrency">The most calls running at once.</param>
    /// <param name="spread">True to start a Map's workers after the first on the thread pool; false to start everything here.</param>
    public ValueTask RunAsync<TState, TItem>(
        IReadOnlyList<TItem> items,
        TState state,
        Func<TState, TItem, Scope, int, CancellationToken, CallScope?, StartedCall<TResult>> start,
        int maxConcurrency,
        bool spread) =>
        maxConcurrency >= _count && !spread && _count <= MaxStartedAtOnce
            ? StartAll(items, state, start)
            : RunWorkersAsync(items, state, start, Math.Min(_count, maxConcurrency), spread);

    /// <summary>Throws why the run stopped before every item had an outcome of its own: the first failure, the time limit, or the caller's cancellation.</summary>
    public void ThrowIfStopped()
    {
        // A pause (or a wrong replay) stops the batch once its running calls finished: it propagates, whatever else happened.
        if (Execution?.HaltException() is { } halt)
        {
            throw halt;
        }

        // Every item ran to an outcome of its own: return it, even if the time limit passed after the last one.
        if (HasFailed || _stoppedItems > 0 || Volatile.Read(ref _next) < _count - 1)
        {
            ThrowStopped(Description);
        }
    }

    /// <summary>
    /// Starts every call now, in input order (none after the run stopped), and finishes each from one shared callback as
    /// it completes, as <see cref="Task.WhenAll(Task[])"/> does: no asynchronous step per call. Completes when all have finished.
    /// </summary>
    private ValueTask StartAll<TState, TItem>(
        IReadOnlyList<TItem> items, TState state, Func<TState, TItem, Scope, int, CancellationToken, CallScope?, StartedCall<TResult>> start)
    {
        var calls = _calls = new StartedCall<TResult>[_count];
        _unfinished = 1;
        var token = Token;
        var execution = Execution;
        var started = 0;
        for (; started < _count && !token.IsCancellationRequested && !(execution?.IsHalted ?? false); started++)
        {
            Interlocked.Increment(ref _unfinished);
            try
            {
                calls[started] = start(state, items[started], this, started, token, null);
            }
            catch (Exception error)
            {
                calls[started] = new StartedCall<TResult>(ValueTask.FromException<TResult>(error));
            }

            Volatile.Write(ref _startedCount, started + 1);
            var running = calls[started].Running;
            if (running.IsCompleted)
            {
                TryFinish(started);
            }
            else
            {
                running.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onCallCompleted ??= FinishCompletedCalls);
            }
        }

        _next = started - 1;
        return Interlocked.Decrement(ref _unfinished) == 0 ? default : new ValueTask(this, _allFinished.Version);
    }

    /// <summary>A call completed: finishes every started call that has completed and is not finished yet.</summary>
    private void FinishCompletedCalls()
    {
        var calls = _calls!;
        var started = Volatile.Read(ref _startedCount);
        for (var i = 0; i < started; i++)
        {
            if ((Volatile.Read(ref _finished) & (1L << i)) == 0 && calls[i].Running.IsCompleted)
            {
                TryFinish(i);
            }
        }
    }

    /// <summary>Finishes call <paramref name="index"/> once (its result or its failure); the last one completes the run.</summary>
    private void TryFinish(int index)
    {
        var bit = 1L << index;
        if ((Interlocked.Or(ref _finished, bit) & bit) != 0)
        {
            return;
        }

        try
        {
            Results[index] = _calls![index].GetResult();
        }
        catch (Exception error)
        {
            OnFailure(index, error);
        }

        if (_observer is not null)
        {
            ReportProgress();
        }

        if (Interlocked.Decrement(ref _unfinished) == 0)
        {
            _allFinished.SetResult(true);
        }
    }

    /// <summary>Waits until the durable commit of every item's completion, in a durable execution; see <see cref="CommitsItsSlots"/>.</summary>
    public ValueTask CommitAsync() => Execution?.Durable is { } durable ? durable.CommitAllAsync() : default;

    private void ReportProgress()
    {
        var done = Interlocked.Increment(ref _done);
        var name = _progressName ??= ProgressName();
        _observer!.Progress(Execution!, new BatchProgress(name, _taskName, done, _count));
    }

    private string ProgressName()
    {
        var text = new System.Text.StringBuilder();
        AppendRunPrefix(text);
        return text.ToString();
    }

    void IValueTaskSource.GetResult(short token) => _allFinished.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _allFinished.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _allFinished.OnCompleted(continuation, state, token, flags);

    /// <summary>Runs <paramref name="workers"/> workers that each take the next item until none is left or the run stopped.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask RunWorkersAsync<TState, TItem>(
        IReadOnlyList<TItem> items, TState state, Func<TState, TItem, Scope, int, CancellationToken, CallScope?, StartedCall<TResult>> start, int workers, bool spread)
    {
        if (workers == 1)
        {
            await WorkAsync(items, state, start, hop: false).ConfigureAwait(false);
            return;
        }

        var inline = default(Inline<ValueTask>);
        var spilled = workers > InlineCount ? new ValueTask[workers] : null;
        for (var w = spread ? 1 : 0; w < workers; w++)
        {
            var worker = WorkAsync(items, state, start, hop: spread);
            if (spilled is null)
            {
                inline[w] = worker;
            }
            else
            {
                spilled[w] = worker;
            }
        }

        if (spread)
        {
            // The first worker starts here, after the others were sent to the thread pool.
            var first = WorkAsync(items, state, start, hop: false);
            if (spilled is null)
            {
                inline[0] = first;
            }
            else
            {
                spilled[0] = first;
            }
        }

        for (var w = 0; w < workers; w++)
        {
            await (spilled is null ? inline[w] : spilled[w]).ConfigureAwait(false);
        }
    }

    /// <summary>One worker: takes the next item, runs it, and goes on until there is none left or the run stopped.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WorkAsync<TState, TItem>(
        IReadOnlyList<TItem> items, TState state, Func<TState, TItem, Scope, int, CancellationToken, CallScope?, StartedCall<TResult>> start, bool hop)
    {
        if (hop)
        {
            await ThreadPoolHop.Instance;
        }

        // The worker runs its items one after another: one call scope serves them in turn, as the ambient scope of this
        // worker, until an item's body makes it the parent of something (then the next item gets a new one).
        var token = Token;
        var execution = Execution;
        CallScope? ambient = null;
        while (!token.IsCancellationRequested && !(execution?.IsHalted ?? false))
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= items.Count)
            {
                return;
            }

            if (_kind == ScopeKind.Map && (ambient is null || !ambient.CanBeReused))
            {
                ambient = new CallScope(this, index, _taskName!, 0, token);
                Current = ambient;
            }

            try
            {
                var running = start(state, items[index], this, index, token, ambient);
                if (!running.Running.IsCompleted)
                {
                    await running.WhenCompleted();
                }

                Results[index] = running.GetResult();
            }
            catch (Exception error)
            {
                OnFailure(index, error);
            }

            if (_observer is not null)
            {
                ReportProgress();
            }
        }
    }

    private void OnFailure(int index, Exception error)
    {
        if (error is PauseRequestedException)
        {
            // The execution is pausing: the running siblings finish (their completions are recorded and replay), no
            // new item starts, and the pause is thrown once they did (ThrowIfStopped).
            Interlocked.Increment(ref _stoppedItems);
            return;
        }

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

    /// <summary>A few values kept inline in a state machine, so a small run allocates no array for them.</summary>
    [InlineArray(InlineCount)]
    private struct Inline<T>
    {
        private T _first;
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
