namespace Flux;

/// <summary>
/// The value of the retry events (<see cref="ExecutionEventType.TaskRetryFailed"/>, <see cref="ExecutionEventType.TaskRetryStarted"/>,
/// <see cref="ExecutionEventType.TaskRetryCompleted"/>): which attempt, out of how many, after which wait.
/// </summary>
/// <param name="Attempt">The attempt number: 0 is the first run of the body, 1 the first retry.</param>
/// <param name="Retries">The number of retries the task allows (so attempts run from 0 to <paramref name="Retries"/>).</param>
/// <param name="Delay">
/// For <c>TaskRetryStarted</c> and <c>TaskRetryCompleted</c>: the wait before this attempt. For <c>TaskRetryFailed</c>:
/// the wait before the next attempt, which always follows (the last attempt's failure is the <c>TaskFailed</c> event, or the fallback's input).
/// </param>
/// <param name="Error">The exception of a failed attempt; null otherwise.</param>
public sealed record RetryInfo(int Attempt, int Retries, TimeSpan Delay, Exception? Error = null);
