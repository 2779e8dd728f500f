using System;
using System.Threading;
using System.Threading.Tasks;
using Orleans;

namespace Flux.Orleans;

/// <summary>
/// One execution, keyed by its id: the grain that owns it wherever it lives in the cluster, so every client that names
/// the id reaches the same activation. Its members follow <c>IFluxClient</c>'s for one execution; workflow inputs,
/// outputs and resume values travel as UTF-8 JSON written with <see cref="FluxOrleansOptions.Json"/>.
/// </summary>
/// <remarks>
/// Until the durable engine is in place an execution lives in its grain's memory only: it is lost if its silo goes away,
/// and a later call finds nothing. With a store the grain will load it from the log and resume it.
/// </remarks>
[Alias("flux.IFluxExecutionGrain")]
public interface IFluxExecutionGrain : IGrainWithStringKey
{
    /// <summary>Starts the workflow as this execution and returns once it is started; it goes on running in the grain.</summary>
    /// <param name="workflow">The workflow's name, as the registered catalogs know it.</param>
    /// <param name="input">The input as UTF-8 JSON, or null for a null input.</param>
    /// <exception cref="ExecutionAlreadyExistsException">This execution was already started.</exception>
    /// <exception cref="ArgumentException">No registered catalog has the workflow, or the input does not fit it.</exception>
    [Alias("start")]
    Task<ExecutionRecord> StartAsync(string workflow, byte[]? input);

    /// <summary>Starts the workflow as this execution and waits until it finishes (or pauses).</summary>
    /// <param name="workflow">The workflow's name, as the registered catalogs know it.</param>
    /// <param name="input">The input as UTF-8 JSON, or null for a null input.</param>
    /// <param name="cancellationToken">Stops the wait, not the execution: <see cref="CancelAsync"/> cancels it.</param>
    /// <exception cref="ExecutionAlreadyExistsException">This execution was already started.</exception>
    /// <exception cref="ArgumentException">No registered catalog has the workflow, or the input does not fit it.</exception>
    [Alias("run")]
    Task<ExecutionRecord> RunAsync(string workflow, byte[]? input, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes this execution: a finished one is returned as it is and nothing runs; a running one is waited for
    /// (when <paramref name="wait"/>) or returned as it is.
    /// </summary>
    /// <param name="value">The value a paused execution's pause returns, as UTF-8 JSON.</param>
    /// <param name="wait">True to wait until the execution finishes (or pauses again).</param>
    /// <param name="cancellationToken">Stops the wait, not the execution.</param>
    /// <exception cref="ExecutionNotFoundException">This grain holds no execution (never started, or lost with its silo).</exception>
    [Alias("resume")]
    Task<ExecutionRecord> ResumeAsync(byte[]? value = null, bool wait = true, CancellationToken cancellationToken = default);

    /// <summary>Cancels this execution if it is running: its tasks are cancelled and it ends Cancelled.</summary>
    /// <returns>True when a running execution was asked to stop; false when it was unknown or already finished.</returns>
    [Alias("cancel")]
    Task<bool> CancelAsync();

    /// <summary>The execution's record, or null when this grain holds no execution.</summary>
    [Alias("get")]
    Task<ExecutionRecord?> GetAsync();
}
