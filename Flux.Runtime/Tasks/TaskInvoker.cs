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
/// if the body was entered, then the cancellation is rethrown. A call whose token is cancelled before its body
/// starts records TaskStarted and TaskCancelled, and runs nothing.</item>
/// <item>A rollback runs only for a call whose body was entered, on a token of its own that is cancelled after
/// <see cref="RollbackLimit"/> of the execution's clock (so the cancellation of the batch around a failed call does
/// not stop its compensation); a rollback that overruns is abandoned and recorded as failed.</item>
/// </list>
/// <para>
/// Each call is a <see cref="CallScope"/>: the ambient scope while its body, fallback and rollback run, so that the
/// calls they make are its children, on the token of the current attempt. When an attempt times out, its token is
/// cancelled and the call waits for those children to stop before it retries.
/// </para>
/// </remarks>
internal static class TaskInvoker
{
    /// <summary>How long a rollback may run before it is abandoned (as in Python flux, for a cancelled call).</summary>
    internal static readonly TimeSpan RollbackLimit = TimeSpan.FromSeconds(10);

    /// <summary>Starts a call: gives it its id and its TaskStarted event now, in the caller's order, then runs it.</summary>
    /// <param name="handle">The task.</param>
    /// <param name="arguments">The call's arguments.</param>
    /// <param name="scope">The scope the call is made in (the ambient scope, or a batch or graph for a slot); null outside any.</param>
    /// <param name="slot">The call's slot in <paramref name="scope"/>; -1 for none.</param>
    /// <param name="cancellationToken">The call's token: the scope's, or one linked to it.</param>
    /// <param name="linked">The source of a token linked for this call only, disposed when the call ends.</param>
    public static ValueTask<TResult> InvokeAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        Scope? scope,
        int slot,
        CancellationToken cancellationToken,
        CancellationTokenSource? linked)
    {
        var call = new CallScope(scope, slot, handle.Name, handle.HashOf(arguments), cancellationToken);
        var key = new ScopeKey(ScopeKind.Call, handle.Name, handle.NameHash, call.Fingerprint);
        if (call.Execution is { } execution)
        {
            execution.BeginCall(call, key, arguments);
        }
        else if (scope is not null && slot < 0)
        {
            lock (scope.Gate)
            {
                call.Count(key);
            }
        }

        call.Owner?.ChildStarted();
        return handle.Options.HasPolicy || handle.DeclaresFallback || handle.DeclaresRollback
            ? InvokeWithOptionsAsync(handle, arguments, call, linked)
            : InvokePlainAsync(handle, arguments, call, linked);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> InvokePlainAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call, CancellationTokenSource? linked)
    {
        // The body's calls are this call's children (the change of the ambient scope stays inside this method).
        Scope.Current = call;
        var token = call.Token;
        var log = call.Log;
        try
        {
            token.ThrowIfCancellationRequested();
            var result = await handle.RunBodyAsync(arguments, token).ConfigureAwait(false);
            log?.Record(ExecutionEventType.TaskCompleted, call, result);
            return result;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            log?.Record(ExecutionEventType.TaskCancelled, call);
            throw;
        }
        catch (Exception error)
        {
            throw Fail(handle, call, error, attempts: 1);
        }
        finally
        {
            End(call, linked);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> InvokeWithOptionsAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call, CancellationTokenSource? linked)
    {
        Scope.Current = call;
        var token = call.Token;
        var log = call.Log;
        var time = call.Execution?.TimeProvider ?? TimeProvider.System;
        try
        {
            token.ThrowIfCancellationRequested();
            var cache = handle.Options.Cache ? call.Execution?.Cache ?? RunOptions.Default.EffectiveCache : null;
            if (cache is not null && cache.TryGet(handle, call.Fingerprint, arguments, out var cached))
            {
                log?.Record(ExecutionEventType.TaskCompleted, call, cached);
                return cached;
            }

            TResult result;
            try
            {
                result = await RunAttemptAsync(handle, arguments, call, token, time, 0).ConfigureAwait(false);
            }
            catch (Exception error) when (!IsCancellation(error, token))
            {
                return await RecoverAsync(handle, arguments, call, token, time, cache, error).ConfigureAwait(false);
            }

            cache?.Set(handle, call.Fingerprint, arguments, result);
            log?.Record(ExecutionEventType.TaskCompleted, call, result);
            return result;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            log?.Record(ExecutionEventType.TaskCancelled, call);
            if (handle.DeclaresRollback && call.BodyEntered)
            {
                // The call's token is cancelled: the rollback runs on a token of its own. Nothing here throws.
                await RollbackAsync(handle, arguments, call, time, afterCancellation: true).ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            End(call, linked);
        }
    }

    /// <summary>After a failed first attempt: the retries, then the fallback, then the rollback and the final failure.</summary>
    private static async ValueTask<TResult> RecoverAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        CallScope call,
        CancellationToken token,
        TimeProvider time,
        TaskCache? cache,
        Exception error)
    {
        var options = handle.Options;
        var log = call.Log;
        var retries = options.Retries;
        var attempt = 0;
        while (true)
        {
            if (error is TaskTimeoutException timedOut)
            {
                log?.Record(ExecutionEventType.TaskTimedOut, call, timedOut.Timeout);
            }

            if (attempt == retries)
            {
                break;
            }

            var wait = RetryPolicy.WaitBefore(options, attempt + 1);
            log?.Record(ExecutionEventType.TaskRetryFailed, call, new RetryInfo(attempt, retries, wait, error));
            attempt++;
            if (wait > TimeSpan.Zero)
            {
                // On the execution's clock and the call's token: a cancelled batch or workflow stops the wait at once.
                await Task.Delay(wait, time, token).ConfigureAwait(false);
            }

            token.ThrowIfCancellationRequested();
            log?.Record(ExecutionEventType.TaskRetryStarted, call, new RetryInfo(attempt, retries, wait));
            try
            {
                var result = await RunAttemptAsync(handle, arguments, call, token, time, attempt).ConfigureAwait(false);
                log?.Record(ExecutionEventType.TaskRetryCompleted, call, new RetryInfo(attempt, retries, wait));
                cache?.Set(handle, call.Fingerprint, arguments, result);
                log?.Record(ExecutionEventType.TaskCompleted, call, result);
                return result;
            }
            catch (Exception next) when (!IsCancellation(next, token))
            {
                error = next;
            }
        }

        Exception? fallbackError = null;
        if (handle.DeclaresFallback)
        {
            log?.Record(ExecutionEventType.TaskFallbackStarted, call, arguments);
            try
            {
                call.Token = token;
                var value = await handle.RunFallbackAsync(arguments, token).ConfigureAwait(false);

                // A fallback's result is not cached: the next call should try the body again.
                log?.Record(ExecutionEventType.TaskFallbackCompleted, call, value);
                log?.Record(ExecutionEventType.TaskCompleted, call, value);
                return value;
            }
            catch (Exception failed) when (!IsCancellation(failed, token))
            {
                fallbackError = failed;
                log?.Record(ExecutionEventType.TaskFallbackFailed, call, failed);
            }
        }

        var rollbackError = handle.DeclaresRollback && call.BodyEntered
            ? await RollbackAsync(handle, arguments, call, time, afterCancellation: false).ConfigureAwait(false)
            : null;
        throw Fail(handle, call, error, attempt + 1, fallbackError, rollbackError);
    }

    /// <summary>
    /// The failure a call throws, recorded as TaskFailed. A nested task's failure (or another Flux exception) that the
    /// body let through is not wrapped again, unless there is a fallback or rollback failure to attach to it; it keeps
    /// its stack trace, and so does the failure of this call as it travels on (see <see cref="ExceptionDispatchInfo"/>).
    /// </summary>
    private static Exception Fail<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, CallScope call, Exception error, int attempts, Exception? fallbackError = null, Exception? rollbackError = null)
    {
        var failure = error is FluxException && fallbackError is null && rollbackError is null
            ? error
            : new TaskFailedException(
                handle.Name, call.Id.ToString(), call.Execution?.WorkflowName, call.Execution?.ExecutionId, attempts, error, fallbackError, rollbackError);
        call.Log?.Record(ExecutionEventType.TaskFailed, call, failure);
        ExceptionDispatchInfo.Throw(failure);
        return failure; // not reached: ExceptionDispatchInfo.Throw throws
    }

    /// <summary>Runs one attempt on the call's token, or on a token of its own under the task's timeout.</summary>
    private static ValueTask<TResult> RunAttemptAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call, CancellationToken token, TimeProvider time, int attempt)
    {
        if (handle.Options.Timeout is { } limit)
        {
            return RunWithTimeoutAsync(handle, arguments, call, token, limit, time, attempt);
        }

        call.Token = token;
        call.EnteringBody();
        return handle.RunBodyAsync(arguments, token);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> RunWithTimeoutAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        CallScope call,
        CancellationToken token,
        TimeSpan limit,
        TimeProvider time,
        int attempt)
    {
        // One token source for both the call's token and the limit. On the system clock the source's own timer is the
        // cheapest one there is; another clock (a fake one in tests) gets a timer of its own that cancels it.
        using var attemptSource = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var clockTimer = time == TimeProvider.System
            ? null
            : time.CreateTimer(static source => ((CancellationTokenSource)source!).Cancel(), attemptSource, limit, Timeout.InfiniteTimeSpan);
        if (clockTimer is null)
        {
            attemptSource.CancelAfter(limit);
        }

        // The calls the body makes run on the attempt's token: the limit reaches them too.
        call.Token = attemptSource.Token;
        try
        {
            call.EnteringBody();
            var running = handle.RunBodyAsync(arguments, attemptSource.Token);
            if (running.IsCompleted)
            {
                return await running.ConfigureAwait(false);
            }

            // Wait for the body or the token, whichever comes first: a body that ignores its token (a synchronous body
            // on the thread pool, say) is abandoned rather than waited for.
            var task = running.AsTask();
            try
            {
                return await task.WaitAsync(attemptSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!task.IsCompleted)
            {
                Abandon(task);
                throw;
            }
        }
        catch (OperationCanceledException) when (attemptSource.IsCancellationRequested && !token.IsCancellationRequested)
        {
            // Timed out: the calls the attempt made were cancelled with it; they stop before the next attempt starts.
        }
        finally
        {
            call.Token = token;
        }

        await call.WaitForChildrenAsync().ConfigureAwait(false);
        throw new TaskTimeoutException(handle.Name, limit, attempt + 1, handle.Options.Retries + 1);
    }

    /// <summary>
    /// The rollback of a call whose body was entered, when the call finally failed or was cancelled. It runs on a token of
    /// its own, cancelled after <see cref="RollbackLimit"/> of the execution's clock, so the cancellation that may have
    /// reached the call (its batch, its workflow) does not stop the compensation; a rollback that overruns is abandoned
    /// and recorded as failed. Returns the rollback's exception, or null; never throws.
    /// </summary>
    private static async ValueTask<Exception?> RollbackAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call, TimeProvider time, bool afterCancellation)
    {
        var log = call.Log;
        log?.Record(ExecutionEventType.TaskRollbackStarted, call, arguments);
        using var limit = new CancellationTokenSource(RollbackLimit, time);
        call.Token = limit.Token;
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

            log?.Record(ExecutionEventType.TaskRollbackCompleted, call);
            return null;
        }
        catch (Exception error)
        {
            var reported = limit.IsCancellationRequested
                ? new TimeoutException(
                    $"The rollback of task '{handle.Name}' did not finish within {RollbackLimit} after the call {(afterCancellation ? "was cancelled" : "failed")}; it was abandoned.",
                    error)
                : error;
            log?.Record(ExecutionEventType.TaskRollbackFailed, call, reported);
            return reported;
        }
    }

    /// <summary>The call has ended: the execution and the enclosing call stop counting it as running.</summary>
    private static void End(CallScope call, CancellationTokenSource? linked)
    {
        call.Owner?.ChildEnded();
        call.Execution?.CallEnded();
        linked?.Dispose();
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
