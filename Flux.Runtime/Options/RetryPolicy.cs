namespace Flux;

/// <summary>The waits between attempts, as <see cref="TaskOptions"/> defines them; a pure function so that it can be tested by table.</summary>
internal static class RetryPolicy
{
    /// <summary>
    /// The wait before retry <paramref name="attempt"/> (1 for the first retry): <c>RetryDelay * RetryBackoff^(attempt-1)</c>,
    /// capped by <c>MaxRetryDelay</c>. Unlike Python flux, the cap applies to the first wait too.
    /// </summary>
    public static TimeSpan DelayBefore(TaskOptions options, int attempt)
    {
        if (attempt < 1)
        {
            return TimeSpan.Zero;
        }

        var cap = options.MaxRetryDelay;
        var ticks = options.RetryDelay.Ticks * Math.Pow(options.RetryBackoff, attempt - 1);

        // Compare in double: a long delay times a large power overflows long long before it reaches the cap.
        return ticks >= cap.Ticks || double.IsNaN(ticks) ? cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// Applies jitter to <paramref name="delay"/>: a duration between half the delay and the full delay, drawn from
    /// <paramref name="sample"/> in [0, 1). Never longer than the (capped) delay.
    /// </summary>
    public static TimeSpan Jitter(TimeSpan delay, double sample)
    {
        var half = delay.Ticks / 2;
        return TimeSpan.FromTicks(half + (long)((delay.Ticks - half) * sample));
    }

    /// <summary>
    /// The wait before retry <paramref name="attempt"/>, with jitter when the options ask for it, in whole milliseconds:
    /// timers count milliseconds, and the retry events should show the wait that was actually used.
    /// </summary>
    public static TimeSpan WaitBefore(TaskOptions options, int attempt)
    {
        var delay = DelayBefore(options, attempt);
        if (options.RetryJitter && delay > TimeSpan.Zero)
        {
            delay = Jitter(delay, Random.Shared.NextDouble());
        }

        return TimeSpan.FromTicks(delay.Ticks - (delay.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
