namespace Flux;

/// <summary>How <see cref="Workflow.Parallel{T}(TaskCall{T}[])"/> and a task's <c>Map</c> run their calls.</summary>
public sealed record BatchOptions
{
    private readonly int? _maxConcurrency;
    private readonly TimeSpan? _timeout;

    /// <summary>The defaults: <c>Parallel</c> starts every call at once; <c>Map</c> runs as many calls at once as fits the body.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>
    /// The most calls running at once. Null means the default: every call at once for <c>Parallel</c>; for
    /// <c>Map</c>, the number of cores for a synchronous body and <see cref="DefaultAsyncConcurrency"/> for an asynchronous one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? MaxConcurrency
    {
        get => _maxConcurrency;
        init
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(MaxConcurrency), value, $"MaxConcurrency must be at least 1 (got {value}); leave it null for the default.");
            }

            _maxConcurrency = value;
        }
    }

    /// <summary>
    /// A time limit for the whole batch, on the execution's clock; when it passes, the running calls are cancelled and the
    /// batch throws <see cref="TimeoutException"/>. A batch whose calls all finished returns their results, even if the
    /// limit passes before it looks at them. Null or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or longer than a timer supports (about 49.7 days).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init
        {
            if (value is { } limit && limit != System.Threading.Timeout.InfiniteTimeSpan && (limit <= TimeSpan.Zero || limit > TaskOptions.MaxTimer))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(Timeout), value, $"Timeout must be positive and at most {TaskOptions.MaxTimer} (got {value}); leave it null for no limit.");
            }

            _timeout = value;
        }
    }

    /// <summary>The default concurrency of <c>Map</c> over an asynchronous task body.</summary>
    public const int DefaultAsyncConcurrency = 64;
}
