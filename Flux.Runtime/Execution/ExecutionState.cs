namespace Flux;

/// <summary>The life-cycle state of one workflow execution.</summary>
public enum ExecutionState
{
    /// <summary>Created, not started yet.</summary>
    Created,
    /// <summary>The workflow body is running.</summary>
    Running,
    /// <summary>The workflow stopped at a pause point and can be resumed.</summary>
    Paused,
    /// <summary>The workflow returned its output.</summary>
    Succeeded,
    /// <summary>The workflow threw; <see cref="ExecutionContext.Error"/> holds the exception.</summary>
    Failed,
    /// <summary>The workflow was cancelled through its cancellation token.</summary>
    Cancelled,
}
