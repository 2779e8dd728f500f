using System;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Flux.Orleans;

/// <summary>
/// A task worker: one activation per slot, placed so that the slots spread evenly over the silos (see
/// <see cref="WorkerSlotPlacement"/>).
/// It is reentrant (it holds no state): how many bodies run at once is the silo's <see cref="SiloTaskLimiter"/>'s to
/// decide, over all the slots that live on the silo.
/// </summary>
[Reentrant]
[WorkerSlotPlacement]
internal sealed class TaskWorkerGrain : Grain, ITaskWorkerGrain
{
    private readonly SiloTaskLimiter _limiter;
    private readonly TaskBodyRunner _runner;
    private readonly string _silo;

    public TaskWorkerGrain(SiloTaskLimiter limiter, TaskBodyRunner runner, ILocalSiloDetails silo)
    {
        _limiter = limiter;
        _runner = runner;
        _silo = silo.SiloAddress.ToString();
    }

    /// <inheritdoc/>
    public async Task<TaskCallOutcome> RunAsync(TaskCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stopping = _limiter.Stopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await _limiter.EnterAsync(either.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return Abandon(TaskCallOutcome.Abandoned(_silo));
        }
        catch (OperationCanceledException)
        {
            return TaskCallOutcome.Cancelled(_silo);
        }

        try
        {
            // Off the activation's scheduler: bodies use the thread pool as they do in one process, and a body that
            // computes does not hold up the other calls this activation interleaves.
            var token = either.Token;
            var outcome = await Task.Run(() => _runner.RunAsync(request, _silo, cancellationToken, stopping, token), CancellationToken.None);
            return outcome.Kind == TaskCallOutcomeKind.Abandoned ? Abandon(outcome) : outcome;
        }
        finally
        {
            _limiter.Exit();
        }
    }

    private TaskCallOutcome Abandon(TaskCallOutcome abandoned)
    {
        // Leave the stopping silo: the slot's next call places it again on a live one.
        DeactivateOnIdle();
        return abandoned;
    }
}
