using System.Runtime.CompilerServices;
using System.Text;
using Flux.Internal;
using Npgsql;
using NpgsqlTypes;

namespace Flux;

/// <summary>
/// The <see cref="IExecutionStore"/> for many processes and machines: executions and their logs in PostgreSQL
/// (Npgsql), in tables of one schema that the store creates and migrates itself. Writes share transactions (group
/// commit: each batch is one round trip and one commit); claims are a compare-and-set on the row, exact under any
/// number of concurrent claimants in any number of processes.
/// </summary>
/// <remarks>
/// The constructor does not connect: the first operation (or <see cref="InitializeAsync"/>) creates the schema or
/// migrates it, under an advisory lock so that processes starting together do not race. See docs/stores.md.
/// </remarks>
public sealed class PostgresExecutionStore : IExecutionStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSql _sql;
    private readonly PostgresWriter _writer;
    private readonly string _schemaName;
    private readonly object _readyGate = new();
    private Task? _ready;
    private int _disposed;

    /// <summary>A store in the schema <c>flux</c> of the database a connection string names.</summary>
    public PostgresExecutionStore(string connectionString)
        : this(new PostgresExecutionStoreOptions { ConnectionString = connectionString })
    {
    }

    /// <summary>A store with the given options.</summary>
    public PostgresExecutionStore(PostgresExecutionStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxWritesPerCommit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxWritesPerCommit, "PostgresExecutionStoreOptions.MaxWritesPerCommit must be at least 1.");
        }

        _sql = new PostgresSql(options.Schema);
        _schemaName = options.Schema;
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The store runs the same few statements over and over: let Npgsql prepare them on each connection.
            builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        }

        var csb = builder.ConnectionStringBuilder;
        Name = $"'{options.Schema}' on {csb.Host}:{csb.Port}/{csb.Database ?? csb.Username}";
        _dataSource = builder.Build();
        _writer = new PostgresWriter(_dataSource, _sql, Name, options.MaxWritesPerCommit, EnsureReadyAsync);
    }

    /// <summary>The store as error messages name it: its schema, host, port and database (never the password).</summary>
    public string Name { get; }

    /// <summary>The schema version this build creates and reads (older schemas are migrated to it).</summary>
    public static int SchemaVersion => PostgresSchema.CurrentVersion;

    /// <summary>What this store instance has written since it was created; <c>Appends / Commits</c> shows group commit at work.</summary>
    public ExecutionStoreStatistics Statistics => _writer.Statistics;

    /// <summary>
    /// Connects, and creates or migrates the store's schema if needed. Every operation does this first; call it at
    /// start-up to find a wrong connection string or a newer schema at once.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => EnsureReadyAsync(cancellationToken).AsTask();

    private ValueTask EnsureReadyAsync(CancellationToken cancellationToken)
    {
        var ready = _ready;
        if (ready is { IsCompletedSuccessfully: true })
        {
            return ValueTask.CompletedTask;
        }

        lock (_readyGate)
        {
            // A failed attempt (the server was down) is tried again by the next operation.
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = MigrateAsync();
            }

            return new ValueTask(_ready.WaitAsync(cancellationToken));
        }
    }

    private async Task MigrateAsync()
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchema.LockKey(_schemaName)})").ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {_sql.Schema}").ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {_sql.Schema}.schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())").ConfigureAwait(false);
            int version;
            await using (var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {_sql.Schema}.schema_version", connection, transaction))
            {
                version = (int)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
            }

            if (version > PostgresSchema.CurrentVersion)
            {
                throw new ExecutionStoreException(
                    $"The PostgreSQL store {Name} has schema version {version}, but this build of Flux.PostgreSql supports versions up to {PostgresSchema.CurrentVersion}: " +
                    "it was migrated by a newer version of Flux. Upgrade the Flux.PostgreSql package (Flux did not change the schema).");
            }

            for (var v = version; v < PostgresSchema.CurrentVersion; v++)
            {
                await ExecuteAsync(connection, transaction, string.Format(System.Globalization.CultureInfo.InvariantCulture, PostgresSchema.Migrations[v], _sql.Schema)).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, $"INSERT INTO {_sql.Schema}.schema_version (version) VALUES ({v + 1})").ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw PostgresErrors.Wrap(Name, e, "create or migrate its schema");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default)
    {
        if (StoreRules.CheckCreate(execution, events) is { } sequenceError)
        {
            return ValueTask.FromException(sequenceError);
        }

        return new ValueTask(_writer.Enqueue(new PostgresCreate(execution, events, cancellationToken)));
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default)
    {
        if (StoreRules.CheckAppend(executionId, events) is { } sequenceError)
        {
            return ValueTask.FromException(sequenceError);
        }

        return new ValueTask(_writer.Enqueue(new PostgresAppend(executionId, events, update, cancellationToken)));
    }

    /// <inheritdoc />
    public async ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = _dataSource.CreateCommand(_sql.Get);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = executionId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? PostgresRows.ReadExecution(reader, Name) : null;
        }
        catch (NpgsqlException e)
        {
            throw PostgresErrors.Wrap(Name, e, "read the execution", executionId);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlCommand? command = null;
        NpgsqlDataReader? reader = null;
        try
        {
            try
            {
                // One statement, one snapshot: a row with no event (from the outer join) says the execution exists.
                command = _dataSource.CreateCommand(_sql.ReadEvents);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = executionId });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e)
            {
                throw PostgresErrors.Wrap(Name, e, "read the events", executionId);
            }

            var found = false;
            string? lastName = null;
            string? lastCallId = null;
            while (true)
            {
                StoredEvent next;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    found = true;
                    if (reader.IsDBNull(0))
                    {
                        continue;
                    }

                    var sequence = reader.GetInt64(0);
                    var type = StoredNames.ParseEventType(reader.GetString(1), sequence, executionId, PostgresRows.StoreFormat, Name);
                    var time = StoreRules.FromTicks(reader.GetInt64(2));
                    var callId = reader.IsDBNull(3) ? null : reader.GetString(3);
                    var name = reader.GetString(4);
                    var payload = reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5);

                    // Consecutive events of a call share its id, and a log repeats a few task names: share the strings.
                    callId = callId is not null && callId == lastCallId ? lastCallId : lastCallId = callId;
                    name = name == lastName ? lastName : lastName = name;
                    next = new StoredEvent(sequence, type, time, callId, name!, payload);
                }
                catch (NpgsqlException e)
                {
                    throw PostgresErrors.Wrap(Name, e, "read the events", executionId);
                }

                yield return next;
            }

            if (!found)
            {
                throw new ExecutionNotFoundException(executionId);
            }
        }
        finally
        {
            if (reader is not null)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }

            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default)
    {
        var after = StoreRules.CheckQuery(query);
        if (query.States is { Count: 0 })
        {
            return new ExecutionPage([], null);
        }

        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand();
        var sql = new StringBuilder(_sql.Query);
        void Add(string condition, NpgsqlParameter parameter)
        {
            command.Parameters.Add(parameter);
            sql.Append(" AND ").Append(condition.Replace("$p", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }

        if (query.WorkflowName is not null)
        {
            Add("workflow_name = $p", new NpgsqlParameter<string> { TypedValue = query.WorkflowName });
        }

        if (query.States is not null)
        {
            Add("state = ANY($p)", new NpgsqlParameter<string[]> { TypedValue = query.States.Distinct().Select(StoredNames.Name).ToArray() });
        }

        if (query.CreatedFrom is { } from)
        {
            Add("created_at >= $p", new NpgsqlParameter<long> { TypedValue = from.UtcTicks });
        }

        if (query.CreatedBefore is { } before)
        {
            Add("created_at < $p", new NpgsqlParameter<long> { TypedValue = before.UtcTicks });
        }

        if (query.WakeAtOrBefore is { } wake)
        {
            Add("wake_at <= $p", new NpgsqlParameter<long> { TypedValue = wake.UtcTicks });
        }

        if (query.ParentExecutionId is not null)
        {
            Add("parent_execution_id = $p", new NpgsqlParameter<string> { TypedValue = query.ParentExecutionId });
        }

        if (after is { } position)
        {
            Add("created_at <= $p", new NpgsqlParameter<long> { TypedValue = position.CreatedTicks });
            Add($"(created_at < ${command.Parameters.Count} OR execution_id < $p)", new NpgsqlParameter<string> { TypedValue = position.ExecutionId });
        }

        // One row more than the page: whether it exists says whether there is a next page.
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit + 1 });
        sql.Append(" ORDER BY created_at DESC, execution_id DESC LIMIT $").Append(command.Parameters.Count);
        command.CommandText = sql.ToString();

        var items = new List<ExecutionRecord>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(PostgresRows.ReadExecution(reader, Name));
            }
        }
        catch (NpgsqlException e)
        {
            throw PostgresErrors.Wrap(Name, e, "query executions");
        }

        if (items.Count <= query.Limit)
        {
            return new ExecutionPage(items, null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        return new ExecutionPage(items, StoreRules.EncodeToken(last.CreatedAt.UtcTicks, last.ExecutionId));
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        StoreRules.CheckOwner(owner);
        return new ValueTask<ExecutionRecord?>(_writer.Enqueue(new PostgresSummaryChange<ExecutionRecord?>(
            executionId,
            "claim the execution",
            sql => PostgresSummaryChange<ExecutionRecord?>.Statement(sql.Claim, Text(executionId), Long(expectedVersion), Text(owner), Long(leaseExpiresAt.UtcTicks)),
            returnsRecord: true,
            cancellationToken)));
    }

    /// <inheritdoc />
    public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        StoreRules.CheckOwner(owner);
        return new ValueTask<ExecutionRecord?>(_writer.Enqueue(new PostgresSummaryChange<ExecutionRecord?>(
            executionId,
            "renew the claim",
            sql => PostgresSummaryChange<ExecutionRecord?>.Statement(sql.Renew, Text(executionId), Text(owner), Long(leaseExpiresAt.UtcTicks)),
            returnsRecord: true,
            cancellationToken)));
    }

    /// <inheritdoc />
    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        StoreRules.CheckOwner(owner);
        return new ValueTask(_writer.Enqueue(new PostgresSummaryChange<bool>(
            executionId,
            "release the claim",
            sql => PostgresSummaryChange<bool>.Statement(sql.Release, Text(executionId), Text(owner)),
            returnsRecord: false,
            cancellationToken)));
    }

    /// <inheritdoc />
    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default)
    {
        StoreRules.CheckExecutionId(executionId);
        return new ValueTask<bool>(_writer.Enqueue(new PostgresSummaryChange<bool>(
            executionId,
            "request cancellation",
            sql => PostgresSummaryChange<bool>.Statement(sql.RequestCancel, Text(executionId), Long(requestedAt.UtcTicks)),
            returnsRecord: false,
            cancellationToken)));
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) =>
        new(_writer.Enqueue(new PostgresDeleteFinished(finishedBefore, cancellationToken)));

    private static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Long(long value) => new NpgsqlParameter<long> { TypedValue = value };

    /// <summary>Finishes the writes already queued, then closes the store's connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"PostgresExecutionStore({Name})";
}
