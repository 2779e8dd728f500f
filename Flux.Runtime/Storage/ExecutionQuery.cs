namespace Flux;

/// <summary>Which executions <see cref="IExecutionStore.QueryAsync"/> returns; every filter is optional.</summary>
public sealed record ExecutionQuery
{
    /// <summary>Only executions of this workflow.</summary>
    public string? WorkflowName { get; init; }

    /// <summary>Only executions in one of these states.</summary>
    public IReadOnlyList<ExecutionState>? States { get; init; }

    /// <summary>Only executions created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only executions created before this time.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Only executions with a durable timer due at or before this time.</summary>
    public DateTimeOffset? WakeAtOrBefore { get; init; }

    /// <summary>Only the children of this execution.</summary>
    public string? ParentExecutionId { get; init; }

    /// <summary>The most executions in one page (1 to 1000).</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Where the page starts: the <see cref="ExecutionPage.ContinuationToken"/> of the previous page, or null for the first.</summary>
    public string? ContinuationToken { get; init; }
}
