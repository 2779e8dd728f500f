using Npgsql;
using NpgsqlTypes;

namespace Flux.Internal;

/// <summary>
/// One write waiting for the writer: it adds one statement to the batch's command list and reads that statement's
/// one result set; its task completes after the batch committed.
/// </summary>
internal abstract class PostgresWrite(string? executionId, CancellationToken cancellationToken)
{
    public string? ExecutionId { get; } = executionId;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>What it does, for error messages ("append events").</summary>
    public abstract string Operation { get; }

    public virtual int Appends => 0;

    public virtual int Events => 0;

    /// <summary>The statement, with its parameters.</summary>
    public abstract NpgsqlBatchCommand Command(PostgresSql sql);

    /// <summary>Reads the statement's result set (the reader is on it); a refusal is an outcome, not an exception.</summary>
    public abstract ValueTask ReadAsync(NpgsqlDataReader reader, string store, CancellationToken cancellationToken);

    public abstract void Complete();

    public abstract void Fail(Exception error);

    protected static NpgsqlParameter<T> P<T>(T value) => new() { TypedValue = value };

    protected static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    protected static NpgsqlParameter Ticks(DateTimeOffset? time) => Nullable(time?.UtcTicks, NpgsqlDbType.Bigint);

    /// <summary>The events as the six arrays the statements unnest ($4..$9).</summary>
    protected static void AddEvents(NpgsqlBatchCommand command, IReadOnlyList<StoredEvent> events)
    {
        var sequences = new long[events.Count];
        var types = new string[events.Count];
        var times = new long[events.Count];
        var callIds = new string?[events.Count];
        var names = new string[events.Count];
        var payloads = new byte[]?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            sequences[i] = e.Sequence;
            types[i] = StoredNames.Name(e.Type);
            times[i] = e.Time.UtcTicks;
            callIds[i] = e.CallId;
            names[i] = e.Name;
            payloads[i] = e.Payload;
        }

        command.Parameters.Add(P(sequences));
        command.Parameters.Add(P(types));
        command.Parameters.Add(P(times));
        command.Parameters.Add(new NpgsqlParameter { Value = callIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(P(names));
        command.Parameters.Add(new NpgsqlParameter { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
    }
}

/// <summary>A write with a result.</summary>
internal abstract class PostgresWrite<T>(string? executionId, CancellationToken cancellationToken) : PostgresWrite(executionId, cancellationToken)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;
    private Exception? _refusal;

    public Task<T> Task => _completion.Task;

    public sealed override async ValueTask ReadAsync(NpgsqlDataReader reader, string store, CancellationToken cancellationToken)
    {
        _refusal = null;
        _result = await ReadResultAsync(reader, store, cancellationToken).ConfigureAwait(false);
    }

    protected abstract ValueTask<T> ReadResultAsync(NpgsqlDataReader reader, string store, CancellationToken cancellationToken);

    protected T Refuse(Exception refusal)
    {
        _refusal = refusal;
        return default!;
    }

    public override void Complete()
    {
        if (_refusal is null)
        {
            _completion.TrySetResult(_result);
        }
        else
        {
            _completion.TrySetException(_refusal);
        }
    }

    public override void Fail(Exception error)
    {
        if (error is OperationCanceledException canceled)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(error);
        }
    }
}

internal sealed class PostgresCreate(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    : PostgresWrite<bool>(execution.ExecutionId, cancellationToken)
{
    public override string Operation => "create the execution";

    public override int Events => events.Count;

    public override NpgsqlBatchCommand Command(PostgresSql sql)
    {
        var r = execution;
        var command = new NpgsqlBatchCommand(sql.Create);
        command.Parameters.Add(P(r.ExecutionId));
        command.Parameters.Add(P(r.WorkflowName));
        command.Parameters.Add(P(StoredNames.Name(r.State)));
        AddEvents(command, events);
        command.Parameters.Add(P(r.CreatedAt.UtcTicks));
        command.Parameters.Add(P(r.UpdatedAt.UtcTicks));
        command.Parameters.Add(Ticks(r.FinishedAt));
        command.Parameters.Add(Nullable(r.ParentExecutionId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(r.ParentCallId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(r.Output, NpgsqlDbType.Bytea));
        command.Parameters.Add(Nullable(r.ErrorType, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(r.ErrorMessage, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(r.PausedAt, NpgsqlDbType.Text));
        command.Parameters.Add(Ticks(r.WakeAt));
        command.Parameters.Add(Nullable(r.Owner, NpgsqlDbType.Text));
        command.Parameters.Add(Ticks(r.LeaseExpiresAt));
        command.Parameters.Add(Ticks(r.CancelRequestedAt));
        command.Parameters.Add(P((long)events.Count));
        return command;
    }

    protected override async ValueTask<bool> ReadResultAsync(NpgsqlDataReader reader, string store, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.GetInt64(0) == 1 || Refuse(new ExecutionAlreadyExistsException(execution.ExecutionId));
    }
}

internal sealed class PostgresAppend(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update, CancellationToken cancellationToken)
    : PostgresWrite<bool>(executionId, cancellationToken)
{
    public override string Operation => "append events";

    public override int Appends => 1;

    public override int Events => events.Count;

    public override NpgsqlBatchCommand Command(PostgresSql sql)
    {
        var command = new NpgsqlBatchCommand(update is null ? sql.Append : sql.AppendAndUpdate);
        command.Parameters.Add(P(ExecutionId!));
        command.Parameters.Add(P((long)events.Count));
        command.Parameters.Add(P(events.Count > 0 ? events[0].Sequence - 1 : -1L));
        AddEvents(command, events);
        if (update is not null)
        {
            command.Parameters.Add(P(StoredNames.Name(update.State)));
            command.Parameters.Add(P(update.UpdatedAt.UtcTicks));
            command.Parameters.Add(Ticks(update.FinishedAt));
            command.Parameters.Add(Nullable(update.Output, NpgsqlDbType.Bytea));
            command.Parameters.Add(Nullable(update.ErrorType, NpgsqlDbType.Text));
            command.Parameters.Add(Nullable(update.ErrorMessage, NpgsqlDbType.Text));
            command.Parameters.Add(Nullable(update.PausedAt, NpgsqlDbType.Text));
            command.Parameters.Add(Ticks(update.WakeAt));
        }

        return command;
    }

    protected override async ValueTask<bool> ReadResultAsync(NpgsqlDataReader reader, string store, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (reader.GetInt64(0) == 1)
        {
            return true;
        }

        return Refuse(reader.IsDBNull(1)
            ? new ExecutionNotFoundException(ExecutionId!)
            : StoreRules.SequenceMismatch(ExecutionId!, reader.GetInt64(1), events));
    }
}

/// <summary>A change of one summary that returns the summary (claim, renew) or whether a row changed (release, cancel request).</summary>
internal sealed class PostgresSummaryChange<T>(string executionId, string operation, Func<PostgresSql, NpgsqlBatchCommand> command, bool returnsRecord, CancellationToken cancellationToken)
    : PostgresWrite<T>(executionId, cancellationToken)
{
    public override string Operation => operation;

    public override NpgsqlBatchCommand Command(PostgresSql sql) => command(sql);

    protected override async ValueTask<T> ReadResultAsync(NpgsqlDataReader reader, string store, CancellationToken cancellationToken)
    {
        var found = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        object? result = returnsRecord ? (found ? PostgresRows.ReadExecution(reader, store) : null) : found;
        return (T)result!;
    }

    public static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}

internal sealed class PostgresDeleteFinished(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    : PostgresWrite<int>(null, cancellationToken)
{
    public override string Operation => "delete finished executions";

    public override NpgsqlBatchCommand Command(PostgresSql sql)
    {
        var command = new NpgsqlBatchCommand(sql.DeleteFinished);
        command.Parameters.Add(P(finishedBefore.UtcTicks));
        return command;
    }

    protected override async ValueTask<int> ReadResultAsync(NpgsqlDataReader reader, string store, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (int)reader.GetInt64(0);
    }
}
