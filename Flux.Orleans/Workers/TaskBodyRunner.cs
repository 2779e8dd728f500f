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
/// The body runs through <see cref="TaskCall.RunUntypedAsync"/> outside any execution, which records nothing. For a task
/// without options (no retries, timeout or cache) and without fallback or rollback that is exactly one run of the body.
/// A task with options would apply them here as well, beside the engine that applies them around the dispatch; the core
/// has no public way yet to run a body once from untyped arguments (see the report of issue 11 for the member the
/// engine's hook needs).
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

        TaskCall call;
        try
        {
            call = task.CreateCall(ReadArguments(task, request.ArgumentsJson.Span));
        }
        catch (Exception error) when (error is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return Rejected(
                $"Task '{task.Name}' (call {request.CallId}) cannot take the arguments it was sent on silo {silo}: {error.Message} " +
                "Silos and clients must run the same version of the task and share the same JSON options.");
        }

        object? result;
        TaskWorkerCall.Current = new TaskWorkerCall(task.Name, request.CallId, silo);
        try
        {
            result = await call.RunUntypedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (siloStopping.IsCancellationRequested)
        {
            return new TaskCallOutcome(TaskCallOutcomeKind.Abandoned, default, null, $"Silo {silo} is stopping.", silo);
        }
        catch (OperationCanceledException) when (callerCancelled.IsCancellationRequested)
        {
            return new TaskCallOutcome(TaskCallOutcomeKind.Cancelled, default, null, "The caller cancelled the call.", silo);
        }
        catch (Exception error)
        {
            // Outside an execution the invoker wraps the body's exception in a TaskFailedException; the engine wraps it
            // again with its own context, so what travels is the body's own exception.
            var original = error is TaskFailedException { InnerException: { } inner } ? inner : error;
            return new TaskCallOutcome(TaskCallOutcomeKind.Failed, default, TaskFailureInfo.From(original), null, silo);
        }
        finally
        {
            TaskWorkerCall.Current = null;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(result, _json.GetTypeInfo(task.ResultType));
        return new TaskCallOutcome(TaskCallOutcomeKind.Completed, json, null, null, silo);

        TaskCallOutcome Rejected(string message) => new(TaskCallOutcomeKind.Rejected, default, null, message, silo);
    }

    private object?[] ReadArguments(TaskHandle task, ReadOnlySpan<byte> json)
    {
        var types = task.ParameterTypes;
        var arguments = new object?[types.Count];
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The arguments are not a JSON array.");
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw new JsonException($"The task takes {arguments.Length} argument(s) but the JSON array has {i}.");
            }

            arguments[i] = JsonSerializer.Deserialize(ref reader, _json.GetTypeInfo(types[i]));
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException($"The task takes {arguments.Length} argument(s) but the JSON array has more.");
        }

        return arguments;
    }
}
