using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>The writer's prepared statements: built once, their parameters set for each write.</summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly SqliteCommand _insertExecution;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _advance;
    private readonly SqliteCommand _advanceAndUpdate;
    private readonly SqliteCommand _lastSequence;
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
            INSERT INTO executions ({SqliteRows.ExecutionColumns})
            VALUES ($id, $workflow, $state, $created, $updated, $finished, $parent, $parent_call, $output,
                    $error_type, $error_message, $paused_at, $wake_at, $owner, $lease, $cancel, 1, $last)
            ON CONFLICT (execution_id) DO NOTHING
            RETURNING id
            """,
            "$id", "$workflow", "$state", "$created", "$updated", "$finished", "$parent", "$parent_call", "$output",
            "$error_type", "$error_message", "$paused_at", "$wake_at", "$owner", "$lease", "$cancel", "$last");
        _insertEvent = Prepare(writer, $"INSERT INTO events (execution, {SqliteRows.EventColumns}) VALUES ($e, $sequence, $type, $time, $call, $name, $payload)",
            "$e", "$sequence", "$type", "$time", "$call", "$name", "$payload");

        // The compare-and-set that keeps the log contiguous: the row moves on only from the number the append continues.
        const string sequenceCheck = "WHERE execution_id = $id AND ($expected < 0 OR last_sequence = $expected) RETURNING id";
        _advance = Prepare(writer, $"UPDATE executions SET last_sequence = last_sequence + $count, version = version + 1 {sequenceCheck}",
            "$id", "$count", "$expected");
        _advanceAndUpdate = Prepare(writer, $"""
            UPDATE executions SET last_sequence = last_sequence + $count, version = version + 1,
                state = $state, updated_at = $updated, finished_at = $finished, output = $output, error_type = $error_type,
                error_message = $error_message, paused_at = $paused_at, wake_at = $wake_at
            {sequenceCheck}
            """,
            "$id", "$count", "$expected", "$state", "$updated", "$finished", "$output", "$error_type", "$error_message", "$paused_at", "$wake_at");
        _lastSequence = Prepare(writer, "SELECT last_sequence FROM executions WHERE execution_id = $id", "$id");
        _claim = Prepare(writer, $"UPDATE executions SET owner = $owner, lease_expires_at = $lease, version = version + 1 WHERE execution_id = $id AND version = $version RETURNING {SqliteRows.ExecutionColumns}",
            "$id", "$version", "$owner", "$lease");
        _renew = Prepare(writer, $"UPDATE executions SET lease_expires_at = $lease, version = version + 1 WHERE execution_id = $id AND owner = $owner RETURNING {SqliteRows.ExecutionColumns}",
            "$id", "$owner", "$lease");
        _release = Prepare(writer, "UPDATE executions SET owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE execution_id = $id AND owner = $owner",
            "$id", "$owner");
        _requestCancel = Prepare(writer, $"""
            UPDATE executions SET cancel_requested_at = coalesce(cancel_requested_at, $at), version = version + (cancel_requested_at IS NULL)
            WHERE execution_id = $id AND state NOT IN ({SqliteRows.FinishedStates})
            """,
            "$id", "$at");
        const string finished = "state IN ({0}) AND finished_at < $before";
        _deleteFinishedEvents = Prepare(writer, $"DELETE FROM events WHERE execution IN (SELECT id FROM executions WHERE {string.Format(finished, SqliteRows.FinishedStates)})", "$before");
        _deleteFinished = Prepare(writer, $"DELETE FROM executions WHERE {string.Format(finished, SqliteRows.FinishedStates)}", "$before");
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
        p[2].Value = SqliteRows.Name(r.State);
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
        var p = _insertEvent.Parameters;
        p[0].Value = key;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            p[1].Value = e.Sequence;
            p[2].Value = SqliteRows.Name(e.Type);
            p[3].Value = e.Time.UtcTicks;
            p[4].Value = SqliteRows.Value(e.CallId);
            p[5].Value = e.Name;
            p[6].Value = SqliteRows.Value(e.Payload);
            _insertEvent.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Moves the summary past the appended events (and applies the update) if the log ends where they start; returns
    /// the row id, or null when it does not (or the execution does not exist).
    /// </summary>
    public long? AdvanceLog(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update)
    {
        var command = update is null ? _advance : _advanceAndUpdate;
        var p = command.Parameters;
        p[0].Value = executionId;
        p[1].Value = (long)events.Count;
        p[2].Value = events.Count > 0 ? events[0].Sequence - 1 : -1L;
        if (update is not null)
        {
            p[3].Value = SqliteRows.Name(update.State);
            p[4].Value = update.UpdatedAt.UtcTicks;
            p[5].Value = SqliteRows.Value(update.FinishedAt);
            p[6].Value = SqliteRows.Value(update.Output);
            p[7].Value = SqliteRows.Value(update.ErrorType);
            p[8].Value = SqliteRows.Value(update.ErrorMessage);
            p[9].Value = SqliteRows.Value(update.PausedAt);
            p[10].Value = SqliteRows.Value(update.WakeAt);
        }

        return command.ExecuteScalar() is long key ? key : null;
    }

    /// <summary>The stored last event number, or null when the execution does not exist.</summary>
    public long? LastSequence(string executionId)
    {
        _lastSequence.Parameters[0].Value = executionId;
        return _lastSequence.ExecuteScalar() is long last ? last : null;
    }

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
        foreach (var command in new[] { _insertExecution, _insertEvent, _advance, _advanceAndUpdate, _lastSequence, _claim, _renew, _release, _requestCancel, _deleteFinishedEvents, _deleteFinished })
        {
            command.Dispose();
        }
    }
}
