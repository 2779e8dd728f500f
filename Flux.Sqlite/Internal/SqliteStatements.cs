using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>The writer's prepared statements: built once, their parameters set for each write.</summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly SqliteCommand _insertExecution;
    private readonly RawStatement _insertEvent;
    private readonly RawStatement _findLog;
    private readonly RawStatement _advance;
    private readonly RawStatement _advanceAndUpdate;
    private readonly Dictionary<string, LogEnd> _logs = new(StringComparer.Ordinal);
    private readonly SqliteCommand _claim;
    private readonly SqliteCommand _renew;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _requestCancel;
    private readonly SqliteCommand _deleteFinishedEvents;
    private readonly SqliteCommand _deleteFinished;
    private readonly string _path;

    public SqliteStatements(SqliteWriter writer)
    {
        _path = writer.Path;
        _insertExecution = Prepare(writer, $"""
            INSERT INTO executions ({StoredNames.ExecutionColumns})
            VALUES ($id, $workflow, $state, $created, $updated, $finished, $parent, $parent_call, $output,
                    $error_type, $error_message, $paused_at, $wake_at, $owner, $lease, $cancel, 1, $last)
            ON CONFLICT (execution_id) DO NOTHING
            RETURNING id
            """,
            "$id", "$workflow", "$state", "$created", "$updated", "$finished", "$parent", "$parent_call", "$output",
            "$error_type", "$error_message", "$paused_at", "$wake_at", "$owner", "$lease", "$cancel", "$last");
        _insertEvent = new RawStatement(writer.Connection, $"INSERT INTO events (execution, {SqliteRows.EventColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

        _findLog = new RawStatement(writer.Connection, "SELECT id, last_sequence FROM executions WHERE execution_id = ?1");
        _advance = new RawStatement(writer.Connection, "UPDATE executions SET last_sequence = ?2, version = version + ?3 WHERE id = ?1");
        _advanceAndUpdate = new RawStatement(writer.Connection, """
            UPDATE executions SET last_sequence = ?2, version = version + ?3, state = ?4, updated_at = ?5, finished_at = ?6,
                output = ?7, error_type = ?8, error_message = ?9, paused_at = ?10, wake_at = ?11
            WHERE id = ?1
            """);
        _claim = Prepare(writer, $"UPDATE executions SET owner = $owner, lease_expires_at = $lease, version = version + 1 WHERE execution_id = $id AND version = $version RETURNING {StoredNames.ExecutionColumns}",
            "$id", "$version", "$owner", "$lease");
        _renew = Prepare(writer, $"UPDATE executions SET lease_expires_at = $lease, version = version + 1 WHERE execution_id = $id AND owner = $owner RETURNING {StoredNames.ExecutionColumns}",
            "$id", "$owner", "$lease");
        _release = Prepare(writer, "UPDATE executions SET owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE execution_id = $id AND owner = $owner",
            "$id", "$owner");
        _requestCancel = Prepare(writer, $"""
            UPDATE executions SET cancel_requested_at = coalesce(cancel_requested_at, $at), version = version + (cancel_requested_at IS NULL)
            WHERE execution_id = $id AND state NOT IN ({StoredNames.FinishedStates})
            """,
            "$id", "$at");
        const string finished = "state IN ({0}) AND finished_at < $before";
        _deleteFinishedEvents = Prepare(writer, $"DELETE FROM events WHERE execution IN (SELECT id FROM executions WHERE {string.Format(finished, StoredNames.FinishedStates)})", "$before");
        _deleteFinished = Prepare(writer, $"DELETE FROM executions WHERE {string.Format(finished, StoredNames.FinishedStates)}", "$before");
    }

    private static SqliteCommand Prepare(SqliteWriter writer, string sql, params string[] parameters)
    {
        var command = writer.Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    /// <summary>Inserts a new summary; returns its row id, or null when the id is taken.</summary>
    public long? InsertExecution(ExecutionRecord r, int lastSequence)
    {
        var p = _insertExecution.Parameters;
        p[0].Value = r.ExecutionId;
        p[1].Value = r.WorkflowName;
        p[2].Value = StoredNames.Name(r.State);
        p[3].Value = r.CreatedAt.UtcTicks;
        p[4].Value = r.UpdatedAt.UtcTicks;
        p[5].Value = SqliteRows.Value(r.FinishedAt);
        p[6].Value = SqliteRows.Value(r.ParentExecutionId);
        p[7].Value = SqliteRows.Value(r.ParentCallId);
        p[8].Value = SqliteRows.Value(r.Output);
        p[9].Value = SqliteRows.Value(r.ErrorType);
        p[10].Value = SqliteRows.Value(r.ErrorMessage);
        p[11].Value = SqliteRows.Value(r.PausedAt);
        p[12].Value = SqliteRows.Value(r.WakeAt);
        p[13].Value = SqliteRows.Value(r.Owner);
        p[14].Value = SqliteRows.Value(r.LeaseExpiresAt);
        p[15].Value = SqliteRows.Value(r.CancelRequestedAt);
        p[16].Value = (long)lastSequence;
        return _insertExecution.ExecuteScalar() is long key ? key : null;
    }

    public void InsertEvents(long key, IReadOnlyList<StoredEvent> events)
    {
        var insert = _insertEvent;
        insert.Bind(1, key);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            insert.Bind(2, e.Sequence);
            insert.Bind(3, StoredNames.Name(e.Type));
            insert.Bind(4, e.Time.UtcTicks);
            insert.Bind(5, e.CallId);
            insert.Bind(6, e.Name);
            insert.Bind(7, e.Payload);
            insert.Run();
        }
    }

    /// <summary>
    /// Appends events if they continue the log exactly; returns the refusal otherwise (nothing written). The batch
    /// holds the file's write lock, so the log's end is read once per execution and batch, and the summaries are
    /// written once per execution when the batch ends (<see cref="FlushLogs"/>): a Map's many appends to one execution
    /// pay one summary update per commit.
    /// </summary>
    public ExecutionStoreException? Append(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update)
    {
        if (!_logs.TryGetValue(executionId, out var log))
        {
            _findLog.Bind(1, executionId);
            if (!_findLog.Step())
            {
                return new ExecutionNotFoundException(executionId);
            }

            log = new LogEnd(_findLog.Int64(0), _findLog.Int64(1));
            _findLog.Reset();
            _logs[executionId] = log;
        }

        if (events.Count > 0 && events[0].Sequence != log.LastSequence + 1)
        {
            return StoreRules.SequenceMismatch(executionId, log.LastSequence, events);
        }

        InsertEvents(log.Key, events);
        log.LastSequence += events.Count;
        log.Appends++;
        log.Update = update ?? log.Update;
        return null;
    }

    /// <summary>Writes the summaries of the executions appended to since the last flush; every other write reads them.</summary>
    public void FlushLogs()
    {
        foreach (var log in _logs.Values)
        {
            var update = log.Update;
            var statement = update is null ? _advance : _advanceAndUpdate;
            statement.Bind(1, log.Key);
            statement.Bind(2, log.LastSequence);
            statement.Bind(3, log.Appends);
            if (update is not null)
            {
                statement.Bind(4, StoredNames.Name(update.State));
                statement.Bind(5, update.UpdatedAt.UtcTicks);
                statement.Bind(6, update.FinishedAt?.UtcTicks);
                statement.Bind(7, update.Output);
                statement.Bind(8, update.ErrorType);
                statement.Bind(9, update.ErrorMessage);
                statement.Bind(10, update.PausedAt);
                statement.Bind(11, update.WakeAt?.UtcTicks);
            }

            statement.Run();
        }

        _logs.Clear();
    }

    /// <summary>Forgets what a failed batch read (its transaction was rolled back).</summary>
    public void ForgetLogs() => _logs.Clear();

    public ExecutionRecord? Claim(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt)
    {
        var p = _claim.Parameters;
        p[0].Value = executionId;
        p[1].Value = expectedVersion;
        p[2].Value = owner;
        p[3].Value = leaseExpiresAt.UtcTicks;
        return ReadOne(_claim);
    }

    public ExecutionRecord? Renew(string executionId, string owner, DateTimeOffset leaseExpiresAt)
    {
        var p = _renew.Parameters;
        p[0].Value = executionId;
        p[1].Value = owner;
        p[2].Value = leaseExpiresAt.UtcTicks;
        return ReadOne(_renew);
    }

    public bool Release(string executionId, string owner)
    {
        _release.Parameters[0].Value = executionId;
        _release.Parameters[1].Value = owner;
        return _release.ExecuteNonQuery() > 0;
    }

    public bool RequestCancel(string executionId, DateTimeOffset requestedAt)
    {
        _requestCancel.Parameters[0].Value = executionId;
        _requestCancel.Parameters[1].Value = requestedAt.UtcTicks;
        return _requestCancel.ExecuteNonQuery() > 0;
    }

    public int DeleteFinished(DateTimeOffset finishedBefore)
    {
        _deleteFinishedEvents.Parameters[0].Value = finishedBefore.UtcTicks;
        _deleteFinished.Parameters[0].Value = finishedBefore.UtcTicks;
        _deleteFinishedEvents.ExecuteNonQuery();
        return _deleteFinished.ExecuteNonQuery();
    }

    private ExecutionRecord? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? SqliteRows.ReadExecution(reader, _path) : null;
    }

    public void Dispose()
    {
        _insertEvent.Dispose();
        _findLog.Dispose();
        _advance.Dispose();
        _advanceAndUpdate.Dispose();
        foreach (var command in new[] { _insertExecution, _claim, _renew, _release, _requestCancel, _deleteFinishedEvents, _deleteFinished })
        {
            command.Dispose();
        }
    }

    /// <summary>Where an execution's log ends within the current batch, and the summary change it owes.</summary>
    private sealed class LogEnd(long key, long lastSequence)
    {
        public long Key { get; } = key;

        public long LastSequence { get; set; } = lastSequence;

        public long Appends { get; set; }

        public ExecutionUpdate? Update { get; set; }
    }
}
