using System;

namespace Flux.Orleans;

/// <summary>
/// A task's body threw on the silo that ran it. The original exception stays on that silo; <see cref="Failure"/> carries
/// its type name, message, stack and inner exceptions, which is what a durable log records of a failure.
/// </summary>
public sealed class TaskBodyFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task whose body threw.</param>
    /// <param name="callId">The call's id.</param>
    /// <param name="silo">The silo the body ran on.</param>
    /// <param name="failure">The body's exception.</param>
    public TaskBodyFailedException(string taskName, string callId, string silo, TaskFailureInfo failure)
        : base($"{failure.Type}: {failure.Message} (task '{taskName}', call {callId}, on silo {silo})")
    {
        TaskName = taskName;
        CallId = callId;
        Silo = silo;
        Failure = failure;
    }

    /// <summary>The task whose body threw.</summary>
    public string TaskName { get; }

    /// <summary>The call's id.</summary>
    public string CallId { get; }

    /// <summary>The silo the body ran on.</summary>
    public string Silo { get; }

    /// <summary>The body's exception: type name, message, stack and inner exceptions.</summary>
    public TaskFailureInfo Failure { get; }
}
