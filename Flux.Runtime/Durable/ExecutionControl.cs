namespace Flux;

/// <summary>Cancelling a durable execution wherever it is: running here, paused, or running in another process.</summary>
internal static class ExecutionControl
{
    public static async Task<bool> CancelAsync(IExecutionStore store, string executionId, RunOptions options, CancellationToken cancellationToken)
    {
        if (LiveExecutions.Find(store, executionId) is { } live)
        {
            // Running in this process: cancel its root token; its calls are cancelled, their rollbacks run, and it ends Cancelled.
            live.RequestCancel();
            return true;
        }

        var clock = options.Clock;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var record = await store.GetAsync(executionId, cancellationToken).ConfigureAwait(false);
            if (record is null || StoreRules.IsFinished(record.State))
            {
                return false;
            }

            var now = clock.GetUtcNow();
            if (record.State == ExecutionState.Running && ExecutionOwner.IsAlive(record, now))
            {
                // Running elsewhere: its owner sees the request at its next lease renewal.
                return await store.RequestCancelAsync(executionId, now, cancellationToken).ConfigureAwait(false);
            }

            // Paused, or left running by an owner that is gone: claim it and record it cancelled.
            var owner = options.EffectiveOwner;
            if (await store.TryClaimAsync(executionId, record.Version, owner, now + options.EffectiveLease, cancellationToken).ConfigureAwait(false) is not { } claimed)
            {
                continue;
            }

            await store.AppendAsync(
                executionId,
                [new StoredEvent(claimed.LastSequence + 1, ExecutionEventType.WorkflowCancelled, now, null, record.WorkflowName, null)],
                new ExecutionUpdate { State = ExecutionState.Cancelled, UpdatedAt = now, FinishedAt = now },
                cancellationToken).ConfigureAwait(false);
            await store.ReleaseClaimAsync(executionId, owner, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // Claimed by someone else each time we tried: ask whoever runs it.
        return await store.RequestCancelAsync(executionId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
