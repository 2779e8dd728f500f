using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Flux.Orleans;

/// <summary>
/// The activation that runs one durable execution: it starts or resumes it with the durable engine over the shared store
/// (claimed for this activation, <see cref="SiloExecutions.OwnerFor"/>), its task calls go to the cluster's workers, and
/// every answer comes from the store, which is the truth. Orleans keeps one activation per execution id, so every caller
/// in the cluster reaches the one run; reentrant, so reading, cancelling or waiting is served while the run goes on.
/// </summary>
/// <remarks>
/// When the activation goes away with its silo (the silo stops, or the activation is deactivated) the run is abandoned:
/// it stops at once and writes nothing more, its claim is released, and the execution is resumed from its log by the
/// next activation (<see cref="ExecutionRecovery"/> finds it, or a caller that was waiting asks again). A silo that
/// crashes leaves a claim that names it; membership declares the silo dead and the next activation takes the claim over.
/// </remarks>
[Reentrant]
internal sealed partial class FluxExecutionGrain : Grain, IFluxExecutionGrain
{
    private readonly SiloExecutions _silo;
    private readonly ILogger<FluxExecutionGrain> _logger;
    private readonly string _owner;
    private ActiveRun? _run;
    private bool _preparing;

    public FluxExecutionGrain(SiloExecutions silo, IGrainContext context, ILogger<FluxExecutionGrain> logger)
    {
        _silo = silo;
        _logger = logger;
        // The activation, not just the silo: a later activation (elsewhere or here) is another owner.
        _owner = silo.OwnerFor(context.ActivationId);
    }

    private string ExecutionId => this.GetPrimaryKeyString();

    private IExecutionStore Store => _silo.Store;

    /// <inheritdoc/>
    public async Task<ExecutionRecord> StartAsync(string workflow, byte[]? input)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        var handle = FindWorkflow(workflow);
        var json = ReadJson(input, $"the input of workflow '{handle.Name}'");
        _preparing = true;
        try
        {
            var prepared = await handle.StartJsonAsync(json, RunOptions(), CancellationToken.None, CancellationToken.None);
            Begin(prepared);
        }
        finally
        {
            _preparing = false;
        }

        return await ReadAsync();
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> RunAsync(string workflow, byte[]? input, CancellationToken cancellationToken = default)
    {
        await StartAsync(workflow, input);
        return await WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> ResumeAsync(byte[]? value = null, bool wait = true, CancellationToken cancellationToken = default)
    {
        if (_run is not null || _preparing)
        {
            throw new ExecutionClaimException(
                ExecutionId,
                _owner,
                null,
                $"Execution '{ExecutionId}' is already running on silo {_silo.Silo} (started or resumed by another caller), so this resume " +
                "was not applied: read it with GetAsync, wait for it with RecoverAsync(wait: true), or resume it again once it pauses.");
        }

        var json = ReadJson(value, $"the resume value of execution '{ExecutionId}'");
        _preparing = true;
        try
        {
            var record = await Store.GetAsync(ExecutionId) ?? throw new ExecutionNotFoundException(ExecutionId);
            if (StoreRules.IsFinished(record.State))
            {
                return record;
            }

            await TakeOverFromGoneOwnerAsync(record);
            var prepared = await FindWorkflow(record.WorkflowName).PrepareResumeJsonAsync(ExecutionId, json, RunOptions(), CancellationToken.None, CancellationToken.None);
            if (prepared.RunAsync is not null)
            {
                await CommitResumedAsync(prepared);
                Begin(prepared);
            }
        }
        finally
        {
            _preparing = false;
        }

        return wait ? await WaitAsync(cancellationToken) : await ReadAsync();
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> RecoverAsync(bool wait = false, CancellationToken cancellationToken = default)
    {
        if (_run is null && !_preparing)
        {
            var record = await Store.GetAsync(ExecutionId) ?? throw new ExecutionNotFoundException(ExecutionId);
            if (record.State == ExecutionState.Running && (record.Owner is null || await _silo.IsOwnerGoneAsync(record.Owner, cancellationToken)
                || !ExecutionOwner.IsAlive(record, _silo.Options.Clock.GetUtcNow())))
            {
                _preparing = true;
                try
                {
                    await TakeOverFromGoneOwnerAsync(record);
                    var prepared = await FindWorkflow(record.WorkflowName).PrepareResumeJsonAsync(ExecutionId, null, RunOptions(), CancellationToken.None, CancellationToken.None);
                    if (prepared.RunAsync is not null)
                    {
                        LogRecovered(ExecutionId, record.Owner ?? "none", _owner);
                        Begin(prepared);
                    }
                }
                catch (ExecutionClaimException)
                {
                    // Someone else claimed it meanwhile (or its owner proved alive): that one runs it.
                }
                finally
                {
                    _preparing = false;
                }
            }
        }

        return wait ? await WaitAsync(cancellationToken) : await ReadAsync();
    }

    /// <inheritdoc/>
    public async Task<bool> CancelAsync()
    {
        var record = await Store.GetAsync(ExecutionId);
        if (record is null || StoreRules.IsFinished(record.State))
        {
            return false;
        }

        var cancelled = await FindWorkflow(record.WorkflowName).CancelAsync(ExecutionId, RunOptions());
        if (cancelled && _run is null && record.State == ExecutionState.Running)
        {
            // Left running by a silo that went away: resume it here, and the recorded request cancels it at once.
            await RecoverAsync();
        }

        return cancelled;
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord?> GetAsync() => await Store.GetAsync(ExecutionId);

    /// <inheritdoc/>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { } run)
        {
            await AbandonAsync(run, reason.ToString()).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            Finish(run);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private RunOptions RunOptions() => _silo.Options with { ExecutionId = ExecutionId, Owner = _owner };

    /// <summary>Commits the resume (WorkflowResumed, state Running) before the caller is answered, so the record it gets says so.</summary>
    private static async Task CommitResumedAsync(PreparedRun prepared)
    {
        if (prepared.Context.Durable is not { } durable)
        {
            return;
        }

        try
        {
            await durable.CommitAllAsync();
        }
        catch
        {
            await prepared.Context.AbandonClaimAsync();
            throw;
        }
    }

    private void Begin(PreparedRun prepared)
    {
        var run = new ActiveRun(prepared.Context);
        _run = run;
        _silo.Running(_owner, () => AbandonAsync(run, "the silo is stopping"));

        // The run keeps the activation alive although no request may be waiting for it.
        DelayDeactivation(TimeSpan.MaxValue);

        // The workflow runs on the thread pool, as it does in one process; the end is handled back on this activation.
        run.Task = Task.Run(prepared.RunAsync!);
        _ = WatchAsync(run);
    }

    private async Task WatchAsync(ActiveRun run)
    {
        try
        {
            await run.Task;
        }
        catch (Exception error)
        {
            // The run's outcome could not be stored (the store failed, or the claim was lost): the log keeps what was
            // committed, and the execution is resumed from there.
            LogRunStopped(ExecutionId, error);
        }

        Finish(run);
    }

    private void Finish(ActiveRun run)
    {
        if (ReferenceEquals(_run, run))
        {
            _run = null;
            _silo.Stopped(_owner);
            DelayDeactivation(TimeSpan.FromTicks(-1));
        }

        run.Ended.TrySetResult();
    }

    /// <summary>Waits until the run of this activation (if any) ends, and returns the stored record.</summary>
    private async Task<ExecutionRecord> WaitAsync(CancellationToken cancellationToken)
    {
        while (_run is { } run)
        {
            await run.Ended.Task.WaitAsync(cancellationToken);
        }

        return await ReadAsync();
    }

    private async Task<ExecutionRecord> ReadAsync() => await Store.GetAsync(ExecutionId) ?? throw new ExecutionNotFoundException(ExecutionId);

    private WorkflowHandle FindWorkflow(string workflow) =>
        _silo.Catalogs.TryGetWorkflow(workflow, out var handle)
            ? handle
            : throw new ArgumentException(
                $"No workflow named '{workflow}' is registered on silo {_silo.Silo} (execution {ExecutionId}): register the catalog of " +
                "the assembly that declares it on every silo, with siloBuilder.AddFlux(flux => flux.AddWorkflows(FluxCatalog.TryGetWorkflow)).",
                nameof(workflow));

    private static JsonElement? ReadJson(byte[]? json, string what)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"The JSON given as {what} is not valid JSON: {error.Message}", nameof(json), error);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Execution {ExecutionId} was left by owner {Owner}; {NewOwner} resumes it from its log")]
    private partial void LogRecovered(string executionId, string owner, string newOwner);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Execution {ExecutionId} leaves {Owner} ({Reason}): its run is abandoned and resumes from the log elsewhere")]
    private partial void LogAbandoned(string executionId, string owner, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Execution {ExecutionId} stopped without storing its outcome; it resumes from its log")]
    private partial void LogRunStopped(string executionId, Exception error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Execution {ExecutionId}: the claim could not be released; it expires with its lease")]
    private partial void LogReleaseFailed(string executionId, Exception error);

    /// <summary>The pass this activation runs.</summary>
    private sealed class ActiveRun(ExecutionContext context)
    {
        public ExecutionContext Context { get; } = context;

        public Task Task { get; set; } = Task.CompletedTask;

        /// <summary>The abandonment of the run, once asked for.</summary>
        public Task? Abandoning { get; set; }

        /// <summary>Completed once the activation has taken the end of the run into account.</summary>
        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
