using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Flux;

/// <summary>
/// Takes over the executions nobody runs any more. When the host starts (before <c>StartAsync</c> returns) it resumes
/// the executions left Running whose owner is gone (a crash: the owner process on this machine is dead, or its lease
/// expired), except those that sleep (<c>Workflow.Sleep</c>) until later: they stay in the store, using no memory,
/// until their timer is due. Then, every <see cref="FluxOptions.SweepInterval"/> on the host's clock, it resumes the
/// ones whose timer is due or whose owner has gone since. A child workflow's execution is left to its parent, which
/// resumes it. Each execution is resumed without waiting: it goes on in this process.
/// </summary>
internal sealed class FluxHostedService(FluxRuntime runtime) : IHostedService, IAsyncDisposable
{
    private static readonly IReadOnlyList<ExecutionState> s_running = [ExecutionState.Running];

    private readonly CancellationTokenSource _stopping = new();
    private PeriodicTimer? _timer;
    private Task? _loop;
    private int _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = runtime.Options;
        if (options.SweepInterval is { } interval)
        {
            // Made before the first sweep, so that a tick of the clock during it is not missed.
            _timer = new PeriodicTimer(interval, runtime.Clock);
        }

        if (options.RecoverOnStart)
        {
            await SweepAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_timer is not null)
        {
            _loop = LoopAsync(_timer, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped twice, the second time after it disposed this service (WebApplicationFactory stops the
        // host, and so does the application's Run when it returns): the first stop does it all.
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _timer?.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // The executions this host runs get a moment to finish; the others are resumed by the next host that starts.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(runtime.Options.ShutdownWait);
        await runtime.Inner.DisposeAsync().AsTask().WaitAsync(wait.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync()
    {
        _timer?.Dispose();
        _stopping.Dispose();
        return default;
    }

    private async Task LoopAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await SweepAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception error) when (!stopping.IsCancellationRequested)
                {
                    FluxLog.SweepFailed(runtime.Logger, runtime.Options.SweepInterval, error);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    /// <summary>Resumes every Running execution whose owner is gone and that does not sleep until later.</summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var query = new ExecutionQuery { States = s_running, Limit = runtime.Options.SweepBatchSize };
        var known = runtime.Inner.Workflows.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        do
        {
            var page = await runtime.Store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var execution in page.Items)
            {
                var now = runtime.Clock.GetUtcNow();
                if (execution.ParentExecutionId is not null || ExecutionOwner.IsAlive(execution, now) || execution.WakeAt > now)
                {
                    continue;
                }

                if (!known.Contains(execution.WorkflowName))
                {
                    FluxLog.UnknownWorkflow(runtime.Logger, execution.ExecutionId, execution.WorkflowName);
                    continue;
                }

                await ResumeAsync(execution, cancellationToken).ConfigureAwait(false);
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
        while (query.ContinuationToken is not null);
    }

    private async Task ResumeAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var reason = execution.WakeAt is { } wake
            ? $"its timer was due at {wake:O} and its owner {execution.Owner ?? "(none)"} is gone"
            : $"its owner {execution.Owner ?? "(none)"} is gone";
        FluxLog.Resuming(runtime.Logger, execution.ExecutionId, execution.WorkflowName, reason);
        try
        {
            await runtime.Inner.ResumeAsync(execution.ExecutionId, value: null, wait: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionClaimException)
        {
            FluxLog.ClaimedElsewhere(runtime.Logger, execution.ExecutionId);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            FluxLog.ResumeFailed(runtime.Logger, execution.ExecutionId, execution.WorkflowName, error);
        }
    }
}
