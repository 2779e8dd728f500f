namespace Flux;

/// <summary>Thrown by the conveniences that turn a failed run into an exception (<c>RunOrThrowAsync</c>, <see cref="ExecutionContext.ThrowIfFailed"/>).</summary>
public sealed class WorkflowFailedException : FluxException
{
    /// <summary>Creates the exception.</summary>
    public WorkflowFailedException(string workflowName, string executionId, Exception error)
        : base($"Workflow '{workflowName}' (execution {executionId}) failed: {error.Message}", error)
    {
        WorkflowName = workflowName;
        ExecutionId = executionId;
    }

    /// <summary>The workflow's name.</summary>
    public string WorkflowName { get; }

    /// <summary>The failed execution's id.</summary>
    public string ExecutionId { get; }
}
