using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// An <see cref="IExecutionStore"/> that keeps everything in the process's memory: the whole contract, thread-safe,
/// with nothing serialized or persisted. For tests, and for pausing and resuming within one process without a
/// database; a process that ends loses what it holds.
/// </summary>
/// <remarks>
/// Payload arrays are kept as given, not copied: do not change an array after handing it to the store. Each write is
/// its own "commit", so <see cref="Statistics"/> counts one commit per write.
/// </remarks>
public sealed class InMemoryExecutionStore : IExecutionStore
{
    private readonly ConcurrentDictionary<string, Entry> _executions = new(StringComparer.Ordinal);
    private long _writes;
    private long _appends;
    private long _events;

    /// <summary>What this store has written since it was created.</summary>
    public ExecutionStoreStatistics Statistics
    {
        get
        {
            var writes = Interlocked.Read(ref _writes);
            return new ExecutionStoreStatistics
            {
                Writes = writes,
                Appends = Interlocked.Read(ref _appends),
                Events = Interlocked.Read(ref _events),
                Commits = writes,
            };
        }
    }

    /// <inheritdoc />
    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        if (StoreRules.CheckCreate(execution, events) is { } sequenceError)
        {
            return ValueTask.FromException(sequenceError);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _writes);
        var record = Normalize(execution) with { Version = 1, LastSequence = events.Count };
        if (!_executions.TryAdd(execution.ExecutionId, new Entry(record, events)))
        {
            return ValueTask.FromException(new ExecutionAlreadyExistsException(execution.ExecutionId));
        }

        Interlocked.Add(ref _events, events.Count);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default)
    {
        if (StoreRules.CheckAppend(executionId, events) is { } sequenceError)
        {
            return ValueTask.FromException(sequenceError);
        }

        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _writes);
        var entry = Find(executionId);
        if (entry is null)
        {
            return ValueTask.FromException(new ExecutionNotFoundException(executionId));
        }

        lock (entry)
        {
            if (entry.Deleted)
            {
                return ValueTask.FromException(new ExecutionNotFoundException(executionId));
            }

            var record = entry.Record;
            if (events.Count > 0 && events[0].Sequence != record.LastSequence + 1)
            {
                return ValueTask.FromException(StoreRules.SequenceMismatch(executionId, record.LastSequence, events));
            }

            entry.Add(events);
            record = record with { LastSequence = record.LastSequence + events.Count, Version = record.Version + 1 };
            if (update is not null)
            {
                record = record with
                {
                    State = update.State,
                    UpdatedAt = update.UpdatedAt.ToUniversalTime(),
                    FinishedAt = update.FinishedAt?.ToUniversalTime(),
                    Output = update.Output,
                    ErrorType = update.ErrorType,
                    ErrorMessage = update.ErrorMessage,
                    PausedAt = update.PausedAt,
                    WakeAt = update.WakeAt?.ToUniversalTime(),
                };
            }

            entry.Record = record;
        }

        Interlocked.Increment(ref _appends);
        Interlocked.Add(ref _events, events.Count);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<ExecutionRecord?>(Find(executionId)?.Record);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        var entry = Find(executionId) ?? throw new ExecutionNotFoundException(executionId);
        StoredEvent[] events;
        int count;
        lock (entry)
        {
            // The array only grows by replacement and its first `count` slots never change: read them without the lock.
            (events, count) = (entry.Events, entry.Count);
        }

        var start = (int)Math.Clamp(afterSequence, 0, count);
        for (var i = start; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return events[i];
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default)
    {
        var after = StoreRules.CheckQuery(query);
        cancellationToken.ThrowIfCancellationRequested();
        var from = query.CreatedFrom?.UtcTicks;
        var before = query.CreatedBefore?.UtcTicks;
        var wake = query.WakeAtOrBefore?.UtcTicks;
        var matches = new List<ExecutionRecord>();
        foreach (var entry in _executions.Values)
        {
            var r = entry.Record;
            var created = r.CreatedAt.UtcTicks;
            if ((query.WorkflowName is null || r.WorkflowName == query.WorkflowName)
                && (query.States is null || query.States.Contains(r.State))
                && (from is null || created >= from)
                && (before is null || created < before)
                && (wake is null || (r.WakeAt is { } w && w.UtcTicks <= wake))
                && (query.ParentExecutionId is null || r.ParentExecutionId == query.ParentExecutionId)
                && (after is not { } a || StoreRules.CompareNewestFirst(a.CreatedTicks, a.ExecutionId, created, r.ExecutionId) < 0))
            {
                matches.Add(r);
            }
        }

        matches.Sort(static (x, y) => StoreRules.CompareNewestFirst(x.CreatedAt.UtcTicks, x.ExecutionId, y.CreatedAt.UtcTicks, y.ExecutionId));
        if (matches.Count <= query.Limit)
        {
            return new ValueTask<ExecutionPage>(new ExecutionPage(matches, null));
        }

        var page = matches.GetRange(0, query.Limit);
        var last = page[^1];
        return new ValueTask<ExecutionPage>(new ExecutionPage(page, StoreRules.EncodeToken(last.CreatedAt.UtcTicks, last.ExecutionId)));
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckOwner(owner);
        return Change(executionId, r => r.Version == expectedVersion, r => r with { Owner = owner, LeaseExpiresAt = leaseExpiresAt.ToUniversalTime() }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckOwner(owner);
        return Change(executionId, r => r.Owner == owner, r => r with { LeaseExpiresAt = leaseExpiresAt.ToUniversalTime() }, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckOwner(owner);
        await Change(executionId, r => r.Owner == owner, r => r with { Owner = null, LeaseExpiresAt = null }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default)
    {
        var requested = requestedAt.ToUniversalTime();
        var changed = await Change(
            executionId,
            r => !StoreRules.IsFinished(r.State),
            r => r.CancelRequestedAt is null ? r with { CancelRequestedAt = requested } : r,
            cancellationToken).ConfigureAwait(false);
        return changed is not null;
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _writes);
        var cutoff = finishedBefore.UtcTicks;
        var deleted = 0;
        foreach (var (id, entry) in _executions)
        {
            lock (entry)
            {
                var r = entry.Record;
                if (!entry.Deleted && StoreRules.IsFinished(r.State) && r.FinishedAt is { } finished && finished.UtcTicks < cutoff)
                {
                    entry.Deleted = true;
                    _executions.TryRemove(new KeyValuePair<string, Entry>(id, entry));
                    deleted++;
                }
            }
        }

        return new ValueTask<int>(deleted);
    }

    private Entry? Find(string executionId) => _executions.TryGetValue(executionId, out var entry) ? entry : null;

    /// <summary>Applies a change to the summary when <paramref name="condition"/> holds; the version moves on only when the summary changed.</summary>
    private ValueTask<ExecutionRecord?> Change(string executionId, Func<ExecutionRecord, bool> condition, Func<ExecutionRecord, ExecutionRecord> change, CancellationToken cancellationToken)
    {
        StoreRules.CheckExecutionId(executionId);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _writes);
        var entry = Find(executionId);
        if (entry is null)
        {
            return new ValueTask<ExecutionRecord?>((ExecutionRecord?)null);
        }

        lock (entry)
        {
            if (entry.Deleted || !condition(entry.Record))
            {
                return new ValueTask<ExecutionRecord?>((ExecutionRecord?)null);
            }

            var changed = change(entry.Record);
            if (!ReferenceEquals(changed, entry.Record))
            {
                entry.Record = changed with { Version = entry.Record.Version + 1 };
            }

            return new ValueTask<ExecutionRecord?>(entry.Record);
        }
    }

    private static ExecutionRecord Normalize(ExecutionRecord r) => r with
    {
        CreatedAt = r.CreatedAt.ToUniversalTime(),
        UpdatedAt = r.UpdatedAt.ToUniversalTime(),
        FinishedAt = r.FinishedAt?.ToUniversalTime(),
        WakeAt = r.WakeAt?.ToUniversalTime(),
        LeaseExpiresAt = r.LeaseExpiresAt?.ToUniversalTime(),
        CancelRequestedAt = r.CancelRequestedAt?.ToUniversalTime(),
    };

    /// <summary>One execution: its summary and its log. Locked while it changes.</summary>
    private sealed class Entry
    {
        public Entry(ExecutionRecord record, IReadOnlyList<StoredEvent> events)
        {
            Record = record;
            Events = new StoredEvent[Math.Max(4, events.Count)];
            Add(events);
        }

        public ExecutionRecord Record { get; set; }

        public StoredEvent[] Events { get; private set; }

        public int Count { get; private set; }

        public bool Deleted { get; set; }

        public void Add(IReadOnlyList<StoredEvent> events)
        {
            if (Count + events.Count > Events.Length)
            {
                // Replace rather than resize in place: readers may still be walking the old array.
                var grown = new StoredEvent[Math.Max(Events.Length * 2, Count + events.Count)];
                Array.Copy(Events, grown, Count);
                Events = grown;
            }

            for (var i = 0; i < events.Count; i++)
            {
                Events[Count + i] = events[i];
            }

            Count += events.Count;
        }
    }
}
