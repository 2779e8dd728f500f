namespace Flux;

/// <summary>How one workflow run is set up. Every member is optional.</summary>
public sealed record RunOptions
{
    /// <summary>The defaults: a new execution id and the system clock.</summary>
    public static RunOptions Default { get; } = new();

    /// <summary>The execution id; a new one when null.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The clock for event times, retry delays and timeouts; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
