using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace Flux.Orleans;

/// <summary>
/// Runs one task call's body on a worker: finds the task in the registered catalogs, reads the arguments from JSON,
/// runs the body and writes the result as JSON. Every outcome, a failure included, comes back as a
/// <see cref="TaskCallOutcome"/>.
/// </summary>
/// <remarks>
/// The body runs exactly once through <see cref="TaskHandle.InvokeBodyJsonAsync"/>: no retries, timeout, cache, fallback or
/// rollback here (the engine that dispatched the call applies them around the dispatch), no events, and
/// <see cref="Workflow.CurrentCall"/> inside the body is the dispatched call's id.
/// </remarks>
internal sealed class TaskBodyRunner
{
    private readonly FluxCatalogs _catalogs;
    private readonly JsonSerializerOptions _json;

    public TaskBodyRunner(FluxCatalogs catalogs, IOptions<FluxOrleansOptions> options)
    {
        _catalogs = catalogs;
        _json = options.Value.Json;
    }

    /// <param name="request">The call.</param>
    /// <param name="silo">The silo this runs on, for the outcome and <see cref="TaskWorkerCall.Current"/>.</param>
    /// <param name="callerCancelled">Cancelled when the caller cancels the call.</param>
    /// <param name="siloStopping">Cancelled when the silo starts to stop.</param>
    /// <param name="cancellationToken">Either of the two: what the body gets.</param>
    public async Task<TaskCallOutcome> RunAsync(
        TaskCallRequest request, string silo, CancellationToken callerCancelled, CancellationToken siloStopping, CancellationToken cancellationToken)
    {
        if (!_catalogs.TryGetTask(request.TaskName, out var task))
        {
            return Rejected(
                $"Silo {silo} has no task named '{request.TaskName}' (call {request.CallId}): register the catalog of the assembly " +
                "that declares it on every silo, with siloBuilder.AddFlux(flux => flux.AddTasks(FluxCatalog.TryGetTask)).");
        }

        ValueTask<ReadOnlyMemory<byte>> running;
        TaskWorkerCall.Current = new TaskWorkerCall(task.Name, request.CallId, silo);
        try
        {
            try
            {
                running = task.InvokeBodyJsonAsync(request.ArgumentsJson, request.CallId, _json, cancellationToken);
            }
            catch (Exception error) when (error is ArgumentException or PayloadSerializationException or NotSupportedException or InvalidOperationException)
            {
                return Rejected(
                    $"Task '{task.Name}' (call {request.CallId}) cannot take the arguments it was sent on silo {silo}: {error.Message} " +
                    "Silos and clients must run the same version of the task and share the same JSON options.");
            }

            var result = await running.ConfigureAwait(false);
            return new TaskCallOutcome(TaskCallOutcomeKind.Completed, result, null, null, silo);
        }
        catch (OperationCanceledException) when (siloStopping.IsCancellationRequested)
        {
            return TaskCallOutcome.Abandoned(silo);
        }
        catch (OperationCanceledException) when (callerCancelled.IsCancellationRequested)
        {
            return TaskCallOutcome.Cancelled(silo);
        }
        catch (Exception error)
        {
            // The body ran once, outside any execution: what travels is its own exception.
            return new TaskCallOutcome(TaskCallOutcomeKind.Failed, default, TaskFailureInfo.From(error), null, silo);
        }
        finally
        {
            TaskWorkerCall.Current = null;
        }

        TaskCallOutcome Rejected(string message) => new(TaskCallOutcomeKind.Rejected, default, null, message, silo);
    }
}
