using Npgsql;

namespace Flux.Internal;

/// <summary>How summaries are read from rows, in one place for every statement (the shared names: <see cref="StoredNames"/>).</summary>
internal static class PostgresRows
{
    /// <summary>How messages name a PostgreSQL store, <c>{0}</c> standing for its name.</summary>
    public const string StoreFormat = "PostgreSQL store {0}";

    /// <summary>Reads a summary from the current row, starting at column 0.</summary>
    public static ExecutionRecord ReadExecution(NpgsqlDataReader r, string store) => new()
    {
        ExecutionId = r.GetString(0),
        WorkflowName = r.GetString(1),
        State = StoredNames.ParseState(r.GetString(2), r.GetString(0), StoreFormat, store),
        CreatedAt = StoreRules.FromTicks(r.GetInt64(3)),
        UpdatedAt = StoreRules.FromTicks(r.GetInt64(4)),
        FinishedAt = Ticks(r, 5),
        ParentExecutionId = Text(r, 6),
        ParentCallId = Text(r, 7),
        Output = r.IsDBNull(8) ? null : r.GetFieldValue<byte[]>(8),
        ErrorType = Text(r, 9),
        ErrorMessage = Text(r, 10),
        PausedAt = Text(r, 11),
        WakeAt = Ticks(r, 12),
        Owner = Text(r, 13),
        LeaseExpiresAt = Ticks(r, 14),
        CancelRequestedAt = Ticks(r, 15),
        Version = r.GetInt64(16),
        LastSequence = r.GetInt64(17),
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Ticks(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : StoreRules.FromTicks(r.GetInt64(i));
}
