using System.Text.Json;

namespace Flux.CommandLine;

/// <summary>One row of an execution's timeline: a stored event, how long the step it ends took, and its error.</summary>
/// <param name="Event">The stored event.</param>
/// <param name="Duration">For an event that ends a step (a call, an attempt, a fallback, a rollback, a pass of the workflow), the time since the step began; null otherwise.</param>
/// <param name="Error">The error an event carries (a failure, a failed attempt, a timeout), as one line; null when none.</param>
internal sealed record TimelineRow(StoredEvent Event, TimeSpan? Duration, string? Error)
{
    /// <summary>The call id of a task event, the workflow's name for the workflow's own events.</summary>
    public string Subject => Event.CallId ?? Event.Name;
}

/// <summary>Turns stored events into timeline rows, one at a time, in the order of the log (so <c>watch</c> can use it live).</summary>
internal sealed class Timeline
{
    private readonly Dictionary<(string Subject, string Step), DateTimeOffset> _began = new();

    public TimelineRow Add(StoredEvent stored)
    {
        var subject = stored.CallId ?? stored.Name;
        TimeSpan? duration = null;
        if (Begins(stored.Type) is { } begun)
        {
            _began[(subject, begun)] = stored.Time;
        }
        else if (Ends(stored.Type) is { } ended && _began.Remove((subject, ended), out var start))
        {
            duration = stored.Time - start;
        }

        return new TimelineRow(stored, duration, ErrorOf(stored));
    }

    private static string? Begins(ExecutionEventType type) => type switch
    {
        ExecutionEventType.WorkflowStarted or ExecutionEventType.WorkflowResumed => "workflow",
        ExecutionEventType.TaskStarted or ExecutionEventType.TaskResumed => "call",
        ExecutionEventType.TaskRetryStarted => "attempt",
        ExecutionEventType.TaskFallbackStarted => "fallback",
        ExecutionEventType.TaskRollbackStarted => "rollback",
        _ => null,
    };

    private static string? Ends(ExecutionEventType type) => type switch
    {
        ExecutionEventType.WorkflowCompleted or ExecutionEventType.WorkflowFailed or ExecutionEventType.WorkflowCancelled or ExecutionEventType.WorkflowPaused => "workflow",
        ExecutionEventType.TaskCompleted or ExecutionEventType.TaskFailed or ExecutionEventType.TaskCancelled or ExecutionEventType.TaskPaused => "call",
        ExecutionEventType.TaskRetryCompleted or ExecutionEventType.TaskRetryFailed => "attempt",
        ExecutionEventType.TaskFallbackCompleted or ExecutionEventType.TaskFallbackFailed => "fallback",
        ExecutionEventType.TaskRollbackCompleted or ExecutionEventType.TaskRollbackFailed => "rollback",
        _ => null,
    };

    /// <summary>The error of a failure (<c>{"type","message",...}</c>), a failed attempt (<c>{"error":...}</c>) or a timeout (the limit), as one line.</summary>
    private static string? ErrorOf(StoredEvent stored)
    {
        if (stored.Payload is not { Length: > 0 } payload)
        {
            return stored.Type == ExecutionEventType.WorkflowCancelled ? "cancelled" : null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return stored.Type switch
            {
                ExecutionEventType.TaskFailed or ExecutionEventType.WorkflowFailed or ExecutionEventType.TaskFallbackFailed or ExecutionEventType.TaskRollbackFailed =>
                    Failure(root),
                ExecutionEventType.TaskRetryFailed when root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) =>
                    error.ValueKind == JsonValueKind.Object ? Failure(error) : OneLine(error.ToString()),
                ExecutionEventType.TaskTimedOut => $"timed out after {root}",
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Failure(JsonElement failure)
    {
        if (failure.ValueKind != JsonValueKind.Object)
        {
            return OneLine(failure.ToString());
        }

        var type = failure.TryGetProperty("type", out var t) ? t.GetString() : null;
        var message = failure.TryGetProperty("message", out var m) ? m.GetString() : null;
        var shortType = type is null ? null : Format.ShortType(type);
        return OneLine(shortType is null ? message ?? "" : $"{shortType}: {message}");
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
