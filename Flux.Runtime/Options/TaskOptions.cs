namespace Flux;

/// <summary>
/// How a task runs when it fails or takes too long. Immutable: change it with <c>with</c> and pass the result
/// to a handle's <c>WithOptions</c>. The defaults run the body once, with no timeout and no cache.
/// </summary>
/// <remarks>
/// <para>
/// A call runs the body up to <c>1 + </c><see cref="Retries"/> times. The wait before retry <c>k</c> (k = 1, 2, ...)
/// is <c><see cref="RetryDelay"/> * <see cref="RetryBackoff"/>^(k-1)</c>, capped by <see cref="MaxRetryDelay"/>
/// (the cap applies to every wait, the first included); there is no wait before the first attempt or after the
/// last. <see cref="Timeout"/> limits each attempt separately, and a timed-out attempt is a failed attempt.
/// Once every attempt failed, the fallback (if the task has one) supplies the result; if there is no fallback,
/// or it fails too, the rollback (if any) compensates the call and the call fails with a
/// <see cref="TaskFailedException"/> whose <see cref="Exception.InnerException"/> is the last attempt's exception.
/// Cancellation of the call is never retried and never falls back. See <c>docs/task-options.md</c>.
/// </para>
/// <para>Every setter validates its value and throws <see cref="ArgumentOutOfRangeException"/> naming the option and the fix.</para>
/// </remarks>
public sealed record TaskOptions
{
    /// <summary>The longest wait or time limit a timer supports (about 49.7 days).</summary>
    internal static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly int _retries;
    private readonly TimeSpan _retryDelay = TimeSpan.FromSeconds(1);
    private readonly double _retryBackoff = 2;
    private readonly TimeSpan _maxRetryDelay = TimeSpan.FromMinutes(10);
    private readonly TimeSpan? _timeout;

    /// <summary>The defaults: one attempt, no timeout, no cache.</summary>
    public static TaskOptions Default { get; } = new();

    /// <summary>Extra attempts after the first one; 0 (the default) means no retry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int Retries
    {
        get => _retries;
        init
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(Retries), value, $"Retries must be 0 or more (got {value}): it counts the attempts after the first one; use 0 for no retry.");
            }

            _retries = value;
        }
    }

    /// <summary>The wait before the first retry (default 1 second); zero retries at once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan RetryDelay
    {
        get => _retryDelay;
        init
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(RetryDelay), value, $"RetryDelay must be zero or positive (got {value}); use TimeSpan.Zero to retry at once.");
            }

            _retryDelay = value;
        }
    }

    /// <summary>The multiplier applied to the wait after each retry (default 2); 1 keeps the wait constant.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1, NaN or infinite.</exception>
    public double RetryBackoff
    {
        get => _retryBackoff;
        init
        {
            if (!(value >= 1) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(RetryBackoff), value, $"RetryBackoff must be a finite number of at least 1 (got {value}); use 1 for a constant wait, 2 to double it after each retry.");
            }

            _retryBackoff = value;
        }
    }

    /// <summary>The longest wait between two attempts (default 10 minutes); it caps every wait, the first one included.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than about 49 days.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        init
        {
            if (value < TimeSpan.Zero || value > MaxTimer)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(MaxRetryDelay), value, $"MaxRetryDelay must be between zero and {MaxTimer} (got {value}); the default is 10 minutes.");
            }

            _maxRetryDelay = value;
        }
    }

    /// <summary>
    /// Randomizes each retry wait: the wait becomes a duration drawn uniformly between half the computed (capped)
    /// delay and the full delay, so that many calls failing together do not retry in lockstep. Off by default.
    /// </summary>
    public bool RetryJitter { get; init; }

    /// <summary>
    /// The time limit of each attempt; null (the default) or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none. When it passes,
    /// the attempt's <see cref="CancellationToken"/> is cancelled, a body that does not stop is abandoned, and the attempt
    /// fails with a <see cref="TaskTimeoutException"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or longer than about 49 days.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init
        {
            if (value is { } limit && limit != System.Threading.Timeout.InfiniteTimeSpan && (limit <= TimeSpan.Zero || limit > MaxTimer))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(Timeout), value, $"Timeout must be positive and at most {MaxTimer} (got {value}); leave it null for no time limit.");
            }

            _timeout = value == System.Threading.Timeout.InfiniteTimeSpan ? null : value;
        }
    }

    /// <summary>
    /// Memoizes successful body results by task name and arguments for the life of the process, across executions;
    /// a null result is cached like any other value. See <see cref="TaskCache"/>.
    /// </summary>
    public bool Cache { get; init; }

    /// <summary>True when the options change how a call runs; false lets the invoker take its plain path.</summary>
    internal bool HasPolicy => _retries > 0 || _timeout is not null || Cache;
}
