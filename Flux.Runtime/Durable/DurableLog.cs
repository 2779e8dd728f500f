namespace Flux;

/// <summary>
/// The durable side of one execution's log: the events recorded since the last commit, queued in sequence order, and
/// the rounds that append them to the store. Every event gets its sequence number when the execution's in-memory log
/// takes it (under the execution's lock) and is queued here at the same moment, so the store receives exactly the
/// in-memory order, numbered contiguously.
/// </summary>
/// <remarks>
/// <para><b>Commit points.</b> A caller that must not go on before an event is durable (a call whose result the
/// workflow is about to see, a terminal event) awaits <see cref="CommitAsync"/>; every other event rides along with
/// the next commit. <b>Group commit:</b> a round appends everything queued when it starts, in one
/// <see cref="IExecutionStore.AppendAsync"/>; callers that arrive while a round is in flight share the next one. The
/// first caller of an idle log appends on its own thread (the SQLite store then commits there, without a thread hop);
/// the rounds after it run on the thread pool. The completions of a Map's items are not awaited one by one:
/// <see cref="CommitSoon"/> keeps rounds going in the background while items complete, and the Map awaits the last
/// round before it returns.</para>
/// <para><b>Failure.</b> A round that fails (the store refused it, another owner took the execution) breaks the log:
/// every waiter and every later commit throws that failure, and nothing more is written.</para>
/// </remarks>
internal sealed class DurableLog
{
    private readonly object _lock = new();
    private List<StoredEvent> _queue = [];
    private ExecutionUpdate? _update;
    private long _recorded;
    private long _committed;
    private bool _flushing;
    private bool _soon;
    private Round? _inFlight;
    private TaskCompletionSource? _next;
    private Exception? _broken;

    public DurableLog(IExecutionStore store, string executionId, long committed)
    {
        Store = store;
        ExecutionId = executionId;
        _recorded = committed;
        _committed = committed;
    }

    public IExecutionStore Store { get; }

    public string ExecutionId { get; }

    /// <summary>The number of the last event queued.</summary>
    public long RecordedThrough => Volatile.Read(ref _recorded);

    /// <summary>The number of the last event committed.</summary>
    public long CommittedThrough => Volatile.Read(ref _committed);

    /// <summary>Why the log stopped writing, if it did.</summary>
    public Exception? Broken => Volatile.Read(ref _broken);

    /// <summary>Raised (outside any lock) after each committed round, with the number of the last event committed.</summary>
    public event Action<long>? Committed;

    /// <summary>Queues an event; the caller holds the execution's lock, so events queue in sequence order.</summary>
    public void Enqueue(StoredEvent stored)
    {
        lock (_lock)
        {
            if (_broken is null)
            {
                _queue.Add(stored);
                _recorded = stored.Sequence;
            }
        }
    }

    /// <summary>Sets the summary update the next round writes with its events (a later one replaces it).</summary>
    public void SetUpdate(ExecutionUpdate update)
    {
        lock (_lock)
        {
            _update = update;
        }
    }

    /// <summary>Stops the log: nothing more is written, and every waiter and later commit throws <paramref name="error"/>.</summary>
    public void Break(Exception error)
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            _broken ??= error;
            next = _next;
            _next = null;
            _queue.Clear();
        }

        next?.TrySetException(error);
    }

    /// <summary>Creates the execution in the store with the events queued so far (its first ones), in one commit.</summary>
    public async ValueTask CreateAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        List<StoredEvent> first;
        lock (_lock)
        {
            first = _queue;
            _queue = [];
        }

        try
        {
            await Store.CreateAsync(record, first, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Break(error);
            throw;
        }

        lock (_lock)
        {
            _committed = first.Count == 0 ? _committed : first[^1].Sequence;
        }
    }

    /// <summary>Completes once every event up to <paramref name="through"/> is committed.</summary>
    public ValueTask CommitAsync(long through)
    {
        Round round;
        lock (_lock)
        {
            if (_committed >= through)
            {
                return default;
            }

            if (_broken is { } broken)
            {
                return ValueTask.FromException(broken);
            }

            if (_flushing)
            {
                if (_inFlight is { } inFlight && inFlight.Through >= through)
                {
                    return new ValueTask((inFlight.Done ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task);
                }

                return new ValueTask((_next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task);
            }

            round = TakeRound(null);
        }

        return RunRoundsAsync(round, handOff: true);
    }

    /// <summary>Completes once everything queued so far, and the pending summary update, is committed.</summary>
    public ValueTask CommitAllAsync()
    {
        Round round;
        lock (_lock)
        {
            if (_broken is { } broken)
            {
                return ValueTask.FromException(broken);
            }

            var pending = _queue.Count > 0 || _update is not null;
            if (!pending)
            {
                return _flushing && _inFlight is { } inFlight
                    ? new ValueTask((inFlight.Done ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task)
                    : default;
            }

            if (_flushing)
            {
                return new ValueTask((_next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task);
            }

            round = TakeRound(null);
        }

        return RunRoundsAsync(round, handOff: true);
    }

    /// <summary>Commits what is queued soon, in the background, without anyone waiting: a Map's item completions.</summary>
    public void CommitSoon()
    {
        Round round;
        lock (_lock)
        {
            if (_broken is not null || _queue.Count == 0)
            {
                return;
            }

            if (_flushing)
            {
                _soon = true;
                return;
            }

            round = TakeRound(null);
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Log.RunRoundsAsync(state.Round, handOff: false), (Log: this, Round: round), preferLocal: false);
    }

    /// <summary>Takes everything queued (and the pending update) as the next round. The caller holds the lock.</summary>
    private Round TakeRound(TaskCompletionSource? done)
    {
        var round = new Round(_recorded, _queue, _update, done);
        _queue = new List<StoredEvent>(Math.Min(Math.Max(round.Events.Count, 16), 4096));
        _update = null;
        _soon = false;
        _flushing = true;
        _inFlight = round;
        return round;
    }

    /// <summary>
    /// Appends <paramref name="round"/> and then every round that was asked for meanwhile. With <paramref name="handOff"/>,
    /// the caller (who waits for its own round only) gets control back after its round, and the rounds after it run on
    /// the thread pool.
    /// </summary>
    private async ValueTask RunRoundsAsync(Round round, bool handOff)
    {
        while (true)
        {
            Exception? error = null;
            try
            {
                await Store.AppendAsync(ExecutionId, round.Events, round.Update, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception failed)
            {
                error = failed;
            }

            Round? next = null;
            TaskCompletionSource? failedNext = null;
            lock (_lock)
            {
                if (error is null)
                {
                    _committed = round.Through;
                    if (_broken is null && (_next is not null || (_soon && _queue.Count > 0)))
                    {
                        var done = _next;
                        _next = null;
                        next = TakeRound(done);
                    }
                }
                else
                {
                    _broken ??= error;
                    failedNext = _next;
                    _next = null;
                }

                if (next is null)
                {
                    _flushing = false;
                    _inFlight = null;
                }
            }

            if (error is not null)
            {
                round.Done?.TrySetException(error);
                failedNext?.TrySetException(error);
                if (handOff)
                {
                    throw error;
                }

                return;
            }

            round.Done?.TrySetResult();
            Committed?.Invoke(round.Through);
            if (next is null)
            {
                return;
            }

            if (handOff)
            {
                // This caller's own round is committed: the next one runs in the background.
                ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Log.RunRoundsAsync(state.Round, handOff: false), (Log: this, Round: next), preferLocal: false);
                return;
            }

            round = next;
        }
    }

    private sealed class Round(long through, List<StoredEvent> events, ExecutionUpdate? update, TaskCompletionSource? done)
    {
        public long Through { get; } = through;

        public List<StoredEvent> Events { get; } = events;

        public ExecutionUpdate? Update { get; } = update;

        /// <summary>Completed when the round is committed; made when someone besides the round's runner waits for it.</summary>
        public TaskCompletionSource? Done { get; set; } = done;
    }
}
