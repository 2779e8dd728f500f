namespace Flux;

/// <summary>The value of the retry events: which attempt, out of how many, after which delay.</summary>
/// <param name="Attempt">The attempt number: 0 is the first run of the body, 1 the first retry.</param>
/// <param name="Retries">The number of retries the task allows.</param>
/// <param name="Delay">The wait before this attempt (for a failed attempt: the wait before the next one).</param>
/// <param name="Error">The exception of a failed attempt; null otherwise.</param>
public sealed record RetryInfo(int Attempt, int Retries, TimeSpan Delay, Exception? Error = null);
