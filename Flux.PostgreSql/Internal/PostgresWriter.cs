using System.Threading.Channels;
using Npgsql;

namespace Flux.Internal;

/// <summary>
/// Group commit: writes queue up, and one loop sends each batch of them as one round trip (an <see cref="NpgsqlBatch"/>
/// that PostgreSQL runs as one implicit transaction, committed at its end). Every caller's task completes only after
/// that commit. A batch that fails (a deadlock with another process, a lost connection) is tried again write by write,
/// so one bad write cannot fail the others.
/// </summary>
internal sealed class PostgresWriter : IAsyncDisposable
{
    private readonly Channel<PostgresWrite> _queue = Channel.CreateUnbounded<PostgresWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSql _sql;
    private readonly string _store;
    private readonly int _maxBatch;
    private readonly Func<CancellationToken, ValueTask> _ready;
    private readonly Task _loop;
    private long _writes;
    private long _appends;
    private long _events;
    private long _commits;

    public PostgresWriter(NpgsqlDataSource dataSource, PostgresSql sql, string store, int maxBatch, Func<CancellationToken, ValueTask> ready)
    {
        _dataSource = dataSource;
        _sql = sql;
        _store = store;
        _maxBatch = maxBatch;
        _ready = ready;
        _loop = Task.Run(RunAsync);
    }

    public ExecutionStoreStatistics Statistics => new()
    {
        Writes = Interlocked.Read(ref _writes),
        Appends = Interlocked.Read(ref _appends),
        Events = Interlocked.Read(ref _events),
        Commits = Interlocked.Read(ref _commits),
    };

    public Task<T> Enqueue<T>(PostgresWrite<T> write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(PostgresExecutionStore), $"The PostgreSQL store {_store} was disposed.");
        }

        return write.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PostgresWrite>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < _maxBatch && reader.TryRead(out var write))
                {
                    if (write.CancellationToken.IsCancellationRequested)
                    {
                        write.Fail(new OperationCanceledException(write.CancellationToken));
                    }
                    else
                    {
                        batch.Add(write);
                    }
                }

                if (batch.Count > 0 && await TryCommitAsync(batch).ConfigureAwait(false) is not null)
                {
                    var single = new List<PostgresWrite>(1) { null! };
                    foreach (var write in batch)
                    {
                        single[0] = write;
                        if (await TryCommitAsync(single).ConfigureAwait(false) is { } error)
                        {
                            write.Fail(error);
                        }
                    }
                }

                batch.Clear();
            }
        }
        catch (Exception e)
        {
            // Only a bug gets here; fail everything in flight and queued rather than leave callers waiting.
            _queue.Writer.TryComplete(e);
            foreach (var write in batch)
            {
                write.Fail(e);
            }

            while (reader.TryRead(out var write))
            {
                write.Fail(e);
            }
        }
    }

    /// <summary>Sends the batch as one transaction; returns null when it committed, or the error.</summary>
    private async Task<Exception?> TryCommitAsync(List<PostgresWrite> batch)
    {
        try
        {
            await _ready(CancellationToken.None).ConfigureAwait(false);
            await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var command = new NpgsqlBatch(connection);
            foreach (var write in batch)
            {
                command.BatchCommands.Add(write.Command(_sql));
            }

            await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (i > 0)
                    {
                        await reader.NextResultAsync().ConfigureAwait(false);
                    }

                    await batch[i].ReadAsync(reader, _store, CancellationToken.None).ConfigureAwait(false);
                }

                // Reading to the end reaches the implicit transaction's commit (and any error it raises).
                while (await reader.NextResultAsync().ConfigureAwait(false))
                {
                }
            }
        }
        catch (Exception e)
        {
            return e is NpgsqlException npgsql
                ? PostgresErrors.Wrap(_store, npgsql, batch.Count == 1 ? batch[0].Operation : "commit a batch of writes", batch.Count == 1 ? batch[0].ExecutionId : null)
                : e;
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, batch.Count);
        foreach (var write in batch)
        {
            Interlocked.Add(ref _appends, write.Appends);
            Interlocked.Add(ref _events, write.Events);
            write.Complete();
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}

/// <summary>Store errors for PostgreSQL failures: they name the store, the operation and the execution.</summary>
internal static class PostgresErrors
{
    public static ExecutionStoreException Wrap(string store, NpgsqlException e, string operation, string? executionId = null) =>
        new($"The PostgreSQL store {store} could not {operation}{(executionId is null ? string.Empty : $" for execution '{executionId}'")}: {e.Message}", e);
}
