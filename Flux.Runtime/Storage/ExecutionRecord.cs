namespace Flux;

/// <summary>
/// The summary a store keeps of one execution, beside its events: what queries, claims, the dashboard and retention
/// need without reading the log.
/// </summary>
public sealed record ExecutionRecord
{
    /// <summary>The execution's id.</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The workflow's name.</summary>
    public required string WorkflowName { get; init; }

    /// <summary>Where the execution is in its life cycle.</summary>
    public required ExecutionState State { get; init; }

    /// <summary>When the execution was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the summary last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the execution succeeded, failed or was cancelled; null while it is not finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The execution that started this one as a child workflow, if any.</summary>
    public string? ParentExecutionId { get; init; }

    /// <summary>The call of the parent execution that started this one, if any.</summary>
    public string? ParentCallId { get; init; }

    /// <summary>The output of a succeeded execution, as UTF-8 JSON.</summary>
    public byte[]? Output { get; init; }

    /// <summary>The type name of the failure of a failed execution.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The message of the failure of a failed execution.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The name of the pause a paused execution waits at.</summary>
    public string? PausedAt { get; init; }

    /// <summary>When a durable timer of the execution is due (<c>Workflow.Sleep</c>), if it waits for one.</summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Who runs the execution now (a process or silo id), or null when nobody does.</summary>
    public string? Owner { get; init; }

    /// <summary>Until when <see cref="Owner"/>'s claim holds unless renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>When someone asked for the execution to be cancelled, if anyone did.</summary>
    public DateTimeOffset? CancelRequestedAt { get; init; }

    /// <summary>
    /// Increases with every change of the summary; claims compare and set it. The store sets it: 1 when the execution
    /// is created, then one more with every append, claim, renewal, release and cancel request that changes the summary.
    /// </summary>
    public long Version { get; init; }

    /// <summary>The number of the last stored event (0 when there is none); the store sets it.</summary>
    public long LastSequence { get; init; }
}
