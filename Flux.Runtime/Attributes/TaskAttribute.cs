namespace Flux;

/// <summary>
/// Marks a method of a <c>partial</c> class as a Flux task. The source generator adds a typed handle,
/// <c>{Method}Task</c>, whose <c>Call</c> and <c>Map</c> members run the method with events, retries and replay.
/// </summary>
/// <remarks>
/// Durations (<see cref="RetryDelay"/>, <see cref="MaxRetryDelay"/>, <see cref="Timeout"/>) are strings such as
/// <c>"500ms"</c>, <c>"30s"</c>, <c>"2m"</c>, <c>"1h"</c> or TimeSpan text (<c>"00:00:05"</c>); the analyzer checks them at compile time.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TaskAttribute : Attribute
{
    /// <summary>The task's name in events and the catalog; defaults to the method name without a trailing <c>Async</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Extra attempts after the first one. 0 (the default) means no retry.</summary>
    public int Retries { get; set; }

    /// <summary>The delay before the first retry (default <c>"1s"</c>).</summary>
    public string? RetryDelay { get; set; }

    /// <summary>The multiplier applied to the delay after each retry (default 2; must be at least 1).</summary>
    public double RetryBackoff { get; set; } = 2;

    /// <summary>The longest wait between two attempts (default <c>"10m"</c>).</summary>
    public string? MaxRetryDelay { get; set; }

    /// <summary>Adds random jitter (up to the computed delay) to each retry wait. Off by default.</summary>
    public bool RetryJitter { get; set; }

    /// <summary>The time limit of each attempt; none by default.</summary>
    public string? Timeout { get; set; }

    /// <summary>The name (use <c>nameof</c>) of a method of the same class, with the task's parameters, whose result replaces the task's once every attempt failed.</summary>
    public string? Fallback { get; set; }

    /// <summary>The name (use <c>nameof</c>) of a method of the same class, with the task's parameters, that compensates a call that finally failed or was cancelled.</summary>
    public string? Rollback { get; set; }

    /// <summary>Memoizes results by task name and arguments for the life of the process.</summary>
    public bool Cache { get; set; }
}
