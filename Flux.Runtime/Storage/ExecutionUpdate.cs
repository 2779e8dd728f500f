namespace Flux;

/// <summary>
/// The summary fields an append sets, all of them at once (a null clears a field): the state and what goes with it.
/// Ownership, cancellation requests and versions are not set this way.
/// </summary>
public sealed record ExecutionUpdate
{
    /// <summary>The new state.</summary>
    public required ExecutionState State { get; init; }

    /// <summary>The time of the change.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the execution finished; null while it is not finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The output of a succeeded execution, as UTF-8 JSON.</summary>
    public byte[]? Output { get; init; }

    /// <summary>The type name of the failure of a failed execution.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The message of the failure of a failed execution.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The name of the pause a paused execution waits at.</summary>
    public string? PausedAt { get; init; }

    /// <summary>When a durable timer of the execution is due.</summary>
    public DateTimeOffset? WakeAt { get; init; }
}
