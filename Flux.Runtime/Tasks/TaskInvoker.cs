using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Flux;

/// <summary>
/// Runs one task call: assigns its id, records its events, runs the body under the task's options and
/// turns a failure into a <see cref="TaskFailedException"/> that names the task.
/// </summary>
/// <remarks>
/// <para>
/// A task whose options change nothing (no retries, timeout or cache) and that declares no fallback or rollback
/// takes the plain path: one body run, no timers, nothing allocated beyond the call's own state. Otherwise the
/// call runs its first attempt just as cheaply (a timer only when a timeout is set) and moves to the recovery
/// path only when that attempt fails. The rules (see <c>docs/task-options.md</c>):
/// </para>
/// <list type="number">
/// <item>Cache: a hit returns the cached result (events: TaskStarted, TaskCompleted) without running the body.</item>
/// <item>Retries: after a failed attempt that is not the last, TaskRetryFailed (with the wait before the next attempt),
/// the wait on the execution's clock, TaskRetryStarted, the attempt; a retry that succeeds records TaskRetryCompleted.</item>
/// <item>Timeout: each attempt gets its own limit; when it passes, the attempt's token is cancelled, a body that does
/// not stop is abandoned, TaskTimedOut is recorded and the attempt fails with <see cref="TaskTimeoutException"/>.</item>
/// <item>Once every attempt failed: the fallback, whose result becomes the call's result; if there is none or it
/// fails, the rollback; then TaskFailed and a <see cref="TaskFailedException"/> whose inner exception is the last attempt's.</item>
/// <item>Cancellation of the call (its token) is never retried and never falls back: TaskCancelled, the rollback
/// (bounded by <see cref="CancelledRollbackLimit"/>), then the cancellation is rethrown.</item>
/// </list>
/// </remarks>
internal static class TaskInvoker
{
    /// <summary>How long a rollback may run after its call was cancelled before it is abandoned (as in Python flux).</summary>
    internal static readonly TimeSpan CancelledRollbackLimit = TimeSpan.FromSeconds(10);

    /// <param name="handle">The task.</param>
    /// <param name="arguments">The call's arguments.</param>
    /// <param name="context">The running execution, or null outside a workflow.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="recordEvents">False for the items of a streaming map, which are not logged one by one.</param>
    public static ValueTask<TResult> InvokeAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        ExecutionContext? context,
        CancellationToken cancellationToken,
        bool recordEvents = true) =>
        handle.Options.HasPolicy || handle.DeclaresFallback || handle.DeclaresRollback
            ? InvokeWithOptionsAsync(handle, arguments, context, cancellationToken, recordEvents)
            : InvokePlainAsync(handle, arguments, context, cancellationToken, recordEvents);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> InvokePlainAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        ExecutionContext? context,
        CancellationToken cancellationToken,
        bool recordEvents)
    {
        var log = recordEvents ? context : null;

        // An unlogged call (outside a workflow, or an item of a streaming map) needs its id only to name it in an
        // exception, so its arguments are hashed only then.
        var id = log is null ? default : Begin(handle, arguments, log, handle.HashOf(arguments));

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
            var callId = log is null ? Begin(handle, arguments, log: null, handle.HashOf(arguments)) : id;
            var failure = error as FluxException
                ?? new TaskFailedException(handle.Name, callId.ToString(), context?.WorkflowName, context?.ExecutionId, 1, error);
            log?.Record(ExecutionEventType.TaskFailed, id, failure);
            throw failure;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> InvokeWithOptionsAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        ExecutionContext? context,
        CancellationToken cancellationToken,
        bool recordEvents)
    {
        var options = handle.Options;
        var log = recordEvents ? context : null;
        var hash = handle.HashOf(arguments);
        var id = Begin(handle, arguments, log, hash);

        if (options.Cache && TaskCache.TryGet<TResult>(handle.Name, hash, out var cached))
        {
            log?.Record(ExecutionEventType.TaskCompleted, id, cached);
            return cached;
        }

        var time = context?.TimeProvider ?? TimeProvider.System;
        try
        {
            TResult result;
            try
            {
                result = await RunAttemptAsync(handle, arguments, options, time, 0, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!IsCancellation(error, cancellationToken))
            {
                return await RecoverAsync(handle, arguments, context, log, id, time, error, cancellationToken).ConfigureAwait(false);
            }

            if (options.Cache)
            {
                TaskCache.Set(handle.Name, hash, result);
            }

            log?.Record(ExecutionEventType.TaskCompleted, id, result);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log?.Record(ExecutionEventType.TaskCancelled, id);
            if (handle.DeclaresRollback)
            {
                await RollbackAfterCancellationAsync(handle, arguments, log, id, time).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// The call's id. A logged call gets its occurrence and its TaskStarted event here, in one step, so ids follow start
    /// order; an unlogged call gets occurrence 0, which only names it in an exception.
    /// </summary>
    private static TaskCallId Begin<TArguments, TResult>(TaskHandle<TArguments, TResult> handle, TArguments arguments, ExecutionContext? log, ulong hash) =>
        log is null
            ? new TaskCallId(handle.Name, hash, 0)
            : log.BeginTaskCall(handle.Name, handle.NameHash, hash, arguments);

    /// <summary>After a failed first attempt: the retries, then the fallback, then the rollback and the final failure.</summary>
    private static async ValueTask<TResult> RecoverAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        ExecutionContext? context,
        ExecutionContext? log,
        TaskCallId id,
        TimeProvider time,
        Exception error,
        CancellationToken cancellationToken)
    {
        var options = handle.Options;
        var retries = options.Retries;
        var attempt = 0;
        while (true)
        {
            if (error is TaskTimeoutException timedOut)
            {
                log?.Record(ExecutionEventType.TaskTimedOut, id, timedOut.Timeout);
            }

            if (attempt == retries)
            {
                break;
            }

            var wait = RetryPolicy.WaitBefore(options, attempt + 1);
            log?.Record(ExecutionEventType.TaskRetryFailed, id, new RetryInfo(attempt, retries, wait, error));
            attempt++;
            if (wait > TimeSpan.Zero)
            {
                // On the execution's clock and the call's token: a cancelled batch or workflow stops the wait at once.
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            log?.Record(ExecutionEventType.TaskRetryStarted, id, new RetryInfo(attempt, retries, wait));
            try
            {
                var result = await RunAttemptAsync(handle, arguments, options, time, attempt, cancellationToken).ConfigureAwait(false);
                log?.Record(ExecutionEventType.TaskRetryCompleted, id, new RetryInfo(attempt, retries, wait));
                if (options.Cache)
                {
                    TaskCache.Set(handle.Name, id.ArgumentsHash, result);
                }

                log?.Record(ExecutionEventType.TaskCompleted, id, result);
                return result;
            }
            catch (Exception next) when (!IsCancellation(next, cancellationToken))
            {
                error = next;
            }
        }

        Exception? fallbackError = null;
        if (handle.DeclaresFallback)
        {
            log?.Record(ExecutionEventType.TaskFallbackStarted, id, arguments);
            try
            {
                var value = await handle.RunFallbackAsync(arguments, cancellationToken).ConfigureAwait(false);

                // A fallback's result is not cached: the next call should try the body again.
                log?.Record(ExecutionEventType.TaskFallbackCompleted, id, value);
                log?.Record(ExecutionEventType.TaskCompleted, id, value);
                return value;
            }
            catch (Exception failed) when (!IsCancellation(failed, cancellationToken))
            {
                fallbackError = failed;
                log?.Record(ExecutionEventType.TaskFallbackFailed, id, failed);
            }
        }

        Exception? rollbackError = null;
        if (handle.DeclaresRollback)
        {
            rollbackError = await RollbackAsync(handle, arguments, log, id, cancellationToken).ConfigureAwait(false);
        }

        // A nested task's failure (or another Flux exception) that the body let through is not wrapped again, unless
        // there is a fallback or rollback failure to attach to it.
        var failure = error is FluxException && fallbackError is null && rollbackError is null
            ? error
            : new TaskFailedException(handle.Name, id.ToString(), context?.WorkflowName, context?.ExecutionId, attempt + 1, error, fallbackError, rollbackError);
        log?.Record(ExecutionEventType.TaskFailed, id, failure);
        ExceptionDispatchInfo.Throw(failure);
        return default!;
    }

    /// <summary>Runs one attempt: the body, under the task's timeout when it has one.</summary>
    private static ValueTask<TResult> RunAttemptAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, TaskOptions options, TimeProvider time, int attempt, CancellationToken cancellationToken) =>
        options.Timeout is { } limit
            ? RunWithTimeoutAsync(handle, arguments, limit, time, attempt, options.Retries + 1, cancellationToken)
            : handle.RunBodyAsync(arguments, cancellationToken);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> RunWithTimeoutAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        TimeSpan limit,
        TimeProvider time,
        int attempt,
        int maxAttempts,
        CancellationToken cancellationToken)
    {
        // One token source for both the caller's token and the limit. On the system clock the source's own timer is
        // the cheapest one there is; another clock (a fake one in tests) gets a timer of its own that cancels it.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var clockTimer = time == TimeProvider.System
            ? null
            : time.CreateTimer(static source => ((CancellationTokenSource)source!).Cancel(), linked, limit, Timeout.InfiniteTimeSpan);
        if (clockTimer is null)
        {
            linked.CancelAfter(limit);
        }

        try
        {
            var running = handle.RunBodyAsync(arguments, linked.Token);
            if (running.IsCompleted)
            {
                return await running.ConfigureAwait(false);
            }

            // Wait for the body or the token, whichever comes first: a body that ignores its token (a synchronous body
            // on the thread pool, say) is abandoned rather than waited for.
            var task = running.AsTask();
            try
            {
                return await task.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!task.IsCompleted)
            {
                Abandon(task);
                throw;
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskTimeoutException(handle.Name, limit, attempt + 1, maxAttempts);
        }
    }

    /// <summary>The rollback of a call that finally failed; returns its exception, or null when it succeeded.</summary>
    private static async ValueTask<Exception?> RollbackAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, ExecutionContext? log, TaskCallId id, CancellationToken cancellationToken)
    {
        log?.Record(ExecutionEventType.TaskRollbackStarted, id, arguments);
        try
        {
            await handle.RunRollbackAsync(arguments, cancellationToken).ConfigureAwait(false);
            log?.Record(ExecutionEventType.TaskRollbackCompleted, id);
            return null;
        }
        catch (Exception error)
        {
            log?.Record(ExecutionEventType.TaskRollbackFailed, id, error);
            return error;
        }
    }

    /// <summary>
    /// The rollback of a call that was cancelled. The call's token is already cancelled, so the rollback gets a token of
    /// its own that is cancelled after <see cref="CancelledRollbackLimit"/>; a rollback that overruns is abandoned and
    /// recorded as failed. Nothing here throws: the caller rethrows the cancellation.
    /// </summary>
    private static async ValueTask RollbackAfterCancellationAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, ExecutionContext? log, TaskCallId id, TimeProvider time)
    {
        log?.Record(ExecutionEventType.TaskRollbackStarted, id, arguments);
        using var limit = new CancellationTokenSource(CancelledRollbackLimit, time);
        try
        {
            var running = handle.RunRollbackAsync(arguments, limit.Token);
            if (running.IsCompleted)
            {
                await running.ConfigureAwait(false);
            }
            else
            {
                var task = running.AsTask();
                try
                {
                    await task.WaitAsync(limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!task.IsCompleted)
                {
                    Abandon(task);
                    throw;
                }
            }

            log?.Record(ExecutionEventType.TaskRollbackCompleted, id);
        }
        catch (Exception error)
        {
            var reported = limit.IsCancellationRequested
                ? new TimeoutException(
                    $"The rollback of task '{handle.Name}' did not finish within {CancelledRollbackLimit} after the call was cancelled; it was abandoned.", error)
                : error;
            log?.Record(ExecutionEventType.TaskRollbackFailed, id, reported);
        }
    }

    private static bool IsCancellation(Exception error, CancellationToken cancellationToken) =>
        error is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>Lets an abandoned body run to its end, observing its exception so that it is not reported as unobserved.</summary>
    private static void Abandon(Task task) =>
        task.ContinueWith(
            static t => _ = t.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
