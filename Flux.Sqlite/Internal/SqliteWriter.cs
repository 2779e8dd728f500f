using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>
/// Group commit: the one connection that writes, and the queue of writes waiting for it. Writes queue up and are
/// committed together, one transaction per batch, by whoever holds the writer's role: a caller that awaits its write
/// while no commit is under way (so a sequential chain of appends pays no thread hop), or a background drain that
/// takes over what queued during a commit. Every caller's task completes only after the commit that carried its
/// write. A batch that fails is rolled back and its writes are tried again one
/// by one, so one bad write cannot fail the others.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private readonly int _maxBatch;
    private readonly RawStatement _begin;
    private readonly RawStatement _commit;
    private readonly RawStatement _rollback;
    private List<WriteRequest> _pending = [];
    private List<WriteRequest> _spare = [];
    private bool _writing;
    private bool _drainQueued;
    private int _pendingCount;
    private const int LingerSpins = 30;
    private bool _closed;
    private TaskCompletionSource? _idle;
    private long _writes;
    private long _appends;
    private long _events;
    private long _commits;

    public SqliteWriter(SqliteConnection connection, string path, int maxBatch)
    {
        _connection = connection;
        Path = path;
        _maxBatch = maxBatch;
        _begin = new RawStatement(connection, "BEGIN IMMEDIATE");
        _commit = new RawStatement(connection, "COMMIT");
        _rollback = new RawStatement(connection, "ROLLBACK");
        Statements = new SqliteStatements(this);
    }

    /// <summary>The store's file, for error messages.</summary>
    public string Path { get; }

    /// <summary>The prepared statements that writes use.</summary>
    public SqliteStatements Statements { get; }

    /// <summary>The writing connection (statements are prepared on it).</summary>
    public SqliteConnection Connection => _connection;

    public ExecutionStoreStatistics Statistics => new()
    {
        Writes = Interlocked.Read(ref _writes),
        Appends = Interlocked.Read(ref _appends),
        Events = Interlocked.Read(ref _events),
        Commits = Interlocked.Read(ref _commits),
    };

    /// <summary>A command on the writing connection; parameters are added by the caller before it is first run.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Queues a write. It is committed when its caller awaits it (<see cref="TryCommitHere"/>), or with the batch of
    /// a commit already under way: writes queued before anyone awaits share one commit, and a lone awaited append pays
    /// no thread hop. A full batch that nobody has awaited yet starts a background drain, so the queue stays bounded.
    /// </summary>
    public void Enqueue(WriteRequest request)
    {
        bool start;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, typeof(SqliteExecutionStore));
            _pending.Add(request);
            _pendingCount = _pending.Count;
            start = !_writing && !_drainQueued && _pending.Count >= _maxBatch;
            _drainQueued |= start;
        }

        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.DrainIfIdle(), this, preferLocal: false);
        }
    }

    /// <summary>
    /// Commits the next batch on the calling thread if no commit is under way (the caller awaits a queued write);
    /// hands what queued meanwhile to a background drain. False when another thread is committing.
    /// </summary>
    public bool TryCommitHere()
    {
        lock (_gate)
        {
            if (_writing || _pending.Count == 0)
            {
                return false;
            }

            _writing = true;
        }

        CommitNextBatch();
        if (!StopIfIdle())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static writer => writer.DrainOwned(), this, preferLocal: false);
        }

        return true;
    }

    private void DrainIfIdle()
    {
        lock (_gate)
        {
            _drainQueued = false;
            if (_writing || _pending.Count == 0)
            {
                return;
            }

            _writing = true;
        }

        DrainOwned();
    }

    private void DrainOwned()
    {
        do
        {
            CommitNextBatch();
        }
        while (!StopIfIdle(linger: true));
    }

    /// <summary>
    /// Gives up the writer's role when nothing waits; true when it did. A drain that just committed a batch first
    /// lingers for a few spins: the callers it released usually queue their next writes at once, and taking them into
    /// the next batch is what keeps a busy Map's commits few (a lone caller committing on its own thread does not wait).
    /// </summary>
    private bool StopIfIdle(bool linger = false)
    {
        if (linger)
        {
            var spin = default(SpinWait);
            while (spin.Count < LingerSpins)
            {
                if (Volatile.Read(ref _pendingCount) > 0)
                {
                    return false;
                }

                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                return false;
            }

            _writing = false;
            _idle?.TrySetResult();
            return true;
        }
    }

    private void CommitNextBatch()
    {
        List<WriteRequest> batch;
        lock (_gate)
        {
            if (_pending.Count <= _maxBatch)
            {
                batch = _pending;
                _pending = _spare;
            }
            else
            {
                batch = _pending.GetRange(0, _maxBatch);
                _pending.RemoveRange(0, _maxBatch);
            }

            _pendingCount = _pending.Count;
        }

        batch.RemoveAll(static r => r.SkipIfCancelled());
        if (batch.Count > 0 && !TryCommit(batch, out _))
        {
            // Try each write alone, in order, so that only the write that fails reports the failure.
            var single = new List<WriteRequest>(1) { null! };
            foreach (var request in batch)
            {
                single[0] = request;
                if (!TryCommit(single, out var error))
                {
                    request.Fail(error!);
                }
            }
        }

        batch.Clear();
        lock (_gate)
        {
            _spare = batch;
        }
    }

    private bool TryCommit(List<WriteRequest> batch, out Exception? error)
    {
        try
        {
            _begin.Run();
            foreach (var request in batch)
            {
                request.Execute(this);
            }

            Statements.FlushLogs();
            _commit.Run();
        }
        catch (Exception e)
        {
            Statements.ForgetLogs();
            error = e is SqliteException sqlite
                ? SqliteFile.Wrap(Path, sqlite, batch.Count == 1 ? batch[0].Operation : "commit a batch of writes", batch.Count == 1 ? batch[0].ExecutionId : null)
                : e;
            try
            {
                // SQLite has already rolled back after some errors (a full disk, an I/O error); otherwise undo the batch.
                if (!_connection.IsAutocommit())
                {
                    _rollback.Run();
                }
            }
            catch (Exception rollbackError)
            {
                error = new ExecutionStoreException(
                    $"The SQLite store '{Path}' could not roll back a failed write; the writes of that transaction are not in the file: {rollbackError.Message}",
                    new AggregateException(error, rollbackError));
            }

            return false;
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, batch.Count);
        foreach (var request in batch)
        {
            Interlocked.Add(ref _appends, request.Appends);
            Interlocked.Add(ref _events, request.Events);
            request.Complete();
        }

        error = null;
        return true;
    }

    /// <summary>Refuses new writes, waits for the queued ones to commit, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Task idle;
        bool drainHere;
        lock (_gate)
        {
            _closed = true;
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drainHere = !_writing && _pending.Count > 0;
            _writing |= drainHere;
            if (!_writing)
            {
                _idle.TrySetResult();
            }

            idle = _idle.Task;
        }

        // Writes queued that nobody awaited are committed before the connection closes.
        if (drainHere)
        {
            DrainOwned();
        }

        await idle.ConfigureAwait(false);
        Statements.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Whether a connection is outside a transaction (SQLite's autocommit mode).</summary>
internal static class SqliteConnectionExtensions
{
    public static bool IsAutocommit(this SqliteConnection connection) =>
        connection.Handle is null || SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) != 0;
}
