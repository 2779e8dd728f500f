using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Flux.Orleans;

/// <summary>
/// How an execution changes hands between activations: a run abandoned when its silo stops (or its activation goes
/// away), and a claim taken over from an owner known to be gone. Children move with their parent.
/// </summary>
internal sealed partial class FluxExecutionGrain
{
    /// <summary>
    /// A claim that names an owner known to be gone is given up for it, so that this activation can claim the execution at
    /// once, and so are the claims of its unfinished child executions (the gone owner ran them too; resuming the parent
    /// resumes them).
    /// </summary>
    private async Task TakeOverFromGoneOwnerAsync(ExecutionRecord record)
    {
        if (record.State == ExecutionState.Running && record.Owner is { } owner && await _silo.IsOwnerGoneAsync(owner, CancellationToken.None))
        {
            await foreach (var child in RunningDescendantsAsync(ExecutionId))
            {
                if (string.Equals(child.Owner, owner, StringComparison.Ordinal))
                {
                    await Store.ReleaseClaimAsync(child.ExecutionId, owner);
                }
            }

            await Store.ReleaseClaimAsync(ExecutionId, owner);
        }
    }

    /// <summary>The running child executions of <paramref name="parent"/>, their children, and so on.</summary>
    private async IAsyncEnumerable<ExecutionRecord> RunningDescendantsAsync(string parent)
    {
        var query = new ExecutionQuery { ParentExecutionId = parent, States = [ExecutionState.Running], Limit = 1000 };
        while (true)
        {
            var page = await Store.QueryAsync(query);
            foreach (var child in page.Items)
            {
                await foreach (var grandchild in RunningDescendantsAsync(child.ExecutionId))
                {
                    yield return grandchild;
                }

                yield return child;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>
    /// Abandons the run: it stops now and writes nothing more, its claims are released, and the execution continues from
    /// its log on the next activation. Its running children first, so that the parent's cancellation does not reach them
    /// as a cancellation to record. Safe to call from any thread, and more than once.
    /// </summary>
    private Task AbandonAsync(ActiveRun run, string reason) => run.Abandoning ??= AbandonCoreAsync(run, reason);

    private async Task AbandonCoreAsync(ActiveRun run, string reason)
    {
        LogAbandoned(ExecutionId, _owner, reason);
        var children = new List<string>();
        try
        {
            await foreach (var child in RunningDescendantsAsync(ExecutionId))
            {
                children.Add(child.ExecutionId);
                LiveExecutions.Find(Store, child.ExecutionId)?.ClaimLost(Abandoned(child.ExecutionId, reason));
            }
        }
        catch (Exception error)
        {
            LogReleaseFailed(ExecutionId, error);
        }

        run.Context.ClaimLost(Abandoned(ExecutionId, reason));
        await run.Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        try
        {
            foreach (var child in children)
            {
                await Store.ReleaseClaimAsync(child, _owner, CancellationToken.None);
            }

            await Store.ReleaseClaimAsync(ExecutionId, _owner, CancellationToken.None);
        }
        catch (Exception error)
        {
            // The store is unreachable: the claim expires with its lease, and membership already tells that this silo is gone.
            LogReleaseFailed(ExecutionId, error);
        }
    }

    private ExecutionClaimException Abandoned(string executionId, string reason) => new(
        executionId,
        _owner,
        null,
        $"Execution '{executionId}' left silo {_silo.Silo} ({reason}): this run stopped without writing more, and the " +
        "execution resumes from its log on another activation.");
}
