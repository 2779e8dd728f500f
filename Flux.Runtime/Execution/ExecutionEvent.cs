namespace Flux;

/// <summary>One entry of an execution's event log.</summary>
/// <remarks>
/// A struct, so that recording a task call costs no allocation beyond the log's own growth; the text of
/// <see cref="SourceId"/> is built only when read.
/// </remarks>
public readonly struct ExecutionEvent
{
    private readonly string? _workflowSource;

    internal ExecutionEvent(ExecutionEventType type, DateTimeOffset time, TaskCallId callId, object? value)
    {
        Type = type;
        Time = time;
        CallId = callId;
        Value = value;
        _workflowSource = null;
    }

    internal ExecutionEvent(ExecutionEventType type, DateTimeOffset time, string workflowName, string executionId, object? value)
    {
        Type = type;
        Time = time;
        CallId = new TaskCallId(workflowName, 0, 0);
        Value = value;
        _workflowSource = executionId;
    }

    /// <summary>What happened.</summary>
    public ExecutionEventType Type { get; }

    /// <summary>When it happened, from the execution's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The task call this event belongs to; for workflow events, the workflow name with no hash.</summary>
    public TaskCallId CallId { get; }

    /// <summary>The source: the task call id for task events, <c>{workflow}_{executionId}</c> for workflow events.</summary>
    public string SourceId => _workflowSource is null ? CallId.ToString() : $"{CallId.Name}_{_workflowSource}";

    /// <summary>The task's or the workflow's name.</summary>
    public string Name => CallId.Name;

    /// <summary>The payload: arguments, a result, an exception or a <see cref="RetryInfo"/>, as the type says.</summary>
    public object? Value { get; }

    /// <summary>True for the events of a task call, false for the workflow's own events.</summary>
    public bool IsTaskEvent => _workflowSource is null;

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {SourceId}";
}
