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
internal static partial class TaskInvoker
{
    /// <summary>How long a rollback may run before it is abandoned (as in Python flux, for a cancelled call).</summary>
    internal static readonly TimeSpan RollbackLimit = TimeSpan.FromSeconds(10);

    /// <summary>Starts a call and returns a task of its result (see <see cref="Start"/>).</summary>
    public static ValueTask<TResult> InvokeAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        Scope? scope,
        int slot,
        CancellationToken cancellationToken,
        CancellationTokenSource? linked) =>
        Start(handle, arguments, scope, slot, cancellationToken, linked).AsValueTask();

    /// <summary>
    /// Starts a call: gives it its id and its TaskStarted event now, in the caller's order, and starts its body. A task
    /// with options runs in <see cref="InvokeWithOptionsAsync"/>; a plain task's body is started here, under the call's
    /// scope, and what follows it (its last event, the failure that names the task) runs where its result is taken
    /// (<see cref="Finish"/>): no extra asynchronous step between a body and whoever awaits it.
    /// </summary>
    /// <param name="handle">The task.</param>
    /// <param name="arguments">The call's arguments.</param>
    /// <param name="scope">The scope the call is made in (the ambient scope, or a batch or graph for a slot); null outside any.</param>
    /// <param name="slot">The call's slot in <paramref name="scope"/>; -1 for none.</param>
    /// <param name="cancellationToken">The call's token: the scope's, or one linked to it.</param>
    /// <param name="linked">The source of a token linked for this call only, disposed when the call ends.</param>
    /// <param name="ambient">
    /// A call scope of this task in <paramref name="scope"/> that is already the ambient scope and that the call may take
    /// over (a Map worker's, see <see cref="CallScope.Reuse"/>); null to make a new one.
    /// </param>
    public static StartedCall<TResult> Start<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        Scope? scope,
        int slot,
        CancellationToken cancellationToken,
        CancellationTokenSource? linked,
        CallScope? ambient = null)
    {
        var fingerprint = handle.HashOf(arguments);
        var execution = scope?.Execution;
        if (execution is { TakesSpecialPath: true })
        {
            // Durable, replayed, halted or dispatched: see TaskInvoker.Special.cs.
            return StartSpecial(handle, arguments, scope!, slot, cancellationToken, linked, execution, fingerprint);
        }

        var plain = handle.RunsPlain;
        CallScope call;
        if (plain && ambient is not null && ambient.CanBeReused)
        {
            call = ambient;
            call.Reuse(slot, fingerprint, cancellationToken);
        }
        else
        {
            call = new CallScope(scope, slot, handle.Name, fingerprint, cancellationToken);
            ambient = null;
        }

        var key = ScopeKey.Call(handle.NameKey, fingerprint);
        if (execution is not null)
        {
            execution.BeginCall(call, key, arguments, scope!.Records, endsWithRecordEnd: plain);
        }
        else if (scope is not null && slot < 0)
        {
            lock (scope.Gate)
            {
                call.Count(key);
            }
        }

        call.Owner?.ChildStarted();
        if (!plain)
        {
            return new StartedCall<TResult>(InvokeWithOptionsAsync(handle, arguments, call, linked));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Cancelled before its body started: nothing runs.
            return new StartedCall<TResult>(ValueTask.FromCanceled<TResult>(cancellationToken), call, linked);
        }

        if (ambient is not null)
        {
            // The call's scope is already the ambient one: the body runs in the caller's context.
            ExecutionTelemetry.Enter(execution, call);
            return new StartedCall<TResult>(RunBody(handle, arguments, cancellationToken), call, linked);
        }

        // The body runs under the call's scope, so the calls it makes are its children; the caller's context is put back
        // at once (the body's own continuations keep the call's).
        var caller = System.Threading.ExecutionContext.Capture();
        if (caller is null)
        {
            // The flow of the execution context is suppressed: run the body inside an asynchronous step of its own.
            return new StartedCall<TResult>(InvokeInOwnContextAsync(handle, arguments, call), call, linked);
        }

        ValueTask<TResult> running;
        Scope.Current = call;
        try
        {
            ExecutionTelemetry.Enter(execution, call);
            running = RunBody(handle, arguments, cancellationToken);
        }
        finally
        {
            System.Threading.ExecutionContext.Restore(caller);
        }

        return new StartedCall<TResult>(running, call, linked);
    }

    private static ValueTask<TResult> RunBody<TArguments, TResult>(TaskHandle<TArguments, TResult> handle, TArguments arguments, CancellationToken token)
    {
        try
        {
            return handle.RunBodyAsync(arguments, token);
        }
        catch (Exception error)
        {
            return ValueTask.FromException<TResult>(error);
        }
    }

    /// <summary>
    /// Ends a plain call whose body has completed: takes the body's result and records TaskCompleted, or records the
    /// cancellation or the failure (a <see cref="TaskFailedException"/> naming the task, reported to the call's pattern
    /// in fail-fast mode) and throws it. Called exactly once per call, by whoever takes the result.
    /// </summary>
    public static TResult Finish<TResult>(CallScope call, ValueTask<TResult> completed, CancellationTokenSource? linked)
    {
        var execution = call.Execution;
        var records = execution is not null && call.Records;
        try
        {
            var result = completed.GetAwaiter().GetResult();
            End(call, execution, records, ExecutionEventType.TaskCompleted, result);
            return result;
        }
        catch (OperationCanceledException) when (call.Token.IsCancellationRequested)
        {
            End<object?>(call, execution, records, ExecutionEventType.TaskCancelled, null);
            throw;
        }
        catch (PauseRequestedException pause)
        {
            // The workflow is pausing inside this call's body: not a failure, and nothing to retry or compensate.
            End(call, execution, records, ExecutionEventType.TaskPaused, pause.PauseName);
            throw;
        }
        catch (Exception error)
        {
            var failure = Failure(call, error, attempts: 1);
            End<object?>(call, execution, records, ExecutionEventType.TaskFailed, failure);
            throw Rethrow(call, failure);
        }
        finally
        {
            call.Owner?.ChildEnded();
            linked?.Dispose();
        }
    }

    /// <summary>Records the last event of a plain call and counts it as ended.</summary>
    private static void End<T>(CallScope call, ExecutionContext? execution, bool records, ExecutionEventType type, T value)
    {
        if (records)
        {
            execution!.RecordEnd(type, call, value);
        }
        else
        {
            execution?.CallEnded();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> InvokeInOwnContextAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call)
    {
        // The change of the ambient scope stays inside this method.
        Scope.Current = call;
        ExecutionTelemetry.Enter(call.Execution, call);
        return await handle.RunBodyAsync(arguments, call.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// The failure a call throws: a nested task's failure (or another Flux exception) that the body let through is not
    /// wrapped again, unless there is a fallback or rollback failure to attach to it. A workflow that failed inside the
    /// body (a child workflow) is the call's own failure, and is wrapped.
    /// </summary>
    private static Exception Failure(CallScope call, Exception error, int attempts, Exception? fallbackError = null, Exception? rollbackError = null) =>
        error is FluxException and not WorkflowFailedException && fallbackError is null && rollbackError is null
            ? error
            : new TaskFailedException(
                call.Name, call.Id.ToString(), call.Execution?.WorkflowName, call.Execution?.ExecutionId, attempts, error, fallbackError, rollbackError);

    /// <summary>
    /// Throws a call's failure, with its stack trace (see <see cref="ExceptionDispatchInfo"/>), after reporting it to the
    /// call's pattern: in fail-fast mode the siblings are cancelled now, whoever awaits this call and whenever.
    /// </summary>
    private static Exception Rethrow(CallScope call, Exception failure)
    {
        if (call.Slot >= 0 && call.Parent is PatternScope pattern)
        {
            pattern.SlotFailed(failure);
        }

        ExceptionDispatchInfo.Throw(failure);
        return failure; // not reached: ExceptionDispatchInfo.Throw throws
    }

    /// <summary>The failure of a call with options, recorded as TaskFailed, thrown.</summary>
    private static Exception Fail(CallScope call, Exception error, int attempts, Exception? fallbackError = null, Exception? rollbackError = null)
    {
        var failure = Failure(call, error, attempts, fallbackError, rollbackError);
        call.Log?.Record(ExecutionEventType.TaskFailed, call, failure);
        return Rethrow(call, failure);
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
