using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>How records and events map to rows: the event columns and the readers, in one place for every statement (the shared names: <see cref="StoredNames"/>).</summary>
internal static class SqliteRows
{
    /// <summary>How messages name a SQLite store, <c>{0}</c> standing for its path.</summary>
    public const string StoreFormat = "SQLite store '{0}'";

    /// <summary>The event's columns, in the order <see cref="SqliteEventReader"/> reads them.</summary>
    public const string EventColumns = "sequence, type, time, call_id, name, payload";

    /// <summary>Reads a summary from the current row, starting at column 0.</summary>
    public static ExecutionRecord ReadExecution(SqliteDataReader r, string path) => new()
    {
        ExecutionId = r.GetString(0),
        WorkflowName = r.GetString(1),
        State = StoredNames.ParseState(r.GetString(2), r.GetString(0), StoreFormat, path),
        CreatedAt = StoreRules.FromTicks(r.GetInt64(3)),
        UpdatedAt = StoreRules.FromTicks(r.GetInt64(4)),
        FinishedAt = Ticks(r, 5),
        ParentExecutionId = Text(r, 6),
        ParentCallId = Text(r, 7),
        Output = r.IsDBNull(8) ? null : (byte[])r.GetValue(8),
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

    /// <summary>The event type a stored name stands for, read from its UTF-8 bytes without allocating.</summary>
    public static ExecutionEventType ParseEventType(ReadOnlySpan<byte> utf8, long sequence, string executionId, string path)
    {
        Span<char> chars = stackalloc char[64];
        if (utf8.Length <= chars.Length)
        {
            var length = System.Text.Encoding.UTF8.GetChars(utf8, chars);
            if (StoredNames.EventTypesBySpan.TryGetValue(chars[..length], out var type))
            {
                return type;
            }
        }

        throw StoredNames.UnknownEventType(System.Text.Encoding.UTF8.GetString(utf8), sequence, executionId, StoreFormat, path);
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Ticks(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : StoreRules.FromTicks(r.GetInt64(i));

    /// <summary>A parameter value: the value, or DBNull for null.</summary>
    public static object Value(object? value) => value ?? DBNull.Value;

    /// <summary>A nullable time as a parameter value: UTC ticks, or DBNull.</summary>
    public static object Value(DateTimeOffset? time) => time is { } t ? t.UtcTicks : DBNull.Value;
}
