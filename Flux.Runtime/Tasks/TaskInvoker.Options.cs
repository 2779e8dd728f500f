using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>The path of a call whose task has options (retries, a timeout, a cache, a fallback or a rollback).</summary>
internal static partial class TaskInvoker
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> InvokeWithOptionsAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call, CancellationTokenSource? linked)
    {
        Scope.Current = call;
        var execution = call.Execution;
        ExecutionTelemetry.Enter(execution, call);
        var token = call.Token;
        var log = call.Log;
        var time = execution?.TimeProvider ?? TimeProvider.System;
        try
        {
            token.ThrowIfCancellationRequested();
            var cache = handle.Options.Cache ? execution?.Cache ?? RunOptions.Default.EffectiveCache : null;
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
            catch (Exception error) when (!IsCancellation(error, token) && error is not PauseRequestedException)
            {
                return await RecoverAsync(handle, arguments, call, token, time, cache, error).ConfigureAwait(false);
            }

            cache?.Set(handle, call.Fingerprint, arguments, result);
            log?.Record(ExecutionEventType.TaskCompleted, call, result);
            return result;
        }
        catch (PauseRequestedException pause)
        {
            // The workflow is pausing inside this call's body: no retry, fallback or rollback; it runs again on resume.
            log?.Record(ExecutionEventType.TaskPaused, call, pause.PauseName);
            throw;
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
            catch (Exception next) when (!IsCancellation(next, token) && next is not PauseRequestedException)
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
            catch (Exception failed) when (!IsCancellation(failed, token) && failed is not PauseRequestedException)
            {
                fallbackError = failed;
                log?.Record(ExecutionEventType.TaskFallbackFailed, call, failed);
            }
        }

        var rollbackError = handle.DeclaresRollback && call.BodyEntered
            ? await RollbackAsync(handle, arguments, call, time, afterCancellation: false).ConfigureAwait(false)
            : null;
        throw Fail(call, error, attempt + 1, fallbackError, rollbackError);
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
        return Attempt(handle, arguments, call, token);
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
            var running = Attempt(handle, arguments, call, attemptSource.Token);
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
}
