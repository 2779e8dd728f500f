namespace Flux;

/// <summary>How one workflow run is set up. Every member is optional.</summary>
public sealed record RunOptions
{
    /// <summary>The defaults: a new execution id, the system clock and the default <see cref="Cache"/>.</summary>
    public static RunOptions Default { get; } = new() { Cache = new TaskCache() };

    /// <summary>The execution id; a new one when null.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The clock for event times, retry delays and timeouts; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Where the run's tasks with <see cref="TaskOptions.Cache"/> keep their results. Null means the cache of
    /// <see cref="Default"/>, one instance for the process, which tasks called outside a workflow use too; a host
    /// or a test that wants its own scope (and its own <see cref="TaskCache.Clear()"/>) passes its own instance.
    /// </summary>
    public TaskCache? Cache { get; init; }

    /// <summary>The cache a run with these options uses.</summary>
    internal TaskCache EffectiveCache => Cache ?? Default.Cache!;
}
