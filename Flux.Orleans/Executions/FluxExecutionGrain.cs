using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Flux.Orleans;

/// <summary>
/// The activation that owns one execution. Reentrant, so that reading or cancelling the execution is served while a
/// caller waits for it; every change of the record happens on the activation's scheduler, between awaits.
/// </summary>
/// <remarks>
/// For now it runs the workflow transiently through <see cref="WorkflowHandle.RunUntypedAsync"/>; the durable engine
/// will take its place here (load from the store, claim, replay, dispatch task calls with <see cref="ITaskDispatcher"/>).
/// </remarks>
[Reentrant]
internal sealed class FluxExecutionGrain : Grain, IFluxExecutionGrain
{
    private readonly FluxCatalogs _catalogs;
    private readonly JsonSerializerOptions _json;
    private readonly TimeProvider _time;
    private readonly string _owner;
    private ExecutionRecord? _record;
    private Task? _run;
    private CancellationTokenSource? _cancel;

    public FluxExecutionGrain(FluxCatalogs catalogs, IOptions<FluxOrleansOptions> options, TimeProvider time, ILocalSiloDetails silo, IGrainContext context)
    {
        _catalogs = catalogs;
        _json = options.Value.Json;
        _time = time;
        // The activation, not just the silo: a reactivation elsewhere (or here) is another owner.
        _owner = $"orleans:{silo.SiloAddress}/{context.ActivationId}";
    }

    private string ExecutionId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public Task<ExecutionRecord> StartAsync(string workflow, byte[]? input)
    {
        Start(workflow, input);
        return Task.FromResult(_record!);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> RunAsync(string workflow, byte[]? input, CancellationToken cancellationToken = default)
    {
        Start(workflow, input);
        await _run!.WaitAsync(cancellationToken);
        return _record!;
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> ResumeAsync(byte[]? value = null, bool wait = true, CancellationToken cancellationToken = default)
    {
        if (_record is null)
        {
            throw new ExecutionNotFoundException(ExecutionId);
        }

        if (wait && _run is { IsCompleted: false } run)
        {
            await run.WaitAsync(cancellationToken);
        }

        return _record;
    }

    /// <inheritdoc/>
    public Task<bool> CancelAsync()
    {
        if (_record is null || _cancel is null || _record.State is not (ExecutionState.Created or ExecutionState.Running))
        {
            return Task.FromResult(false);
        }

        var now = _time.GetUtcNow();
        _record = _record with { CancelRequestedAt = _record.CancelRequestedAt ?? now, UpdatedAt = now, Version = _record.Version + 1 };
        _cancel.Cancel();
        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<ExecutionRecord?> GetAsync() => Task.FromResult(_record);

    /// <inheritdoc/>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A transient execution cannot outlive its activation: stop it rather than leave it running unowned.
        _cancel?.Cancel();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void Start(string workflow, byte[]? input)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        if (_record is not null)
        {
            throw new ExecutionAlreadyExistsException(ExecutionId);
        }

        if (!_catalogs.TryGetWorkflow(workflow, out var handle))
        {
            throw new ArgumentException(
                $"No workflow named '{workflow}' is registered on silo {_owner} (execution {ExecutionId}): register the catalog of " +
                "the assembly that declares it, with siloBuilder.AddFlux(flux => flux.AddWorkflows(FluxCatalog.TryGetWorkflow)).",
                nameof(workflow));
        }

        var value = ReadInput(handle, input);
        var now = _time.GetUtcNow();
        _record = new ExecutionRecord
        {
            ExecutionId = ExecutionId,
            WorkflowName = handle.Name,
            State = ExecutionState.Running,
            CreatedAt = now,
            UpdatedAt = now,
            Owner = _owner,
            Version = 1,
        };
        _cancel = new CancellationTokenSource();

        // The run keeps the activation alive although no request may be waiting for it.
        DelayDeactivation(TimeSpan.MaxValue);
        _run = RunCoreAsync(handle, value, _cancel.Token);
    }

    private object? ReadInput(WorkflowHandle handle, byte[]? input)
    {
        if (input is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(input, _json.GetTypeInfo(handle.InputType));
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            throw new ArgumentException(
                $"Workflow '{handle.Name}' takes a {handle.InputType.Name} input, which cannot be read from the JSON given for execution {ExecutionId}: {error.Message}",
                nameof(input), error);
        }
    }

    private async Task RunCoreAsync(WorkflowHandle handle, object? input, CancellationToken cancellationToken)
    {
        var options = new RunOptions { ExecutionId = ExecutionId, TimeProvider = _time };

        // The workflow runs on the thread pool, as it does in one process; the record changes back on this activation.
        ExecutionContext context;
        try
        {
            context = await Task.Run(() => handle.RunUntypedAsync(input, options, cancellationToken), CancellationToken.None);
        }
        catch (Exception refused)
        {
            // The handle refused the input before anything ran (a null input for a workflow that takes none).
            var at = _time.GetUtcNow();
            _record = _record! with
            {
                State = ExecutionState.Failed, UpdatedAt = at, FinishedAt = at, Owner = null, Version = _record!.Version + 1,
                ErrorType = refused.GetType().FullName, ErrorMessage = refused.Message,
            };
            DelayDeactivation(TimeSpan.FromTicks(-1));
            return;
        }

        var now = _time.GetUtcNow();
        var record = _record! with { State = context.State, UpdatedAt = now, Version = _record!.Version + 1 };
        if (context.HasFinished)
        {
            record = record with { FinishedAt = now, Owner = null };
        }

        if (context.HasSucceeded)
        {
            var events = context.Events;
            var output = events[^1].Value;
            record = record with { Output = JsonSerializer.SerializeToUtf8Bytes(output, _json.GetTypeInfo(handle.OutputType)) };
        }
        else if (context.Error is { } error)
        {
            record = record with { ErrorType = error.GetType().FullName, ErrorMessage = error.Message };
        }

        _record = record;
        DelayDeactivation(TimeSpan.FromTicks(-1));
    }
}
