using Microsoft.Extensions.Logging;

namespace Flux;

/// <summary>
/// Logs what executions do, one <see cref="FluxLog"/> message per recorded event. Values (inputs, arguments, results,
/// outputs, resume values) are logged only when <paramref name="logValues"/> is set; failures are logged with their
/// exception. Task starts and completions are Debug messages: their call id is built only when Debug is on.
/// </summary>
internal sealed class LoggingObserver(ILogger logger, bool logValues) : IExecutionObserver
{
    public void OnEvent(ExecutionContext execution, long sequence, ExecutionEvent e)
    {
        var type = e.Type;
        if (!e.IsTaskEvent)
        {
            LogWorkflowEvent(execution, e, type);
            return;
        }

        if (type is ExecutionEventType.TaskStarted or ExecutionEventType.TaskCompleted && !logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var task = e.Name;
        var call = e.CallId.ToString();
        var id = execution.ExecutionId;
        switch (type)
        {
            case ExecutionEventType.TaskStarted when logValues:
                FluxValueLog.TaskStarted(logger, task, call, id, e.Value);
                break;
            case ExecutionEventType.TaskStarted:
                FluxLog.TaskStarted(logger, task, call, id);
                break;
            case ExecutionEventType.TaskCompleted when logValues:
                FluxValueLog.TaskCompleted(logger, task, call, id, e.Value);
                break;
            case ExecutionEventType.TaskCompleted:
                FluxLog.TaskCompleted(logger, task, call, id);
                break;
            case ExecutionEventType.TaskFailed:
                FluxLog.TaskFailed(logger, task, call, id, e.Value as Exception);
                break;
            case ExecutionEventType.TaskCancelled:
                FluxLog.TaskCancelled(logger, task, call, id);
                break;
            case ExecutionEventType.TaskTimedOut:
                FluxLog.TaskTimedOut(logger, task, call, e.Value as TimeSpan?, id);
                break;
            case ExecutionEventType.TaskRetryStarted:
                var started = e.Value as RetryInfo;
                FluxLog.TaskRetryStarted(logger, task, call, started?.Attempt ?? 0, started?.Retries ?? 0, id);
                break;
            case ExecutionEventType.TaskRetryCompleted:
                var completed = e.Value as RetryInfo;
                FluxLog.TaskRetryCompleted(logger, task, call, completed?.Attempt ?? 0, completed?.Retries ?? 0, id);
                break;
            case ExecutionEventType.TaskRetryFailed:
                var failed = e.Value as RetryInfo;
                FluxLog.TaskRetryFailed(logger, task, call, (failed?.Attempt ?? 0) + 1, id, failed?.Delay ?? TimeSpan.Zero, failed?.Error);
                break;
            case ExecutionEventType.TaskFallbackStarted when logValues:
                FluxValueLog.TaskFallbackStarted(logger, task, call, id, e.Value);
                break;
            case ExecutionEventType.TaskFallbackStarted:
                FluxLog.TaskFallbackStarted(logger, task, call, id);
                break;
            case ExecutionEventType.TaskFallbackCompleted when logValues:
                FluxValueLog.TaskFallbackCompleted(logger, task, call, id, e.Value);
                break;
            case ExecutionEventType.TaskFallbackCompleted:
                FluxLog.TaskFallbackCompleted(logger, task, call, id);
                break;
            case ExecutionEventType.TaskFallbackFailed:
                FluxLog.TaskFallbackFailed(logger, task, call, id, e.Value as Exception);
                break;
            case ExecutionEventType.TaskRollbackStarted:
                FluxLog.TaskRollbackStarted(logger, task, call, id);
                break;
            case ExecutionEventType.TaskRollbackCompleted:
                FluxLog.TaskRollbackCompleted(logger, task, call, id);
                break;
            case ExecutionEventType.TaskRollbackFailed:
                FluxLog.TaskRollbackFailed(logger, task, call, id, e.Value as Exception);
                break;
            case ExecutionEventType.TaskPaused:
                FluxLog.TaskPaused(logger, task, call, id, e.Value as string);
                break;
            case ExecutionEventType.TaskResumed when logValues:
                FluxValueLog.TaskResumed(logger, task, call, id, e.Value);
                break;
            case ExecutionEventType.TaskResumed:
                FluxLog.TaskResumed(logger, task, call, id);
                break;
        }
    }

    private void LogWorkflowEvent(ExecutionContext execution, ExecutionEvent e, ExecutionEventType type)
    {
        var workflow = execution.WorkflowName;
        var id = execution.ExecutionId;
        switch (type)
        {
            case ExecutionEventType.WorkflowStarted when logValues:
                FluxValueLog.ExecutionStarted(logger, workflow, id, e.Value);
                break;
            case ExecutionEventType.WorkflowStarted:
                FluxLog.ExecutionStarted(logger, workflow, id);
                break;
            case ExecutionEventType.WorkflowCompleted when logValues:
                FluxValueLog.ExecutionCompleted(logger, workflow, id, e.Value);
                break;
            case ExecutionEventType.WorkflowCompleted:
                FluxLog.ExecutionCompleted(logger, workflow, id);
                break;
            case ExecutionEventType.WorkflowFailed:
                FluxLog.ExecutionFailed(logger, workflow, id, e.Value as Exception);
                break;
            case ExecutionEventType.WorkflowCancelled:
                FluxLog.ExecutionCancelled(logger, workflow, id);
                break;
            case ExecutionEventType.WorkflowPaused:
                FluxLog.ExecutionPaused(logger, workflow, id, e.Value as string);
                break;
            case ExecutionEventType.WorkflowResumed when logValues:
                FluxValueLog.ExecutionResumed(logger, workflow, id, e.Value);
                break;
            case ExecutionEventType.WorkflowResumed:
                FluxLog.ExecutionResumed(logger, workflow, id);
                break;
        }
    }
}
