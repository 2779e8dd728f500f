namespace Flux;

/// <summary>One entry of an execution's event log.</summary>
/// <remarks>
/// A compact struct (48 bytes), so that recording a task call allocates nothing beyond the log's own chunks;
/// the text of <see cref="SourceId"/> is built only when read.
/// </remarks>
public readonly struct ExecutionEvent
{
    private readonly object? _value;
    private readonly string _name;
    private readonly string? _workflowSource;
    private readonly ulong _argumentsHash;
    private readonly long _utcTicks;
    private readonly int _occurrence;
    private readonly ExecutionEventType _type;

    internal ExecutionEvent(ExecutionEventType type, DateTimeOffset time, TaskCallId callId, object? value)
    {
        _type = type;
        _utcTicks = time.UtcTicks;
        _name = callId.Name;
        _argumentsHash = callId.ArgumentsHash;
        _occurrence = callId.Occurrence;
        _value = value;
        _workflowSource = null;
    }

    internal ExecutionEvent(ExecutionEventType type, DateTimeOffset time, string workflowName, string executionId, object? value)
    {
        _type = type;
        _utcTicks = time.UtcTicks;
        _name = workflowName;
        _argumentsHash = 0;
        _occurrence = 0;
        _value = value;
        _workflowSource = executionId;
    }

    /// <summary>What happened.</summary>
    public ExecutionEventType Type => _type;

    /// <summary>When it happened (UTC), from the execution's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Time => new(_utcTicks, TimeSpan.Zero);

    /// <summary>The task call this event belongs to; for workflow events, the workflow name with no hash.</summary>
    public TaskCallId CallId => new(_name, _argumentsHash, _occurrence);

    /// <summary>The source: the task call id for task events, <c>{workflow}_{executionId}</c> for workflow events.</summary>
    public string SourceId => _workflowSource is null ? CallId.ToString() : $"{_name}_{_workflowSource}";

    /// <summary>The task's or the workflow's name.</summary>
    public string Name => _name;

    /// <summary>The payload: arguments, a result, an exception or a <see cref="RetryInfo"/>, as the type says.</summary>
    public object? Value => _value;

    /// <summary>True for the events of a task call, false for the workflow's own events.</summary>
    public bool IsTaskEvent => _workflowSource is null;

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {SourceId}";
}
