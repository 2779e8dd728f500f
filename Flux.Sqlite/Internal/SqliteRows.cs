using System.Collections.Frozen;
using Microsoft.Data.Sqlite;

namespace Flux.Internal;

/// <summary>How records and events map to rows: the column lists and the readers, in one place for every statement.</summary>
internal static class SqliteRows
{
    /// <summary>The summary's columns, in the order <see cref="ReadExecution"/> reads them.</summary>
    public const string ExecutionColumns =
        "execution_id, workflow_name, state, created_at, updated_at, finished_at, parent_execution_id, parent_call_id, output, " +
        "error_type, error_message, paused_at, wake_at, owner, lease_expires_at, cancel_requested_at, version, last_sequence";

    /// <summary>The event's columns, in the order <see cref="SqliteEventReader"/> reads them.</summary>
    public const string EventColumns = "sequence, type, time, call_id, name, payload";

    private static readonly FrozenDictionary<string, ExecutionState> States =
        Enum.GetValues<ExecutionState>().ToFrozenDictionary(s => s.ToString(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ExecutionEventType> EventTypes =
        Enum.GetValues<ExecutionEventType>().ToFrozenDictionary(s => s.ToString(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<ExecutionEventType, string> EventTypeNames =
        Enum.GetValues<ExecutionEventType>().ToFrozenDictionary(s => s, s => s.ToString());

    private static readonly FrozenDictionary<ExecutionState, string> StateNames =
        Enum.GetValues<ExecutionState>().ToFrozenDictionary(s => s, s => s.ToString());

    /// <summary>The stored name of a state (enums are stored by name, so reordering the enum changes nothing stored).</summary>
    public static string Name(ExecutionState state) => StateNames.TryGetValue(state, out var name) ? name : state.ToString();

    /// <summary>The stored name of an event type.</summary>
    public static string Name(ExecutionEventType type) => EventTypeNames.TryGetValue(type, out var name) ? name : type.ToString();

    /// <summary>The names of the finished states, as SQL literals.</summary>
    public static readonly string FinishedStates =
        string.Join(", ", Enum.GetValues<ExecutionState>().Where(StoreRules.IsFinished).Select(s => $"'{s}'"));

    /// <summary>Reads a summary from the current row, starting at column 0.</summary>
    public static ExecutionRecord ReadExecution(SqliteDataReader r, string path) => new()
    {
        ExecutionId = r.GetString(0),
        WorkflowName = r.GetString(1),
        State = ParseState(r.GetString(2), r.GetString(0), path),
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

    private static readonly FrozenDictionary<string, ExecutionEventType>.AlternateLookup<ReadOnlySpan<char>> EventTypesBySpan =
        EventTypes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The event type a stored name stands for, read from its UTF-8 bytes without allocating.</summary>
    public static ExecutionEventType ParseEventType(ReadOnlySpan<byte> utf8, long sequence, string executionId, string path)
    {
        Span<char> chars = stackalloc char[64];
        if (utf8.Length <= chars.Length)
        {
            var length = System.Text.Encoding.UTF8.GetChars(utf8, chars);
            if (EventTypesBySpan.TryGetValue(chars[..length], out var type))
            {
                return type;
            }
        }

        throw new ExecutionStoreException(
            $"Event {sequence} of execution '{executionId}' in the SQLite store '{path}' has the type '{System.Text.Encoding.UTF8.GetString(utf8)}', which this version of Flux does not know: " +
            "the execution was written by a newer version of Flux; read it with that version.");
    }

    private static ExecutionState ParseState(string name, string executionId, string path) =>
        States.TryGetValue(name, out var state)
            ? state
            : throw new ExecutionStoreException(
                $"Execution '{executionId}' in the SQLite store '{path}' is in the state '{name}', which this version of Flux does not know: it was written by a newer version of Flux.");

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Ticks(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : StoreRules.FromTicks(r.GetInt64(i));

    /// <summary>A parameter value: the value, or DBNull for null.</summary>
    public static object Value(object? value) => value ?? DBNull.Value;

    /// <summary>A nullable time as a parameter value: UTC ticks, or DBNull.</summary>
    public static object Value(DateTimeOffset? time) => time is { } t ? t.UtcTicks : DBNull.Value;
}
