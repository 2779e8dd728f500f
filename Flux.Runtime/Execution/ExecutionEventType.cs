namespace Flux;

/// <summary>What an <see cref="ExecutionEvent"/> records.</summary>
public enum ExecutionEventType
{
    /// <summary>The workflow started; the value is its input.</summary>
    WorkflowStarted,
    /// <summary>The workflow succeeded; the value is its output.</summary>
    WorkflowCompleted,
    /// <summary>The workflow failed; the value is the exception.</summary>
    WorkflowFailed,
    /// <summary>The workflow was cancelled.</summary>
    WorkflowCancelled,
    /// <summary>The workflow paused; the value is the pause name.</summary>
    WorkflowPaused,
    /// <summary>The workflow resumed; the value is the resume input.</summary>
    WorkflowResumed,

    /// <summary>A task call started; the value is its arguments.</summary>
    TaskStarted,
    /// <summary>A task call completed; the value is its result.</summary>
    TaskCompleted,
    /// <summary>A task call finally failed; the value is the exception the caller sees.</summary>
    TaskFailed,
    /// <summary>A task call was cancelled before it finished.</summary>
    TaskCancelled,
    /// <summary>An attempt of a task call exceeded the task's timeout; the value is the limit.</summary>
    TaskTimedOut,
    /// <summary>A retry attempt started; the value is a <see cref="RetryInfo"/>.</summary>
    TaskRetryStarted,
    /// <summary>A retry attempt succeeded; the value is a <see cref="RetryInfo"/>.</summary>
    TaskRetryCompleted,
    /// <summary>An attempt failed and another one will follow; the value is a <see cref="RetryInfo"/>.</summary>
    TaskRetryFailed,
    /// <summary>The fallback started.</summary>
    TaskFallbackStarted,
    /// <summary>The fallback completed; the value is its result.</summary>
    TaskFallbackCompleted,
    /// <summary>The fallback failed; the value is its exception.</summary>
    TaskFallbackFailed,
    /// <summary>The rollback started.</summary>
    TaskRollbackStarted,
    /// <summary>The rollback completed.</summary>
    TaskRollbackCompleted,
    /// <summary>The rollback failed; the value is its exception.</summary>
    TaskRollbackFailed,
    /// <summary>A task call paused the workflow; the value is the pause name.</summary>
    TaskPaused,
    /// <summary>A paused task call resumed; the value is the resume input.</summary>
    TaskResumed,
}
