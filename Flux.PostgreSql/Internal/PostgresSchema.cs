namespace Flux.Internal;

/// <summary>
/// The store's tables as a list of migrations, applied in order by the store. <c>{schema}.schema_version</c> records
/// each applied version; migrations run under a transaction-level advisory lock, so processes that start together
/// do not race to create the schema. A migration is never edited once released: a change is a new one at the end.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The migrations, in order; <c>{0}</c> is the quoted schema name.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // Version 1: the summaries and the logs. Times are UTC ticks (bigint, exact), enums their names. Execution
        // ids sort by their bytes ("C" collation), the order every Flux store pages in.
        """
        CREATE TABLE {0}.executions (
            id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            execution_id        text COLLATE "C" NOT NULL UNIQUE,
            workflow_name       text NOT NULL,
            state               text NOT NULL,
            created_at          bigint NOT NULL,
            updated_at          bigint NOT NULL,
            finished_at         bigint,
            parent_execution_id text,
            parent_call_id      text,
            output              bytea,
            error_type          text,
            error_message       text,
            paused_at           text,
            wake_at             bigint,
            owner               text,
            lease_expires_at    bigint,
            cancel_requested_at bigint,
            version             bigint NOT NULL,
            last_sequence       bigint NOT NULL
        );
        CREATE TABLE {0}.events (
            execution bigint NOT NULL,
            sequence  bigint NOT NULL,
            type      text NOT NULL,
            time      bigint NOT NULL,
            call_id   text,
            name      text NOT NULL,
            payload   bytea,
            PRIMARY KEY (execution, sequence)
        );
        """,

        // Version 2: indexes for the queries (newest first, by workflow, due timers, children) and for retention.
        """
        CREATE INDEX executions_newest_first ON {0}.executions (created_at DESC, execution_id DESC);
        CREATE INDEX executions_by_workflow ON {0}.executions (workflow_name, created_at DESC, execution_id DESC);
        CREATE INDEX executions_by_wake_at ON {0}.executions (wake_at) WHERE wake_at IS NOT NULL;
        CREATE INDEX executions_by_parent ON {0}.executions (parent_execution_id) WHERE parent_execution_id IS NOT NULL;
        CREATE INDEX executions_by_finished_at ON {0}.executions (finished_at) WHERE finished_at IS NOT NULL;
        """,
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int CurrentVersion => Migrations.Count;

    /// <summary>The advisory lock key of a schema's migrations: a fixed prefix and a stable hash of the name.</summary>
    public static long LockKey(string schema)
    {
        // FNV-1a over the UTF-16 code units: stable across processes and versions (string.GetHashCode is not).
        var hash = 14695981039346656037UL;
        foreach (var c in schema)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)(hash & 0x0000_FFFF_FFFF_FFFFUL) | (0x466CL << 48);
    }
}
