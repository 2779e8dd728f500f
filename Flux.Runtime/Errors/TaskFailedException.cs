namespace Flux;

/// <summary>
/// A task call failed: every attempt threw (or timed out) and no fallback rescued it. The message names the
/// task, the workflow, the execution and the attempts; <see cref="Exception.InnerException"/> is the original exception
/// (the last attempt's). A fallback or rollback that failed too does not replace it: see <see cref="FallbackError"/>
/// and <see cref="RollbackError"/>.
/// </summary>
public sealed class TaskFailedException : FluxException
{
    /// <summary>Creates the exception.</summary>
    public TaskFailedException(string taskName, string callId, string? workflowName, string? executionId, int attempts, Exception innerException)
        : this(taskName, callId, workflowName, executionId, attempts, innerException, null, null)
    {
    }

    /// <summary>Creates the exception of a call whose fallback or rollback failed too.</summary>
    /// <param name="taskName">The failing task's name.</param>
    /// <param name="callId">The id of the failing call.</param>
    /// <param name="workflowName">The workflow the call ran in; null outside a workflow.</param>
    /// <param name="executionId">The execution the call ran in; null outside a workflow.</param>
    /// <param name="attempts">How many times the body ran.</param>
    /// <param name="innerException">The original failure: the last attempt's exception.</param>
    /// <param name="fallbackError">The exception of the fallback, if it ran and failed.</param>
    /// <param name="rollbackError">The exception of the rollback, if it ran and failed.</param>
    public TaskFailedException(
        string taskName, string callId, string? workflowName, string? executionId, int attempts, Exception innerException, Exception? fallbackError, Exception? rollbackError)
        : base(BuildMessage(taskName, workflowName, executionId, attempts, innerException, fallbackError, rollbackError), innerException)
    {
        TaskName = taskName;
        CallId = callId;
        WorkflowName = workflowName;
        ExecutionId = executionId;
        Attempts = attempts;
        FallbackError = fallbackError;
        RollbackError = rollbackError;
    }

    /// <summary>A failure replayed from a durable log: the message as it was recorded.</summary>
    internal TaskFailedException(
        string message, string taskName, string callId, string? workflowName, string? executionId, int attempts, Exception innerException, Exception? fallbackError, Exception? rollbackError)
        : base(message, innerException)
    {
        TaskName = taskName;
        CallId = callId;
        WorkflowName = workflowName;
        ExecutionId = executionId;
        Attempts = attempts;
        FallbackError = fallbackError;
        RollbackError = rollbackError;
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

    /// <summary>The exception of the task's fallback, when it ran after the last attempt and failed too; null otherwise.</summary>
    public Exception? FallbackError { get; }

    /// <summary>The exception of the task's rollback, when it ran and failed; null otherwise. The call's failure is still <see cref="Exception.InnerException"/>.</summary>
    public Exception? RollbackError { get; }

    private static string BuildMessage(
        string taskName, string? workflowName, string? executionId, int attempts, Exception inner, Exception? fallbackError, Exception? rollbackError)
    {
        var where = workflowName is null ? "" : $" in workflow '{workflowName}' (execution {executionId})";
        var tries = attempts == 1 ? "" : $" after {attempts} attempts";
        var fallback = fallbackError is null ? "" : $"; its fallback failed too: {fallbackError.GetType().Name}: {fallbackError.Message}";
        var rollback = rollbackError is null ? "" : $"; its rollback failed: {rollbackError.GetType().Name}: {rollbackError.Message}";
        return $"Task '{taskName}' failed{tries}{where}: {inner.GetType().Name}: {inner.Message}{fallback}{rollback}";
    }
}
