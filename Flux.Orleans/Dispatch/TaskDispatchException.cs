using System;

namespace Flux.Orleans;

/// <summary>
/// A task call could not be run on the cluster: no silo knows the task, its arguments do not fit it, or every silo it was
/// sent to went away before it finished. The message names the task, the call and what to do.
/// </summary>
public sealed class TaskDispatchException : FluxException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task of the call.</param>
    /// <param name="callId">The call's id.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The last error of the cluster, when the call was lost.</param>
    public TaskDispatchException(string taskName, string callId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        TaskName = taskName;
        CallId = callId;
    }

    /// <summary>The task of the call.</summary>
    public string TaskName { get; }

    /// <summary>The call's id.</summary>
    public string CallId { get; }
}
