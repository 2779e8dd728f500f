namespace Flux;

/// <summary>
/// An attempt of a task call did not finish within the task's <see cref="TaskOptions.Timeout"/>. Its token was cancelled
/// and, if the body did not stop, the body was abandoned. A timed-out attempt counts as a failed attempt: the task
/// retries, then falls back; a call that finally fails throws <see cref="TaskFailedException"/> with this as its inner exception.
/// </summary>
public sealed class TaskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The task's name.</param>
    /// <param name="timeout">The time limit of one attempt.</param>
    /// <param name="attempt">The attempt that timed out, counting from 1.</param>
    /// <param name="maxAttempts">How many attempts the task allows (1 + retries).</param>
    public TaskTimeoutException(string taskName, TimeSpan timeout, int attempt, int maxAttempts)
        : base(maxAttempts == 1
            ? $"Task '{taskName}' timed out after {timeout}."
            : $"Task '{taskName}' timed out after {timeout} (attempt {attempt} of {maxAttempts}).")
    {
        TaskName = taskName;
        Timeout = timeout;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
    }

    /// <summary>The task's name.</summary>
    public string TaskName { get; }

    /// <summary>The time limit of one attempt.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The attempt that timed out, counting from 1.</summary>
    public int Attempt { get; }

    /// <summary>How many attempts the task allows (1 + retries).</summary>
    public int MaxAttempts { get; }
}
