namespace Flux.Internal;

/// <summary>The store's statements, with its schema's name written in once.</summary>
internal sealed class PostgresSql
{
    private const string EventValues = "unnest($4::bigint[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::bytea[]) AS e(sequence, type, time, call_id, name, payload)";

    public PostgresSql(string schema)
    {
        var s = Quote(schema);
        Schema = s;
        var columns = StoredNames.ExecutionColumns;
        var finished = StoredNames.FinishedStates;

        Create = $"""
            WITH x AS (
                INSERT INTO {s}.executions ({columns})
                VALUES ($1, $2, $3, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, 1, $23)
                ON CONFLICT (execution_id) DO NOTHING
                RETURNING id),
            e AS (
                INSERT INTO {s}.events (execution, sequence, type, time, call_id, name, payload)
                SELECT x.id, e.sequence, e.type, e.time, e.call_id, e.name, e.payload FROM x CROSS JOIN {EventValues}
                RETURNING 1)
            SELECT count(*) FROM x
            """;

        // The compare-and-set that keeps a log contiguous: the summary moves on only from the number the append
        // continues, and the events go in only when it did. The last column (read from the statement's snapshot, before
        // the update) tells a gap from an unknown execution when it did not.
        const string appendTail = """
            WHERE execution_id = $1 AND ($3 < 0 OR last_sequence = $3)
            RETURNING id),
            """;
        var insertEvents = $"""
            e AS (
                INSERT INTO {s}.events (execution, sequence, type, time, call_id, name, payload)
                SELECT u.id, e.sequence, e.type, e.time, e.call_id, e.name, e.payload FROM u CROSS JOIN {EventValues}
                RETURNING 1)
            SELECT (SELECT count(*) FROM u), (SELECT last_sequence FROM {s}.executions WHERE execution_id = $1)
            """;
        Append = $"""
            WITH u AS (
                UPDATE {s}.executions SET last_sequence = last_sequence + $2, version = version + 1
                {appendTail}
            {insertEvents}
            """;
        AppendAndUpdate = $"""
            WITH u AS (
                UPDATE {s}.executions SET last_sequence = last_sequence + $2, version = version + 1,
                    state = $10, updated_at = $11, finished_at = $12, output = $13, error_type = $14, error_message = $15,
                    paused_at = $16, wake_at = $17
                {appendTail}
            {insertEvents}
            """;
        Get = $"SELECT {columns} FROM {s}.executions WHERE execution_id = $1";
        ReadEvents = $"""
            SELECT e.sequence, e.type, e.time, e.call_id, e.name, e.payload
            FROM {s}.executions x LEFT JOIN {s}.events e ON e.execution = x.id AND e.sequence > $2
            WHERE x.execution_id = $1
            ORDER BY e.sequence
            """;
        Claim = $"UPDATE {s}.executions SET owner = $3, lease_expires_at = $4, version = version + 1 WHERE execution_id = $1 AND version = $2 RETURNING {columns}";
        Renew = $"UPDATE {s}.executions SET lease_expires_at = $3, version = version + 1 WHERE execution_id = $1 AND owner = $2 RETURNING {columns}";
        Release = $"UPDATE {s}.executions SET owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE execution_id = $1 AND owner = $2 RETURNING 1";
        RequestCancel = $"""
            UPDATE {s}.executions
            SET cancel_requested_at = coalesce(cancel_requested_at, $2), version = version + (CASE WHEN cancel_requested_at IS NULL THEN 1 ELSE 0 END)
            WHERE execution_id = $1 AND state NOT IN ({finished})
            RETURNING 1
            """;
        DeleteFinished = $"""
            WITH d AS (DELETE FROM {s}.executions WHERE state IN ({finished}) AND finished_at < $1 RETURNING id),
            e AS (DELETE FROM {s}.events WHERE execution IN (SELECT id FROM d) RETURNING 1)
            SELECT count(*) FROM d
            """;
        Query = $"SELECT {columns} FROM {s}.executions WHERE true";
    }

    public string Schema { get; }

    public string Create { get; }

    public string Append { get; }

    public string AppendAndUpdate { get; }

    public string Get { get; }

    public string ReadEvents { get; }

    public string Claim { get; }

    public string Renew { get; }

    public string Release { get; }

    public string RequestCancel { get; }

    public string DeleteFinished { get; }

    public string Query { get; }

    /// <summary>A schema name as a quoted identifier; the name is checked to be a plain identifier first.</summary>
    public static string Quote(string schema)
    {
        if (string.IsNullOrEmpty(schema) || schema.Length > 63 || !schema.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(schema[0]))
        {
            throw new ArgumentException(
                $"The PostgreSQL schema name '{schema}' is not a plain identifier: use letters, digits and underscores (not starting with a digit), at most 63 characters.",
                nameof(schema));
        }

        return $"\"{schema}\"";
    }
}
