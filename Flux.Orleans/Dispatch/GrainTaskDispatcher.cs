using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace Flux.Orleans;

/// <summary>
/// The <see cref="ITaskDispatcher"/> of a cluster: sends each call to a <see cref="ITaskWorkerGrain"/> slot, and sends it
/// again when the silo running it goes away. Works the same on a silo (for the engine inside an execution grain) and on
/// a client.
/// </summary>
/// <remarks>
/// A call is sent again only when it is known not to have finished: the worker handed it back because its silo is
/// stopping, or the grain call failed (the silo died, the connection broke, the reply did not come in time). In the last
/// case the body may still have run to its end on the lost silo: tasks run at least once, and a body that must not
/// repeat its effect uses its call id as an idempotency key.
/// </remarks>
internal sealed partial class GrainTaskDispatcher : ITaskDispatcher
{
    private readonly IGrainFactory _grains;
    private readonly FluxOrleansOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GrainTaskDispatcher> _logger;
    private readonly WorkerSlots _slots;

    public GrainTaskDispatcher(IGrainFactory grains, IOptions<FluxOrleansOptions> options, TimeProvider time, ILogger<GrainTaskDispatcher> logger)
    {
        _grains = grains;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _slots = new WorkerSlots(_options.WorkerSlots);
    }

    /// <inheritdoc/>
    public async ValueTask<ReadOnlyMemory<byte>> RunAsync(
        string taskName, ReadOnlyMemory<byte> argumentsJson, string callId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(callId);
        var request = new TaskCallRequest(taskName, argumentsJson, callId);
        var delay = _options.RedispatchDelay;
        Exception? lastLoss = null;
        for (var attempt = 1; attempt <= _options.MaxDispatchAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attempt > 1)
            {
                // Give the cluster time to notice that a silo is going or gone, so the call lands elsewhere.
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRedispatchDelay.Ticks));
            }

            var (outcome, lost) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                lastLoss = lost;
                LogCallLost(taskName, callId, attempt, lost!);
                continue;
            }

            switch (outcome.Kind)
            {
                case TaskCallOutcomeKind.Completed:
                    return outcome.ResultJson;
                case TaskCallOutcomeKind.Failed:
                    throw new TaskBodyFailedException(taskName, callId, outcome.Silo, outcome.Failure!);
                case TaskCallOutcomeKind.Cancelled:
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new OperationCanceledException($"Task '{taskName}' (call {callId}) was cancelled on silo {outcome.Silo}.");
                case TaskCallOutcomeKind.Abandoned:
                    // The silo is stopping and said so: the body did not finish, so the call goes elsewhere.
                    lastLoss = new TaskDispatchException(taskName, callId, outcome.Message ?? $"Silo {outcome.Silo} is stopping.");
                    LogCallHandedBack(taskName, callId, outcome.Silo);
                    continue;
                default:
                    throw new TaskDispatchException(taskName, callId, outcome.Message ?? $"Silo {outcome.Silo} refused task '{taskName}' (call {callId}).");
            }
        }

        throw new TaskDispatchException(
            taskName,
            callId,
            $"Task '{taskName}' (call {callId}) could not be run on the cluster: it was sent {_options.MaxDispatchAttempts} times and " +
            "each time the silo running it went away. Check that the cluster has live silos that host Flux's task workers, " +
            "or raise FluxOrleansOptions.MaxDispatchAttempts.",
            lastLoss);
    }

    private async Task<(TaskCallOutcome? Outcome, Exception? Lost)> SendAsync(TaskCallRequest request, CancellationToken cancellationToken)
    {
        var slot = _slots.Take();
        try
        {
            var outcome = await _grains.GetGrain<ITaskWorkerGrain>(slot).RunAsync(request, cancellationToken).ConfigureAwait(false);
            return (outcome, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            // The worker answers every outcome of the body as data, so an exception here means the call itself was lost.
            return (null, error);
        }
        finally
        {
            _slots.Return(slot);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Task '{TaskName}' (call {CallId}) was lost on attempt {Attempt}; sending it again")]
    private partial void LogCallLost(string taskName, string callId, int attempt, Exception error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Task '{TaskName}' (call {CallId}) was handed back by stopping silo {Silo}; sending it again")]
    private partial void LogCallHandedBack(string taskName, string callId, string silo);
}
