using System.Text.Json;

namespace Flux;

/// <summary>
/// Runs, resumes, cancels and reads durable executions by workflow name and execution id, with JSON inputs and values:
/// what a host, a command line or an HTTP API uses. <see cref="FluxClient"/> implements it in process, over a store.
/// </summary>
public interface IFluxClient
{
    /// <summary>The workflows this client runs.</summary>
    IReadOnlyList<WorkflowDescriptor> Workflows { get; }

    /// <summary>Starts an execution and returns once it is stored (it goes on running).</summary>
    /// <param name="workflow">The workflow's name.</param>
    /// <param name="input">Its input as JSON; null for a null input.</param>
    /// <param name="executionId">The execution's id; a new one when null.</param>
    /// <param name="cancellationToken">Stops the start, not the execution.</param>
    Task<ExecutionRecord> StartAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default);

    /// <summary>Runs an execution and returns it once it finished or paused.</summary>
    /// <param name="workflow">The workflow's name.</param>
    /// <param name="input">Its input as JSON; null for a null input.</param>
    /// <param name="executionId">The execution's id; a new one when null.</param>
    /// <param name="cancellationToken">Cancels the execution.</param>
    Task<ExecutionRecord> RunAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes an execution: a paused one with <paramref name="value"/> for its pause, one left running by a crash; a
    /// finished one is returned as it is.
    /// </summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="value">The value its pause returns, as JSON; null for none.</param>
    /// <param name="wait">True to return once it finished or paused again; false to return once it is claimed.</param>
    /// <param name="cancellationToken">Cancels the wait (and, with <paramref name="wait"/>, the run).</param>
    Task<ExecutionRecord> ResumeAsync(string executionId, JsonElement? value = null, bool wait = true, CancellationToken cancellationToken = default);

    /// <summary>Cancels an execution wherever it runs; false when it does not exist or has finished.</summary>
    Task<bool> CancelAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>An execution's summary, or null.</summary>
    Task<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>A page of execution summaries, newest first.</summary>
    Task<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default);

    /// <summary>An execution's stored events after <paramref name="afterSequence"/>.</summary>
    IAsyncEnumerable<StoredEvent> GetEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>An execution's events after <paramref name="afterSequence"/>, live: it ends once the execution finished or paused and every event was given.</summary>
    IAsyncEnumerable<StoredEvent> WatchAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default);
}
