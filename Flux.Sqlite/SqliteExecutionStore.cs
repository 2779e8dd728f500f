using System.Runtime.CompilerServices;
using System.Text;
using Flux.Internal;
using Microsoft.Data.Sqlite;

namespace Flux;

/// <summary>
/// The embedded durable <see cref="IExecutionStore"/>: one SQLite file in WAL mode, with a versioned schema that the
/// store creates and migrates. Writes share transactions (group commit): appends that arrive together are committed
/// together, and each caller returns once its own commit is durable. Several store instances, in one process or
/// several, may open the same file; claims and sequence numbers stay exact across them.
/// </summary>
/// <remarks>
/// <para>The constructor opens the file: it refuses a damaged file, a file of another program, and a file written by
/// a newer schema, each with an error that names the file and what to do, and it never changes such a file.</para>
/// <para>See docs/stores.md for the file's layout, the migrations and what <see cref="SqliteDurability"/> means.</para>
/// </remarks>
public sealed class SqliteExecutionStore : IExecutionStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteWriter _writer;
    private readonly SqliteReaders _readers;
    private int _disposed;

    /// <summary>Opens (or creates) the store in the file a connection string names, such as <c>Data Source=flux.db</c>.</summary>
    public SqliteExecutionStore(string connectionString)
        : this(new SqliteExecutionStoreOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>Opens (or creates) the store with the given options.</summary>
    public SqliteExecutionStore(SqliteExecutionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxWritesPerCommit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxWritesPerCommit, "SqliteExecutionStoreOptions.MaxWritesPerCommit must be at least 1.");
        }

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException(
                $"The SQLite store needs a file: the connection string '{options.ConnectionString}' names none (or an in-memory database). " +
                "Use 'Data Source=flux.db', or InMemoryExecutionStore to keep executions in memory.",
                nameof(options));
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            throw new ArgumentException($"The SQLite store writes to its file; the connection string '{options.ConnectionString}' opens it read-only.", nameof(options));
        }

        Path = System.IO.Path.GetFullPath(builder.DataSource);
        builder.DataSource = Path;

        // The store keeps its own connections open (one writer, a few readers), so the driver's pool is not needed.
        builder.Pooling = false;
        builder.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        var writerConnection = SqliteOpener.OpenWriter(builder.ToString(), Path, options);
        builder.Mode = SqliteOpenMode.ReadWrite;
        _readers = new SqliteReaders(builder.ToString(), Path);
        _writer = new SqliteWriter(writerConnection, Path, options.MaxWritesPerCommit);
    }

    /// <summary>The full path of the store's file.</summary>
    public string Path { get; }

    /// <summary>The connection every write goes through (the crash tests' child process hooks its commits).</summary>
    internal SqliteConnection WriterConnection => _writer.Connection;

    /// <summary>The schema version this build creates and reads (older files are migrated to it when opened).</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    /// <summary>What this store instance has written since it was opened; <c>Appends / Commits</c> shows group commit at work.</summary>
    public ExecutionStoreStatistics Statistics => _writer.Statistics;

    /// <inheritdoc />
    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        if (StoreRules.CheckCreate(execution, events) is { } sequenceError)
        {
            return ValueTask.FromException(sequenceError);
        }

        return new CreateRequest(_writer, execution, events, cancellationToken).EnqueueWithoutResult();
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default)
    {
        if (StoreRules.CheckAppend(executionId, events) is { } sequenceError)
        {
            return ValueTask.FromException(sequenceError);
        }

        return new AppendRequest(_writer, executionId, events, update, cancellationToken).EnqueueWithoutResult();
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        cancellationToken.ThrowIfCancellationRequested();
        var session = _readers.Rent();
        try
        {
            session.Get.Parameters[0].Value = executionId;
            using var reader = session.Get.ExecuteReader();
            return new ValueTask<ExecutionRecord?>(reader.Read() ? SqliteRows.ReadExecution(reader, Path) : null);
        }
        catch (SqliteException e)
        {
            throw SqliteFile.Wrap(Path, e, "read the execution", executionId);
        }
        finally
        {
            _readers.Return(session);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        await Task.CompletedTask.ConfigureAwait(false);
        var session = _readers.Rent();
        var finished = false;
        try
        {
            SqliteEventReader events;

            // One read transaction: the execution's row and its events come from the same snapshot.
            try
            {
                session.Begin.Run();
                session.FindKey.Parameters[0].Value = executionId;
                if (session.FindKey.ExecuteScalar() is not long key)
                {
                    throw new ExecutionNotFoundException(executionId);
                }

                session.Events.Bind(1, key);
                session.Events.Bind(2, afterSequence);
                events = new SqliteEventReader(session.Events, executionId, Path);
            }
            catch (SqliteException e)
            {
                throw SqliteFile.Wrap(Path, e, "read the events", executionId);
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                StoredEvent next;
                try
                {
                    if (!session.Events.Step())
                    {
                        break;
                    }

                    next = events.Read();
                }
                catch (SqliteException e)
                {
                    throw SqliteFile.Wrap(Path, e, "read the events", executionId);
                }

                yield return next;
            }

            finished = true;
        }
        finally
        {
            EndRead(session, executionId, reportErrors: finished);
        }
    }

    /// <summary>
    /// Ends a read transaction and returns its connection to the pool. When the read already failed, a second error
    /// from closing it (SQLite repeats the first) would only hide the first, so the connection is closed instead.
    /// </summary>
    private void EndRead(SqliteReadSession session, string executionId, bool reportErrors)
    {
        try
        {
            session.Events.Reset();
            if (!session.Connection.IsAutocommit())
            {
                session.Commit.Run();
            }
        }
        catch (SqliteException e)
        {
            session.Dispose();
            if (reportErrors)
            {
                throw SqliteFile.Wrap(Path, e, "finish reading the events", executionId);
            }

            return;
        }

        _readers.Return(session);
    }

    /// <inheritdoc />
    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default)
    {
        var after = StoreRules.CheckQuery(query);
        cancellationToken.ThrowIfCancellationRequested();
        if (query.States is { Count: 0 })
        {
            return new ValueTask<ExecutionPage>(new ExecutionPage([], null));
        }

        var session = _readers.Rent();
        try
        {
            using var command = session.Connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {StoredNames.ExecutionColumns} FROM executions WHERE 1 = 1");
            if (query.WorkflowName is not null)
            {
                sql.Append(" AND workflow_name = $workflow");
                command.Parameters.AddWithValue("$workflow", query.WorkflowName);
            }

            if (query.States is not null)
            {
                sql.Append(" AND state IN (");
                var states = query.States.Distinct().ToArray();
                for (var i = 0; i < states.Length; i++)
                {
                    sql.Append(i == 0 ? "$state0" : $", $state{i}");
                    command.Parameters.AddWithValue($"$state{i}", StoredNames.Name(states[i]));
                }

                sql.Append(')');
            }

            if (query.CreatedFrom is { } from)
            {
                sql.Append(" AND created_at >= $from");
                command.Parameters.AddWithValue("$from", from.UtcTicks);
            }

            if (query.CreatedBefore is { } before)
            {
                sql.Append(" AND created_at < $before");
                command.Parameters.AddWithValue("$before", before.UtcTicks);
            }

            if (query.WakeAtOrBefore is { } wake)
            {
                sql.Append(" AND wake_at <= $wake");
                command.Parameters.AddWithValue("$wake", wake.UtcTicks);
            }

            if (query.ParentExecutionId is not null)
            {
                sql.Append(" AND parent_execution_id = $parent");
                command.Parameters.AddWithValue("$parent", query.ParentExecutionId);
            }

            if (after is { } position)
            {
                sql.Append(" AND (created_at < $after_created OR (created_at = $after_created AND execution_id < $after_id))");
                command.Parameters.AddWithValue("$after_created", position.CreatedTicks);
                command.Parameters.AddWithValue("$after_id", position.ExecutionId);
            }

            // One row more than the page: whether it exists says whether there is a next page.
            sql.Append(" ORDER BY created_at DESC, execution_id DESC LIMIT $limit");
            command.Parameters.AddWithValue("$limit", query.Limit + 1);
            command.CommandText = sql.ToString();

            var items = new List<ExecutionRecord>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    items.Add(SqliteRows.ReadExecution(reader, Path));
                }
            }

            if (items.Count <= query.Limit)
            {
                return new ValueTask<ExecutionPage>(new ExecutionPage(items, null));
            }

            items.RemoveAt(items.Count - 1);
            var last = items[^1];
            return new ValueTask<ExecutionPage>(new ExecutionPage(items, StoreRules.EncodeToken(last.CreatedAt.UtcTicks, last.ExecutionId)));
        }
        catch (SqliteException e)
        {
            throw SqliteFile.Wrap(Path, e, "query executions");
        }
        finally
        {
            _readers.Return(session);
        }
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        StoreRules.CheckOwner(owner);
        return new SummaryRequest<ExecutionRecord?>(
            _writer, executionId, "claim the execution", s => s.Claim(executionId, expectedVersion, owner, leaseExpiresAt), cancellationToken).Enqueue();
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        StoreRules.CheckOwner(owner);
        return new SummaryRequest<ExecutionRecord?>(
            _writer, executionId, "renew the claim", s => s.Renew(executionId, owner, leaseExpiresAt), cancellationToken).Enqueue();
    }

    /// <inheritdoc />
    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        StoreRules.CheckOwner(owner);
        return new SummaryRequest<bool>(_writer, executionId, "release the claim", s => s.Release(executionId, owner), cancellationToken).EnqueueWithoutResult();
    }

    /// <inheritdoc />
    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        return new SummaryRequest<bool>(
            _writer, executionId, "request cancellation", s => s.RequestCancel(executionId, requestedAt), cancellationToken).Enqueue();
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) =>
        new DeleteFinishedRequest(_writer, finishedBefore, cancellationToken).Enqueue();

    /// <summary>Finishes the writes already queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            _readers.Dispose();
        }
    }

    /// <summary>Finishes the writes already queued, then closes the file.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override string ToString() => $"SqliteExecutionStore({Path})";
}
