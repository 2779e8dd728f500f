using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Flux;

/// <summary>The execution of a workflow that takes a <typeparamref name="TInput"/>.</summary>
/// <typeparam name="TInput">The workflow's input type.</typeparam>
public class ExecutionContext<TInput> : ExecutionContext
{
    private protected ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider, TaskCache cache, TInput input)
        : base(workflowName, executionId, timeProvider, cache)
    {
        Input = input;
    }

    /// <summary>The workflow's input.</summary>
    public TInput Input { get; }
}

/// <summary>
/// The execution of a workflow from <typeparamref name="TInput"/> to <typeparamref name="TOutput"/>, as
/// <c>RunAsync</c> returns it: finished (or paused), with a typed <see cref="Output"/>.
/// </summary>
/// <typeparam name="TInput">The workflow's input type.</typeparam>
/// <typeparam name="TOutput">The workflow's output type.</typeparam>
public sealed class ExecutionContext<TInput, TOutput> : ExecutionContext<TInput>
{
    private JsonTypeInfo<TOutput>? _outputInfo;

    internal ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider, TaskCache cache, TInput input)
        : base(workflowName, executionId, timeProvider, cache, input)
    {
    }

    /// <summary>The workflow's output once it succeeded; <c>default</c> otherwise.</summary>
    public TOutput? Output { get; private set; }

    /// <summary>The output of a successful run; otherwise throws as <see cref="ExecutionContext.ThrowIfFailed"/> does.</summary>
    public TOutput GetOutputOrThrow()
    {
        ThrowIfFailed();
        return Output!;
    }

    /// <summary>Runs a transient execution: starts it and runs its body once.</summary>
    internal Task RunAsync(Func<ExecutionContext<TInput>, ValueTask<TOutput>> body, CancellationToken cancellationToken)
    {
        Start(Input, cancellationToken);
        return RunPassAsync(body, cancellationToken);
    }

    /// <summary>Starts a run that records more than its in-memory log: WorkflowStarted (serialized when durable).</summary>
    internal void StartRecorded(CancellationToken cancellationToken)
    {
        byte[]? input = null;
        if (Durable is not null)
        {
            var json = Json!;
            _outputInfo = PayloadJson.TypeInfo<TOutput>(json, () => $"Workflow '{WorkflowName}' returns");
            var info = PayloadJson.TypeInfo<TInput>(json, () => $"Workflow '{WorkflowName}' takes as input");
            input = JsonSerializer.SerializeToUtf8Bytes(Input, info);
        }

        Start(Input, cancellationToken, input);
    }

    /// <summary>Resumes a transient paused execution in this process: a new pass that replays its own log.</summary>
    internal Task ResumeInProcessAsync(Func<ExecutionContext<TInput>, ValueTask<TOutput>> body, ResumeValue value, CancellationToken cancellationToken)
    {
        ReopenPaused(value, cancellationToken);
        return RunPassAsync(body, cancellationToken);
    }

    /// <summary>Sets what a finished execution loaded from its store ended with, its output read from the log.</summary>
    internal void Restore(ExecutionState state, byte[]? output, Exception? error, string? pausedAt)
    {
        if (state == ExecutionState.Succeeded && output is not null)
        {
            var info = PayloadJson.TypeInfo<TOutput>(Json!, () => $"Workflow '{WorkflowName}' returns");
            try
            {
                Output = JsonSerializer.Deserialize(output, info);
            }
            catch (JsonException failed)
            {
                throw PayloadJson.Unreadable(typeof(TOutput), $"The recorded output of execution '{ExecutionId}' of workflow '{WorkflowName}'", failed);
            }
        }

        RestoreEnd(state, error, pausedAt);
    }

    /// <summary>
    /// Runs one pass of the body, from its first line: the calls the log has are replayed (a resumed execution), the
    /// others run. Ends with the pass's terminal event (or its pause) and, for a durable run, its commit.
    /// </summary>
    internal async Task RunPassAsync(Func<ExecutionContext<TInput>, ValueTask<TOutput>> body, CancellationToken cancellationToken)
    {
        Scope.Current = Root;
        var telemetry = Telemetry = ExecutionTelemetry.Begin(this);
        TOutput output = default!;
        Exception? error = null;
        OperationCanceledException? cancelled = null;
        try
        {
            output = await body(this).ConfigureAwait(false);
        }
        catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested || CancelRequested)
        {
            cancelled = stopped;
        }
        catch (Exception failed)
        {
            error = failed;
        }

        // Nothing the run started outlives it, and nothing records after its terminal event.
        var callbackError = await StopEverythingAsync().ConfigureAwait(false);
        if (callbackError is not null)
        {
            // A cancellation callback threw while the strays were stopped: it does not replace a failure, but it is
            // not lost either: it fails a run that had succeeded.
            if (error is null && cancelled is null)
            {
                error = callbackError;
            }
            else
            {
                Cancellations.Attach((error ?? cancelled)!, callbackError);
            }
        }

        long last;
        var overriding = PassOverriddenBy;
        if (overriding is PauseRequestedException pause)
        {
            // A pause the body caught, or that reached its end, still pauses the run; a cancellation asked for meanwhile wins.
            last = CancelRequested
                ? Cancel(cancelled ?? new OperationCanceledException($"Workflow '{WorkflowName}' (execution {ExecutionId}) was cancelled while it paused."))
                : Pause(pause.PauseName);
        }
        else if (overriding is not null)
        {
            // A wrong replay, or a claim lost to another owner.
            last = Fail(overriding);
        }
        else
        {
            last = End(output, error, cancelled);
        }

        try
        {
            await EndPassAsync(last).ConfigureAwait(false);
        }
        finally
        {
            telemetry?.End();
        }
    }

    private long End(TOutput output, Exception? error, OperationCanceledException? cancelled)
    {
        if (error is not null)
        {
            return Fail(error);
        }

        if (cancelled is not null)
        {
            return Cancel(cancelled);
        }

        byte[]? payload = null;
        if (Durable is not null)
        {
            try
            {
                payload = JsonSerializer.SerializeToUtf8Bytes(output, _outputInfo ??= PayloadJson.TypeInfo<TOutput>(Json!, () => $"Workflow '{WorkflowName}' returns"));
            }
            catch (Exception failed) when (failed is JsonException or NotSupportedException or PayloadSerializationException)
            {
                return Fail(failed);
            }
        }

        Output = output;
        return Succeed(output, payload);
    }
}
