namespace Flux;

/// <summary>
/// How a task runs when it fails or takes too long. Immutable: change it with <c>with</c> and pass the result
/// to a handle's <c>WithOptions</c>. The defaults run the body once, with no timeout and no cache.
/// </summary>
public sealed record TaskOptions
{
    /// <summary>The defaults: one attempt, no timeout, no cache.</summary>
    public static TaskOptions Default { get; } = new();

    /// <summary>Extra attempts after the first one.</summary>
    public int Retries { get; init; }

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The multiplier applied to the wait after each retry (at least 1).</summary>
    public double RetryBackoff { get; init; } = 2;

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Adds random jitter to each retry wait.</summary>
    public bool RetryJitter { get; init; }

    /// <summary>The time limit of each attempt; null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Memoizes results by task name and arguments for the life of the process.</summary>
    public bool Cache { get; init; }
}
