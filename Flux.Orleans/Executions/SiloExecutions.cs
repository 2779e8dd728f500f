using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Flux.Orleans;

/// <summary>
/// What the execution grains of one silo share: the store, the run options every execution runs with (the store, the
/// JSON options, the cluster's task dispatcher, the lease), the claim owner ids of this silo's activations, and whether
/// the owner an execution's claim names is still alive, as Orleans' membership sees it.
/// </summary>
/// <remarks>
/// An owner id is <c>orleans:{silo address}/{activation id}</c>: the silo tells whether it is alive (membership declares
/// a stopped or crashed silo dead, usually long before its lease would expire), and the activation tells apart two
/// activations of one execution on the same silo, one after the other.
/// </remarks>
internal sealed class SiloExecutions : ILifecycleParticipant<ISiloLifecycle>
{
    private const string OwnerPrefix = "orleans:";

    private readonly IClusterMembershipService _membership;
    private readonly ConcurrentDictionary<string, Func<Task>> _liveOwners = new(StringComparer.Ordinal);

    public SiloExecutions(
        IExecutionStore store, ITaskDispatcher dispatcher, FluxCatalogs catalogs, IOptions<FluxOrleansOptions> options, TimeProvider time,
        ILocalSiloDetails silo, IClusterMembershipService membership)
    {
        Store = store;
        Catalogs = catalogs;
        Silo = silo.SiloAddress;
        _membership = membership;
        var settings = options.Value;
        Options = new RunOptions
        {
            Store = store,
            Json = settings.Json,
            TimeProvider = time,
            LeaseDuration = settings.LeaseDuration,
            TaskDispatcher = dispatcher,
            Cache = new TaskCache(),
        };
    }

    /// <summary>Where the executions are kept (one instance per silo).</summary>
    public IExecutionStore Store { get; }

    /// <summary>The workflows and tasks this silo knows.</summary>
    public FluxCatalogs Catalogs { get; }

    /// <summary>This silo.</summary>
    public SiloAddress Silo { get; }

    /// <summary>The run options of every execution on this silo, without its id and owner.</summary>
    public RunOptions Options { get; }

    /// <summary>The claim owner id of an activation of this silo.</summary>
    public string OwnerFor(ActivationId activation) => $"{OwnerPrefix}{Silo.ToParsableString()}/{activation}";

    /// <summary>
    /// An activation of this silo runs its execution (and the child executions it starts) now, until
    /// <see cref="Stopped"/>; <paramref name="abandon"/> stops the run without writing more, when the silo stops.
    /// </summary>
    public void Running(string owner, Func<Task> abandon) => _liveOwners[owner] = abandon;

    /// <summary>The activation stopped running its execution.</summary>
    public void Stopped(string owner) => _liveOwners.TryRemove(owner, out _);

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        // The Active stage is the first to stop: the runs are abandoned (and the callers waiting for them answered) before
        // Orleans deactivates the grains, which it would otherwise do only once those callers' requests had timed out.
        lifecycle.Subscribe(
            nameof(SiloExecutions),
            ServiceLifecycleStage.Active,
            static _ => Task.CompletedTask,
            async cancellationToken =>
            {
                var abandons = new List<Task>();
                foreach (var abandon in _liveOwners.Values)
                {
                    abandons.Add(abandon());
                }

                await Task.WhenAll(abandons).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            });

    /// <summary>
    /// Whether the owner named by an execution's claim is gone for sure: an activation of a silo that membership declared
    /// dead (or that left the cluster), or an activation of this silo that no longer runs it. Owners that are not silos
    /// of this cluster (a process running a <c>FluxClient</c> on the same store) are never judged here: their lease tells.
    /// </summary>
    public async ValueTask<bool> IsOwnerGoneAsync(string? owner, CancellationToken cancellationToken)
    {
        if (owner is null || !TryParseOwner(owner, out var silo))
        {
            return false;
        }

        if (silo.Equals(Silo))
        {
            return !_liveOwners.ContainsKey(owner);
        }

        var status = _membership.CurrentSnapshot.GetSiloStatus(silo);
        if (status == SiloStatus.None)
        {
            // Not in this silo's view: it left the cluster long ago, or joined a moment ago. Ask for the newest view.
            await _membership.Refresh(default, cancellationToken).ConfigureAwait(false);
            status = _membership.CurrentSnapshot.GetSiloStatus(silo);
            return status is SiloStatus.None or SiloStatus.Dead;
        }

        return status == SiloStatus.Dead;
    }

    /// <summary>
    /// Whether an execution's owner may be gone, cheaply, without asking for a newer membership view: no owner, an
    /// expired lease, or an activation of a silo that is not active. The execution's grain then checks for sure.
    /// </summary>
    public bool MayBeOrphaned(ExecutionRecord record, DateTimeOffset now)
    {
        if (record.Owner is not { } owner || record.LeaseExpiresAt is not { } lease || lease <= now)
        {
            return true;
        }

        if (!TryParseOwner(owner, out var silo))
        {
            return false;
        }

        return silo.Equals(Silo) ? !_liveOwners.ContainsKey(owner) : _membership.CurrentSnapshot.GetSiloStatus(silo) != SiloStatus.Active;
    }

    private static bool TryParseOwner(string owner, out SiloAddress silo)
    {
        silo = null!;
        if (!owner.StartsWith(OwnerPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = owner.IndexOf('/', OwnerPrefix.Length);
        if (slash < 0)
        {
            return false;
        }

        try
        {
            silo = SiloAddress.FromParsableString(owner[OwnerPrefix.Length..slash]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
