using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Flux.Orleans;

/// <summary>
/// The <see cref="IFluxClient"/> of a cluster: the same interface as the in-process <see cref="FluxClient"/>, so a
/// program moves to a cluster by changing its registration. Starting, resuming and cancelling go to the execution's
/// grain (<see cref="IFluxExecutionGrain"/>), which runs it on a silo; reading, querying and watching read the shared
/// store directly.
/// </summary>
/// <remarks>
/// A caller waiting for an execution (<see cref="RunAsync"/>, <see cref="ResumeAsync"/> with <c>wait</c>) keeps waiting
/// when the silo running it goes away: the client asks the execution's grain again, its next activation resumes it
/// from the log on a live silo, and the wait goes on there.
/// </remarks>
public sealed class ClusterFluxClient : IFluxClient
{
    private readonly IGrainFactory _grains;
    private readonly FluxOrleansOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a client of the cluster that <paramref name="grains"/> reaches.</summary>
    /// <param name="grains">The cluster client's (or a silo's) grain factory.</param>
    /// <param name="store">The store the silos keep the executions in.</param>
    /// <param name="workflows">The workflows to list in <see cref="Workflows"/> (the silos run them by name).</param>
    /// <param name="options">The cluster's options (how long to wait between two tries when a silo went away).</param>
    /// <param name="time">The clock of those waits and of <see cref="WatchAsync"/>'s polling; the system clock when null.</param>
    public ClusterFluxClient(IGrainFactory grains, IExecutionStore store, IEnumerable<WorkflowDescriptor> workflows, FluxOrleansOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workflows);
        _grains = grains;
        Store = store;
        _options = options ?? new FluxOrleansOptions();
        _time = time ?? TimeProvider.System;
        Workflows = workflows.OrderBy(static w => w.Name, StringComparer.Ordinal).ToArray();
    }

    internal ClusterFluxClient(IGrainFactory grains, IExecutionStore store, FluxCatalogs catalogs, IOptions<FluxOrleansOptions> options, TimeProvider time)
        : this(grains, store, catalogs.Descriptors, options.Value, time)
    {
    }

    /// <summary>The store the executions are kept in.</summary>
    public IExecutionStore Store { get; }

    /// <summary>How often <see cref="WatchAsync"/> reads the store for new events of a running execution.</summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <inheritdoc/>
    public IReadOnlyList<WorkflowDescriptor> Workflows { get; }

    /// <inheritdoc/>
    public Task<ExecutionRecord> StartAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        return Grain(executionId ?? NewId()).StartAsync(workflow, Bytes(input)).WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> RunAsync(string workflow, JsonElement? input, string? executionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflow);
        var id = executionId ?? NewId();
        ExecutionRecord record;
        try
        {
            record = await Grain(id).RunAsync(workflow, Bytes(input), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception lost) when (IsLostCall(lost, cancellationToken))
        {
            // The silo went away while we waited: if the execution was stored, it goes on elsewhere.
            record = await Store.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw lost.Rethrow();
        }

        return await FollowAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord> ResumeAsync(string executionId, JsonElement? value = null, bool wait = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        var record = await Grain(executionId).ResumeAsync(Bytes(value), wait, cancellationToken).ConfigureAwait(false);
        return wait ? await FollowAsync(record, cancellationToken).ConfigureAwait(false) : record;
    }

    /// <inheritdoc/>
    public Task<bool> CancelAsync(string executionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        return Grain(executionId).CancelAsync().WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) =>
        await Store.GetAsync(executionId, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) =>
        await Store.QueryAsync(query, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public IAsyncEnumerable<StoredEvent> GetEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        Store.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredEvent> WatchAsync(string executionId, long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var last = afterSequence;
        while (true)
        {
            await foreach (var e in Store.ReadEventsAsync(executionId, last, cancellationToken).ConfigureAwait(false))
            {
                last = e.Sequence;
                yield return e;
            }

            var record = await Store.GetAsync(executionId, cancellationToken).ConfigureAwait(false);
            if (record is null || ((record.FinishedAt is not null || record.State == ExecutionState.Paused) && last >= record.LastSequence))
            {
                yield break;
            }

            await Task.Delay(WatchPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for an execution the grain returned still running (its silo went away while the caller waited, or another
    /// caller's run is going on): asks its grain again until it finished or paused.
    /// </summary>
    private async Task<ExecutionRecord> FollowAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        var delay = _options.RedispatchDelay;
        for (var attempt = 1; record.State == ExecutionState.Running; attempt++)
        {
            if (attempt > _options.MaxDispatchAttempts)
            {
                throw new ExecutionClaimException(
                    record.ExecutionId,
                    record.Owner,
                    record.LeaseExpiresAt,
                    $"Execution '{record.ExecutionId}' is still running under owner '{record.Owner ?? "none"}' after {_options.MaxDispatchAttempts} attempts to " +
                    "wait for it on the cluster: read it with GetAsync or WatchAsync, or check that the cluster's silos reach the store.");
            }

            if (attempt > 1)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRedispatchDelay.Ticks));
            }

            try
            {
                record = await Grain(record.ExecutionId).RecoverAsync(wait: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception lost) when (IsLostCall(lost, cancellationToken))
            {
                record = await Store.GetAsync(record.ExecutionId, cancellationToken).ConfigureAwait(false) ?? throw new ExecutionNotFoundException(record.ExecutionId);
            }
        }

        return record;
    }

    private IFluxExecutionGrain Grain(string executionId) => _grains.GetGrain<IFluxExecutionGrain>(executionId);

    /// <summary>The call was lost on its way (a silo went away), as opposed to an answer of the execution's grain.</summary>
    private static bool IsLostCall(Exception error, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && error is OrleansException or TimeoutException;

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static byte[]? Bytes(JsonElement? json)
    {
        if (json is not { } element || element.ValueKind is JsonValueKind.Undefined)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Rethrows an exception from an expression, keeping its stack.</summary>
internal static class ExceptionRethrow
{
    public static Exception Rethrow(this Exception error)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return error;
    }
}
