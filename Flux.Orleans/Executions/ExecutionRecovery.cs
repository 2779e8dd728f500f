using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Flux.Orleans;

/// <summary>
/// Finds the executions that a silo left behind and has their grains resume them. A grain activates only when called,
/// so an execution whose silo went away waits for someone to call it: this sweep does, when membership reports a silo
/// stopping or dead, when the silo starts (a whole cluster restarted), and every
/// <see cref="FluxOrleansOptions.RecoveryInterval"/> (a claim that expired while nobody looked).
/// </summary>
/// <remarks>
/// One silo sweeps at a time: the active silo with the lowest address. A sweep reads the running executions from the
/// store and calls <see cref="IFluxExecutionGrain.RecoverAsync"/> on those whose owner may be gone; the grain decides
/// for sure. Child executions are left to their parent, which resumes them.
/// </remarks>
internal sealed partial class ExecutionRecovery : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SiloExecutions _silo;
    private readonly IClusterMembershipService _membership;
    private readonly IGrainFactory _grains;
    private readonly FluxOrleansOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ExecutionRecovery> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _sweeping = new(1, 1);
    private Task? _membershipLoop;
    private Task? _timerLoop;

    public ExecutionRecovery(
        SiloExecutions silo, IClusterMembershipService membership, IGrainFactory grains, IOptions<FluxOrleansOptions> options, TimeProvider time,
        ILogger<ExecutionRecovery> logger)
    {
        _silo = silo;
        _membership = membership;
        _grains = grains;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            nameof(ExecutionRecovery),
            ServiceLifecycleStage.Active,
            _ =>
            {
                _membershipLoop = Task.Run(() => FollowMembershipAsync(_stopping.Token));
                _timerLoop = Task.Run(() => SweepPeriodicallyAsync(_stopping.Token));
                return Task.CompletedTask;
            },
            async _ =>
            {
                await _stopping.CancelAsync().ConfigureAwait(false);
                foreach (var loop in new[] { _membershipLoop, _timerLoop })
                {
                    if (loop is not null)
                    {
                        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
            });

    /// <summary>Looks for executions left behind now, if this silo is the one that sweeps.</summary>
    /// <returns>How many executions were asked to recover.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (!IsSweeper())
        {
            return 0;
        }

        await _sweeping.WaitAsync(cancellationToken).ConfigureAwait(false);
        var asked = 0;
        try
        {
            var query = new ExecutionQuery { States = [ExecutionState.Running], Limit = 1000 };
            var recoveries = new List<Task>();
            while (true)
            {
                var page = await _silo.Store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                foreach (var record in page.Items)
                {
                    if (record.ParentExecutionId is null && _silo.MayBeOrphaned(record, now))
                    {
                        asked++;
                        recoveries.Add(RecoverAsync(record.ExecutionId));
                    }
                }

                if (page.ContinuationToken is null)
                {
                    break;
                }

                query = query with { ContinuationToken = page.ContinuationToken };
            }

            await Task.WhenAll(recoveries).ConfigureAwait(false);
        }
        finally
        {
            _sweeping.Release();
        }

        return asked;
    }

    private async Task RecoverAsync(string executionId)
    {
        try
        {
            await _grains.GetGrain<IFluxExecutionGrain>(executionId).RecoverAsync(wait: false).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The next sweep tries again.
            LogRecoveryFailed(executionId, error);
        }
    }

    private bool IsSweeper()
    {
        SiloAddress? lowest = null;
        foreach (var (address, member) in _membership.CurrentSnapshot.Members)
        {
            if (member.Status == SiloStatus.Active && (lowest is null || string.CompareOrdinal(address.ToParsableString(), lowest.ToParsableString()) < 0))
            {
                lowest = address;
            }
        }

        return lowest is null || lowest.Equals(_silo.Silo);
    }

    private async Task FollowMembershipAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepSafelyAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var snapshot in _membership.MembershipUpdates.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var member in snapshot.Members.Values)
                {
                    if (member.Status is SiloStatus.ShuttingDown or SiloStatus.Stopping or SiloStatus.Dead)
                    {
                        await SweepSafelyAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepPeriodicallyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_options.RecoveryInterval, _time);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await SweepSafelyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store is unreachable or the cluster is changing: the next sweep tries again.
            LogSweepFailed(error);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Dispose();
        _sweeping.Dispose();
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Execution {ExecutionId} could not be asked to recover; the next sweep tries again")]
    private partial void LogRecoveryFailed(string executionId, Exception error);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "The sweep for executions left behind failed; the next one tries again")]
    private partial void LogSweepFailed(Exception error);
}
