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
/// The execution lives in the shared store, and the grain runs it with the durable engine: the record every member
/// returns is the stored one. When the silo running it goes away, the next activation of the grain (on any silo)
/// resumes it from its log; <see cref="RecoverAsync"/> is how a caller (or the silos' recovery sweep) brings that about.
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

    /// <summary>
    /// Starts the workflow as this execution and waits until it finishes (or pauses), or until this activation's run
    /// stops because its silo stops: the record then still says Running, and <see cref="RecoverAsync"/> with
    /// <c>wait</c> waits for it on its next activation (<see cref="ClusterFluxClient"/> does that).
    /// </summary>
    /// <param name="workflow">The workflow's name, as the registered catalogs know it.</param>
    /// <param name="input">The input as UTF-8 JSON, or null for a null input.</param>
    /// <param name="cancellationToken">Stops the wait, not the execution: <see cref="CancelAsync"/> cancels it.</param>
    /// <exception cref="ExecutionAlreadyExistsException">This execution was already started.</exception>
    /// <exception cref="ArgumentException">No registered catalog has the workflow, or the input does not fit it.</exception>
    [Alias("run")]
    Task<ExecutionRecord> RunAsync(string workflow, byte[]? input, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes this execution, as <c>IFluxClient.ResumeAsync</c> does: a paused one continues with
    /// <paramref name="value"/> for its pause; one left running by a silo (or process) that is gone continues from its
    /// log; a finished one is returned as it is and nothing runs.
    /// </summary>
    /// <param name="value">The value a paused execution's pause returns, as UTF-8 JSON.</param>
    /// <param name="wait">True to wait until the execution finishes (or pauses again).</param>
    /// <param name="cancellationToken">Stops the wait, not the execution.</param>
    /// <exception cref="ExecutionNotFoundException">The store has no such execution.</exception>
    /// <exception cref="ExecutionClaimException">
    /// It is running: started or resumed by another caller (of two callers resuming one paused execution, exactly one
    /// gets to run it), or run by a live owner outside the cluster.
    /// </exception>
    [Alias("resume")]
    Task<ExecutionRecord> ResumeAsync(byte[]? value = null, bool wait = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes sure the execution is not left behind: one still marked running whose owner is gone (its silo died or
    /// stopped, its lease expired) is resumed from its log in this activation; a running, paused or finished one is left
    /// as it is. Nothing is resumed with a value, so it never continues a pause.
    /// </summary>
    /// <param name="wait">True to wait until the run of this activation (if any) ends.</param>
    /// <param name="cancellationToken">Stops the wait, not the execution.</param>
    /// <returns>The stored record.</returns>
    /// <exception cref="ExecutionNotFoundException">The store has no such execution.</exception>
    [Alias("recover")]
    Task<ExecutionRecord> RecoverAsync(bool wait = false, CancellationToken cancellationToken = default);

    /// <summary>Cancels this execution if it has not finished: its tasks are cancelled and it ends Cancelled.</summary>
    /// <returns>True when it was cancelled or asked to stop; false when it is unknown or already finished.</returns>
    [Alias("cancel")]
    Task<bool> CancelAsync();

    /// <summary>The execution's stored record, or null when the store has no such execution.</summary>
    [Alias("get")]
    Task<ExecutionRecord?> GetAsync();
}
