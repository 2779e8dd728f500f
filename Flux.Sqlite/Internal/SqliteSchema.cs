namespace Flux.Internal;

/// <summary>
/// The SQLite file's schema as a list of migrations. <c>PRAGMA user_version</c> is the number of migrations applied;
/// <c>PRAGMA application_id</c> marks the file as a Flux store. A migration is never edited once released: a change
/// is a new migration at the end.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>"Flux" in ASCII: marks a file as a Flux store, so another program's database is never written to.</summary>
    public const int ApplicationId = 0x466C7578;

    /// <summary>The migrations, in order; migration <c>i</c> takes the file from version <c>i</c> to <c>i + 1</c>.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // Version 1: the summaries and the logs. Times are UTC ticks, enums their names. An execution's events are
        // keyed by the execution's integer row id and their number, so one log is one contiguous range of the
        // events table (WITHOUT ROWID: the primary key is the table's order).
        """
        CREATE TABLE executions (
            id                  INTEGER PRIMARY KEY,
            execution_id        TEXT NOT NULL UNIQUE,
            workflow_name       TEXT NOT NULL,
            state               TEXT NOT NULL,
            created_at          INTEGER NOT NULL,
            updated_at          INTEGER NOT NULL,
            finished_at         INTEGER,
            parent_execution_id TEXT,
            parent_call_id      TEXT,
            output              BLOB,
            error_type          TEXT,
            error_message       TEXT,
            paused_at           TEXT,
            wake_at             INTEGER,
            owner               TEXT,
            lease_expires_at    INTEGER,
            cancel_requested_at INTEGER,
            version             INTEGER NOT NULL,
            last_sequence       INTEGER NOT NULL
        );
        CREATE TABLE events (
            execution INTEGER NOT NULL,
            sequence  INTEGER NOT NULL,
            type      TEXT NOT NULL,
            time      INTEGER NOT NULL,
            call_id   TEXT,
            name      TEXT NOT NULL,
            payload   BLOB,
            PRIMARY KEY (execution, sequence)
        ) WITHOUT ROWID;
        """,

        // Version 2: indexes for the queries (newest first, by workflow, due timers, children) and for retention.
        """
        CREATE INDEX executions_newest_first ON executions (created_at DESC, execution_id DESC);
        CREATE INDEX executions_by_workflow ON executions (workflow_name, created_at DESC, execution_id DESC);
        CREATE INDEX executions_by_wake_at ON executions (wake_at) WHERE wake_at IS NOT NULL;
        CREATE INDEX executions_by_parent ON executions (parent_execution_id) WHERE parent_execution_id IS NOT NULL;
        CREATE INDEX executions_by_finished_at ON executions (finished_at) WHERE finished_at IS NOT NULL;
        """,
    ];

    /// <summary>The schema version this build writes and reads.</summary>
    public static int CurrentVersion => Migrations.Count;
}
