using System.Collections.Frozen;

namespace Flux;

/// <summary>
/// How the SQL stores keep a summary's columns, states and event types: states and event types by name, so that
/// reordering an enum changes nothing stored. One file, linked into each SQL store (as <see cref="StoreRules"/> is), so
/// their tables cannot drift apart.
/// </summary>
internal static class StoredNames
{
    /// <summary>The summary's columns, in the order each store's <c>ReadExecution</c> reads them.</summary>
    public const string ExecutionColumns =
        "execution_id, workflow_name, state, created_at, updated_at, finished_at, parent_execution_id, parent_call_id, output, " +
        "error_type, error_message, paused_at, wake_at, owner, lease_expires_at, cancel_requested_at, version, last_sequence";

    private static readonly FrozenDictionary<string, ExecutionState> States =
        Enum.GetValues<ExecutionState>().ToFrozenDictionary(s => s.ToString(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<ExecutionState, string> StateNames =
        Enum.GetValues<ExecutionState>().ToFrozenDictionary(s => s, s => s.ToString());

    private static readonly FrozenDictionary<string, ExecutionEventType> EventTypes =
        Enum.GetValues<ExecutionEventType>().ToFrozenDictionary(s => s.ToString(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<ExecutionEventType, string> EventTypeNames =
        Enum.GetValues<ExecutionEventType>().ToFrozenDictionary(s => s, s => s.ToString());

    /// <summary>The event types by name, looked up by a span of characters (no string made).</summary>
    public static readonly FrozenDictionary<string, ExecutionEventType>.AlternateLookup<ReadOnlySpan<char>> EventTypesBySpan =
        EventTypes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The names of the finished states, as SQL literals.</summary>
    public static readonly string FinishedStates =
        string.Join(", ", Enum.GetValues<ExecutionState>().Where(StoreRules.IsFinished).Select(s => $"'{s}'"));

    /// <summary>The stored name of a state.</summary>
    public static string Name(ExecutionState state) => StateNames.TryGetValue(state, out var name) ? name : state.ToString();

    /// <summary>The stored name of an event type.</summary>
    public static string Name(ExecutionEventType type) => EventTypeNames.TryGetValue(type, out var name) ? name : type.ToString();

    /// <summary>The state a stored name stands for.</summary>
    /// <param name="name">The stored name.</param>
    /// <param name="executionId">The execution whose summary holds it.</param>
    /// <param name="storeFormat">How messages name the store, <c>{0}</c> standing for <paramref name="storeName"/>: <c>SQLite store '{0}'</c>.</param>
    /// <param name="storeName">The store's name or path.</param>
    /// <exception cref="ExecutionStoreException">A newer version of Flux wrote a state this one does not know.</exception>
    public static ExecutionState ParseState(string name, string executionId, string storeFormat, string storeName) =>
        States.TryGetValue(name, out var state)
            ? state
            : throw new ExecutionStoreException(
                $"Execution '{executionId}' in the {Store(storeFormat, storeName)} is in the state '{name}', which this version of Flux does not know: it was written by a newer version of Flux.");

    /// <summary>The event type a stored name stands for.</summary>
    /// <exception cref="ExecutionStoreException">A newer version of Flux wrote an event type this one does not know.</exception>
    public static ExecutionEventType ParseEventType(string name, long sequence, string executionId, string storeFormat, string storeName) =>
        EventTypes.TryGetValue(name, out var type) ? type : throw UnknownEventType(name, sequence, executionId, storeFormat, storeName);

    /// <summary>The error for an event whose stored type this version of Flux does not know.</summary>
    public static ExecutionStoreException UnknownEventType(string name, long sequence, string executionId, string storeFormat, string storeName) =>
        new($"Event {sequence} of execution '{executionId}' in the {Store(storeFormat, storeName)} has the type '{name}', which this version of Flux does not know: " +
            "the execution was written by a newer version of Flux; read it with that version.");

    private static string Store(string storeFormat, string storeName) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, storeFormat, storeName);
}
