using Microsoft.Extensions.Logging;

namespace Flux;

/// <summary>
/// The log messages of Flux, source-generated (<see cref="LoggerMessageAttribute"/>), one event id per event type:
/// 1-6 the workflow's events, 10-25 a task call's, 100-104 the host's. They carry no argument, input, result, output or
/// resume value (they may hold secrets): <see cref="FluxValueLog"/> has the same events with their values, used only
/// when <see cref="FluxOptions.LogValues"/> is set.
/// </summary>
/// <remarks>The ids are part of the package's contract (log queries and alerts filter on them): never renumber one.</remarks>
internal static partial class FluxLog
{
    [LoggerMessage(1, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} started")]
    public static partial void ExecutionStarted(ILogger logger, string workflow, string executionId);

    [LoggerMessage(2, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} completed")]
    public static partial void ExecutionCompleted(ILogger logger, string workflow, string executionId);

    [LoggerMessage(3, LogLevel.Error, "Execution {ExecutionId} of workflow {Workflow} failed")]
    public static partial void ExecutionFailed(ILogger logger, string workflow, string executionId, Exception? error);

    [LoggerMessage(4, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} was cancelled")]
    public static partial void ExecutionCancelled(ILogger logger, string workflow, string executionId);

    [LoggerMessage(5, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} paused at {Pause}")]
    public static partial void ExecutionPaused(ILogger logger, string workflow, string executionId, string? pause);

    [LoggerMessage(6, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} resumed")]
    public static partial void ExecutionResumed(ILogger logger, string workflow, string executionId);

    [LoggerMessage(10, LogLevel.Debug, "Task {Task} call {CallId} started in execution {ExecutionId}")]
    public static partial void TaskStarted(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(11, LogLevel.Debug, "Task {Task} call {CallId} completed in execution {ExecutionId}")]
    public static partial void TaskCompleted(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(12, LogLevel.Warning, "Task {Task} call {CallId} failed in execution {ExecutionId}")]
    public static partial void TaskFailed(ILogger logger, string task, string callId, string executionId, Exception? error);

    [LoggerMessage(13, LogLevel.Information, "Task {Task} call {CallId} was cancelled in execution {ExecutionId}")]
    public static partial void TaskCancelled(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(14, LogLevel.Warning, "Task {Task} call {CallId} timed out after {Timeout} in execution {ExecutionId}")]
    public static partial void TaskTimedOut(ILogger logger, string task, string callId, TimeSpan? timeout, string executionId);

    [LoggerMessage(15, LogLevel.Information, "Task {Task} call {CallId} retry {Attempt} of {Retries} started in execution {ExecutionId}")]
    public static partial void TaskRetryStarted(ILogger logger, string task, string callId, int attempt, int retries, string executionId);

    [LoggerMessage(16, LogLevel.Information, "Task {Task} call {CallId} retry {Attempt} of {Retries} completed in execution {ExecutionId}")]
    public static partial void TaskRetryCompleted(ILogger logger, string task, string callId, int attempt, int retries, string executionId);

    [LoggerMessage(17, LogLevel.Warning, "Task {Task} call {CallId} failed in execution {ExecutionId} (attempt {Attempt}, 1 is the first run); retrying in {Delay}")]
    public static partial void TaskRetryFailed(ILogger logger, string task, string callId, int attempt, string executionId, TimeSpan delay, Exception? error);

    [LoggerMessage(18, LogLevel.Information, "Task {Task} call {CallId} fallback started in execution {ExecutionId}")]
    public static partial void TaskFallbackStarted(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(19, LogLevel.Information, "Task {Task} call {CallId} fallback completed in execution {ExecutionId}")]
    public static partial void TaskFallbackCompleted(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(20, LogLevel.Warning, "Task {Task} call {CallId} fallback failed in execution {ExecutionId}")]
    public static partial void TaskFallbackFailed(ILogger logger, string task, string callId, string executionId, Exception? error);

    [LoggerMessage(21, LogLevel.Information, "Task {Task} call {CallId} rollback started in execution {ExecutionId}")]
    public static partial void TaskRollbackStarted(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(22, LogLevel.Information, "Task {Task} call {CallId} rollback completed in execution {ExecutionId}")]
    public static partial void TaskRollbackCompleted(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(23, LogLevel.Error, "Task {Task} call {CallId} rollback failed in execution {ExecutionId}")]
    public static partial void TaskRollbackFailed(ILogger logger, string task, string callId, string executionId, Exception? error);

    [LoggerMessage(24, LogLevel.Information, "Task {Task} call {CallId} paused execution {ExecutionId} at {Pause}")]
    public static partial void TaskPaused(ILogger logger, string task, string callId, string executionId, string? pause);

    [LoggerMessage(25, LogLevel.Information, "Task {Task} call {CallId} resumed in execution {ExecutionId}")]
    public static partial void TaskResumed(ILogger logger, string task, string callId, string executionId);

    [LoggerMessage(100, LogLevel.Information, "Resuming execution {ExecutionId} of workflow {Workflow}: {Reason}")]
    public static partial void Resuming(ILogger logger, string executionId, string workflow, string reason);

    [LoggerMessage(101, LogLevel.Warning, "Execution {ExecutionId} is left running by a gone owner, but its workflow {Workflow} is not registered with this host: add it to AddFlux to resume it here")]
    public static partial void UnknownWorkflow(ILogger logger, string executionId, string workflow);

    [LoggerMessage(102, LogLevel.Error, "Execution {ExecutionId} of workflow {Workflow} could not be resumed")]
    public static partial void ResumeFailed(ILogger logger, string executionId, string workflow, Exception error);

    [LoggerMessage(103, LogLevel.Debug, "Execution {ExecutionId} was claimed by another owner first")]
    public static partial void ClaimedElsewhere(ILogger logger, string executionId);

    [LoggerMessage(104, LogLevel.Error, "The sweep for executions to resume failed; it runs again in {Interval}")]
    public static partial void SweepFailed(ILogger logger, TimeSpan? interval, Exception error);
}

/// <summary>
/// The events of <see cref="FluxLog"/> that have a value, with that value (same ids, same names): logged instead of
/// theirs only when <see cref="FluxOptions.LogValues"/> is set.
/// </summary>
internal static partial class FluxValueLog
{
    [LoggerMessage(1, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} started with input {Input}")]
    public static partial void ExecutionStarted(ILogger logger, string workflow, string executionId, object? input);

    [LoggerMessage(2, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} completed with output {Output}")]
    public static partial void ExecutionCompleted(ILogger logger, string workflow, string executionId, object? output);

    [LoggerMessage(6, LogLevel.Information, "Execution {ExecutionId} of workflow {Workflow} resumed with value {Value}")]
    public static partial void ExecutionResumed(ILogger logger, string workflow, string executionId, object? value);

    [LoggerMessage(10, LogLevel.Debug, "Task {Task} call {CallId} started in execution {ExecutionId} with arguments {Arguments}")]
    public static partial void TaskStarted(ILogger logger, string task, string callId, string executionId, object? arguments);

    [LoggerMessage(11, LogLevel.Debug, "Task {Task} call {CallId} completed in execution {ExecutionId} with result {Result}")]
    public static partial void TaskCompleted(ILogger logger, string task, string callId, string executionId, object? result);

    [LoggerMessage(18, LogLevel.Information, "Task {Task} call {CallId} fallback started in execution {ExecutionId} with arguments {Arguments}")]
    public static partial void TaskFallbackStarted(ILogger logger, string task, string callId, string executionId, object? arguments);

    [LoggerMessage(19, LogLevel.Information, "Task {Task} call {CallId} fallback completed in execution {ExecutionId} with result {Result}")]
    public static partial void TaskFallbackCompleted(ILogger logger, string task, string callId, string executionId, object? result);

    [LoggerMessage(25, LogLevel.Information, "Task {Task} call {CallId} resumed in execution {ExecutionId} with value {Value}")]
    public static partial void TaskResumed(ILogger logger, string task, string callId, string executionId, object? value);
}
