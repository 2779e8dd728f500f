using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// Runs one task call: assigns its id, records its events, runs the body under the task's options and
/// turns a failure into a <see cref="TaskFailedException"/> that names the task.
/// </summary>
internal static class TaskInvoker
{
    /// <param name="handle">The task.</param>
    /// <param name="arguments">The call's arguments.</param>
    /// <param name="context">The running execution, or null outside a workflow.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="recordEvents">False for the items of a streaming map, which are not logged one by one.</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<TResult> InvokeAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        ExecutionContext? context,
        CancellationToken cancellationToken,
        bool recordEvents = true)
    {
        var log = recordEvents ? context : null;
        var hash = handle.HashOf(arguments);
        var id = log is null
            ? new TaskCallId(handle.Name, hash, 0)
            : log.BeginTaskCall(handle.Name, hash, arguments);

        try
        {
            var result = await handle.RunBodyAsync(arguments, cancellationToken).ConfigureAwait(false);
            log?.Record(ExecutionEventType.TaskCompleted, id, result);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log?.Record(ExecutionEventType.TaskCancelled, id);
            throw;
        }
        catch (Exception error)
        {
            var failure = error as FluxException
                ?? new TaskFailedException(handle.Name, id.ToString(), context?.WorkflowName, context?.ExecutionId, 1, error);
            log?.Record(ExecutionEventType.TaskFailed, id, failure);
            throw failure;
        }
    }
}
