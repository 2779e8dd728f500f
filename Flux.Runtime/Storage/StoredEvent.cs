namespace Flux;

/// <summary>One event of an execution as a store keeps it.</summary>
/// <param name="Sequence">Its number in the execution's log: 1 for the first event, then consecutive.</param>
/// <param name="Type">What happened.</param>
/// <param name="Time">When it happened (UTC, full precision).</param>
/// <param name="CallId">The id of the task call it belongs to; null for the workflow's own events.</param>
/// <param name="Name">The task's name for a task event, the workflow's name for a workflow event.</param>
/// <param name="Payload">The event's value as UTF-8 JSON (arguments, a result, a failure, a retry), or null when it has none.</param>
public sealed record StoredEvent(long Sequence, ExecutionEventType Type, DateTimeOffset Time, string? CallId, string Name, byte[]? Payload);
