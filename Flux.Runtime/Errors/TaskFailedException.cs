namespace Flux;

/// <summary>
/// A task call failed: every attempt threw (or timed out) and no fallback rescued it. The message names the
/// task, the workflow, the execution and the attempts; <see cref="Exception.InnerException"/> is the original exception.
/// </summary>
public sealed class TaskFailedException : FluxException
{
    /// <summary>Creates the exception.</summary>
    public TaskFailedException(string taskName, string callId, string? workflowName, string? executionId, int attempts, Exception innerException)
        : base(BuildMessage(taskName, workflowName, executionId, attempts, innerException), innerException)
    {
        TaskName = taskName;
        CallId = callId;
        WorkflowName = workflowName;
        ExecutionId = executionId;
        Attempts = attempts;
    }

    /// <summary>The failing task's name.</summary>
    public string TaskName { get; }

    /// <summary>The id of the failing call (see <see cref="TaskCallId"/>); empty outside a workflow.</summary>
    public string CallId { get; }

    /// <summary>The workflow the call ran in; null outside a workflow.</summary>
    public string? WorkflowName { get; }

    /// <summary>The execution the call ran in; null outside a workflow.</summary>
    public string? ExecutionId { get; }

    /// <summary>How many times the body ran (1 + retries used).</summary>
    public int Attempts { get; }

    private static string BuildMessage(string taskName, string? workflowName, string? executionId, int attempts, Exception inner)
    {
        var where = workflowName is null ? "" : $" in workflow '{workflowName}' (execution {executionId})";
        var tries = attempts == 1 ? "" : $" after {attempts} attempts";
        return $"Task '{taskName}' failed{tries}{where}: {inner.GetType().Name}: {inner.Message}";
    }
}
