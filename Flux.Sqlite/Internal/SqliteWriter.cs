using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>
/// Group commit: the one connection that writes, and the loop that drains the queue of writes into one transaction
/// per batch. Every caller's task completes only after the commit that carried its write. A batch that fails is
/// rolled back and its writes are tried again one by one, so one bad write cannot fail the others.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly int _maxBatch;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly Task _loop;
    private long _writes;
    private long _appends;
    private long _events;
    private long _commits;

    public SqliteWriter(SqliteConnection connection, string path, int maxBatch)
    {
        _connection = connection;
        Path = path;
        _maxBatch = maxBatch;
        _begin = Command("BEGIN IMMEDIATE");
        _commit = Command("COMMIT");
        _rollback = Command("ROLLBACK");
        Statements = new SqliteStatements(this);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The store's file, for error messages.</summary>
    public string Path { get; }

    /// <summary>The prepared statements that writes use.</summary>
    public SqliteStatements Statements { get; }

    public ExecutionStoreStatistics Statistics => new()
    {
        Writes = Interlocked.Read(ref _writes),
        Appends = Interlocked.Read(ref _appends),
        Events = Interlocked.Read(ref _events),
        Commits = Interlocked.Read(ref _commits),
    };

    /// <summary>A prepared command on the writing connection; parameters are added by the caller before it is first run.</summary>
    public SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Queues a write; its task completes after the commit that carries it.</summary>
    public Task<T> Enqueue<T>(WriteRequest<T> request)
    {
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteExecutionStore), $"The SQLite store '{Path}' was disposed.");
        }

        return request.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<WriteRequest>();
        var reader = _queue.Reader;
        try
        {
            await DrainAsync(reader, batch).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Only a bug gets here; fail everything in flight and everything queued rather than leave callers waiting.
            _queue.Writer.TryComplete(e);
            foreach (var request in batch)
            {
                request.Fail(e);
            }

            while (reader.TryRead(out var request))
            {
                request.Fail(e);
            }
        }
    }

    private async Task DrainAsync(ChannelReader<WriteRequest> reader, List<WriteRequest> batch)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var request))
            {
                if (!request.SkipIfCancelled())
                {
                    batch.Add(request);
                }
            }

            if (batch.Count > 0 && !TryCommit(batch, out _))
            {
                // Try each write alone, in order, so that only the write that fails reports the failure.
                foreach (var request in batch)
                {
                    if (!TryCommit([request], out var error))
                    {
                        request.Fail(error!);
                    }
                }
            }

            batch.Clear();
        }
    }

    private bool TryCommit(List<WriteRequest> batch, out Exception? error)
    {
        try
        {
            _begin.ExecuteNonQuery();
            foreach (var request in batch)
            {
                request.Execute(this);
            }

            _commit.ExecuteNonQuery();
        }
        catch (Exception e)
        {
            error = e is SqliteException sqlite
                ? SqliteFile.Wrap(Path, sqlite, batch.Count == 1 ? batch[0].Operation : "commit a batch of writes", batch.Count == 1 ? batch[0].ExecutionId : null)
                : e;
            try
            {
                // SQLite has already rolled back after some errors (a full disk, an I/O error); otherwise undo the batch.
                if (!_connection.IsAutocommit())
                {
                    _rollback.ExecuteNonQuery();
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

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
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
