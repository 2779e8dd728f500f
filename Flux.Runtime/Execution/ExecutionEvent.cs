namespace Flux;

/// <summary>One entry of an execution's event log.</summary>
/// <remarks>
/// The identity of its call is held inline (the scope the call was made in, which is shared by many calls, then its
/// name, fingerprint, occurrence, slot and position); the text of <see cref="SourceId"/> is built only when read. The log
/// itself keeps events in a more compact form that the garbage collector does not scan, and makes these when read.
/// </remarks>
public readonly struct ExecutionEvent
{
    private readonly object? _value;
    private readonly object? _source; // a task event: the Scope its call was made in; a workflow event: the execution id
    private readonly string _name;
    private readonly ulong _fingerprint;
    private readonly ulong _valueBits;
    private readonly long _utcTicks;
    private readonly int _occurrence;
    private readonly int _slot;
    private readonly int _position;
    private readonly ExecutionEventType _type;

    internal ExecutionEvent(
        ExecutionEventType type, long utcTicks, Scope? scope, string name, ulong fingerprint, int occurrence, int slot, int position, object? value, ulong valueBits)
    {
        _type = type;
        _utcTicks = utcTicks;
        _source = scope;
        _name = name;
        _fingerprint = fingerprint;
        _occurrence = occurrence;
        _slot = slot;
        _position = position;
        _value = value;
        _valueBits = valueBits;
    }

    internal ExecutionEvent(ExecutionEventType type, DateTimeOffset time, string workflowName, string executionId, object? value)
    {
        _valueBits = 0;
        _type = type;
        _utcTicks = time.UtcTicks;
        _name = workflowName;
        _source = executionId;
        _fingerprint = 0;
        _occurrence = 0;
        _slot = -1;
        _position = 0;
        _value = value;
    }

    /// <summary>What happened.</summary>
    public ExecutionEventType Type => _type;

    /// <summary>When it happened (UTC), from the execution's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Time => new(_utcTicks, TimeSpan.Zero);

    /// <summary>The task call this event belongs to; for workflow events, the workflow name with no fingerprint.</summary>
    public TaskCallId CallId => new(_source as Scope, _slot, _name, _fingerprint, _occurrence, _position);

    /// <summary>The source: the task call id for task events, <c>{workflow}_{executionId}</c> for workflow events.</summary>
    public string SourceId => IsTaskEvent ? CallId.ToString() : $"{_name}_{_source}";

    /// <summary>The task's or the workflow's name.</summary>
    public string Name => _name;

    /// <summary>The payload: arguments, a result, an exception or a <see cref="RetryInfo"/>, as the type says.</summary>
    public object? Value => EventValue.Read(_value, _valueBits);

    /// <summary>True for the events of a task call, false for the workflow's own events.</summary>
    public bool IsTaskEvent => _type >= ExecutionEventType.TaskStarted;

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {SourceId}";
}
