namespace Flux;

/// <summary>What a log recorded of one call, for replay.</summary>
internal enum RecordedOutcome : byte
{
    /// <summary>Started and not finished (it was running, cancelled or paused): it runs again, without a second TaskStarted.</summary>
    Started,

    /// <summary>Completed: replay returns its value.</summary>
    Completed,

    /// <summary>Failed: replay throws its failure again.</summary>
    Failed,
}

/// <summary>
/// One call of a log, as replay needs it: its position in its scope, its outcome and the value or failure to hand back.
/// A durable log keeps values as JSON (<see cref="Payload"/>), read with the call's types when the code reaches the
/// call; a transient execution resumed in its own process keeps the objects themselves (<see cref="Value"/>).
/// </summary>
internal sealed class RecordedCall(string id, string name)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    /// <summary>The how-many-th call started in its scope; -1 when its start was not seen.</summary>
    public int Position { get; set; } = -1;

    public RecordedOutcome Outcome { get; set; }

    /// <summary>True when the call paused the workflow (TaskPaused) and did not finish: the pause a resume value goes to.</summary>
    public bool Paused { get; set; }

    /// <summary>The completed value or the failure, as stored JSON (a durable log).</summary>
    public byte[]? Payload { get; set; }

    /// <summary>The completed value or the failure, as the object itself (a transient execution resumed in process).</summary>
    public object? Value { get; set; }

    /// <summary>The TaskStarted payload of a call whose body reads what its first run recorded (a sleep's wake time).</summary>
    public byte[]? StartedPayload { get; set; }

    /// <summary>The TaskStarted value of such a call, transient.</summary>
    public object? StartedValue { get; set; }

    /// <summary>Set once the resumed run has reached this call.</summary>
    public bool Seen { get; set; }

    public bool IsFinished => Outcome != RecordedOutcome.Started;

    /// <summary>The recorded value as <typeparamref name="TResult"/>.</summary>
    public TResult ValueAs<TResult>(TaskHandle handle, ExecutionContext execution)
    {
        if (Payload is { } json)
        {
            return handle.ReadResult<TResult>(json, execution.Json!, Id);
        }

        return Value is TResult typed ? typed : default!;
    }

    /// <summary>The recorded failure, to throw again: the same exception (transient) or one of the same shape (durable).</summary>
    public Exception FailureFor(ExecutionContext execution) =>
        Payload is { } json
            ? PayloadJson.ReadFailure(json).ToException(execution.WorkflowName, execution.ExecutionId)
            : Value as Exception ?? new InvalidOperationException($"Call '{Id}' failed, and its failure was not kept.");
}
