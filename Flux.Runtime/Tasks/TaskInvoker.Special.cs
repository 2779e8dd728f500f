using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// The path of a call in an execution that is durable, resumed (replaying its log), halted (pausing) or dispatched. It
/// finds the call in the replayed log first (a finished call returns its recorded value or failure without running
/// and records nothing), records its TaskStarted only if the log does not have it, runs it as an asynchronous step
/// of its own, and, in a durable execution, commits its completion before the caller sees the result. The completions
/// of a Map's or a Parallel's items are not awaited one by one: they are committed in the background, and the batch
/// awaits the commit of everything before it returns (see <see cref="DurableLog"/>).
/// </summary>
internal static partial class TaskInvoker
{
    private static StartedCall<TResult> StartSpecial<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        TArguments arguments,
        Scope scope,
        int slot,
        CancellationToken cancellationToken,
        CancellationTokenSource? linked,
        ExecutionContext execution,
        ulong fingerprint)
    {
        if (execution.HaltException() is { } halt)
        {
            // Pausing (or stopped by a wrong replay): no new call starts, and a catch in the body cannot change that.
            linked?.Dispose();
            return new StartedCall<TResult>(ValueTask.FromException<TResult>(halt));
        }

        var call = new CallScope(scope, slot, handle.Name, fingerprint, cancellationToken) { Handle = handle };
        RecordedCall? recorded;
        try
        {
            recorded = execution.BeginSpecialCall(call, ScopeKey.Call(handle.NameKey, fingerprint), handle, arguments, scope.Records);
        }
        catch (Exception error)
        {
            linked?.Dispose();
            return new StartedCall<TResult>(ValueTask.FromException<TResult>(error));
        }

        if (recorded is { IsFinished: true })
        {
            linked?.Dispose();
            return new StartedCall<TResult>(Replayed<TResult>(handle, call, recorded, execution));
        }

        call.RecordedStart = recorded;
        call.Owner?.ChildStarted();
        return new StartedCall<TResult>(RunSpecialAsync(handle, arguments, call, linked, execution));
    }

    /// <summary>A call the log has finished: its recorded value, or its recorded failure thrown again (reported to its pattern as the original was).</summary>
    private static ValueTask<TResult> Replayed<TResult>(TaskHandle handle, CallScope call, RecordedCall recorded, ExecutionContext execution)
    {
        if (recorded.Outcome == RecordedOutcome.Failed)
        {
            var failure = recorded.FailureFor(execution);
            if (call.Slot >= 0 && call.Parent is PatternScope pattern)
            {
                pattern.SlotFailed(failure);
            }

            return ValueTask.FromException<TResult>(failure);
        }

        try
        {
            return new ValueTask<TResult>(recorded.ValueAs<TResult>(handle, execution));
        }
        catch (Exception error)
        {
            return ValueTask.FromException<TResult>(error);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> RunSpecialAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call, CancellationTokenSource? linked, ExecutionContext execution)
    {
        if (!handle.RunsPlain)
        {
            // The options path records and ends the call itself; the completion is committed before it is returned.
            TResult value;
            try
            {
                value = await InvokeWithOptionsAsync(handle, arguments, call, linked).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException and not PauseRequestedException)
            {
                await CommitAsync(execution, call, execution.Durable?.RecordedThrough ?? 0).ConfigureAwait(false);
                throw;
            }

            await CommitAsync(execution, call, execution.Durable?.RecordedThrough ?? 0).ConfigureAwait(false);
            return value;
        }

        Scope.Current = call;
        ExecutionTelemetry.Enter(execution, call);
        var token = call.Token;
        var records = call.Records;
        try
        {
            TResult result;
            try
            {
                result = await Attempt(handle, arguments, call, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                if (records)
                {
                    execution.RecordCall<object?>(ExecutionEventType.TaskCancelled, call, null);
                }

                throw;
            }
            catch (PauseRequestedException pause)
            {
                if (records)
                {
                    execution.RecordCall(ExecutionEventType.TaskPaused, call, pause.PauseName);
                }

                throw;
            }
            catch (Exception error)
            {
                var failure = Failure(call, error, attempts: 1);
                if (records)
                {
                    await CommitAsync(execution, call, execution.RecordCall(ExecutionEventType.TaskFailed, call, failure)).ConfigureAwait(false);
                }

                throw Rethrow(call, failure);
            }

            if (records)
            {
                await CommitAsync(execution, call, execution.RecordCall(ExecutionEventType.TaskCompleted, call, result)).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            End(call, linked);
        }
    }

    /// <summary>
    /// Before a durable call's caller sees its outcome: waits until event <paramref name="sequence"/> is committed; for an
    /// item of a Map or a Parallel, asks for a background commit instead (the batch waits for all of them).
    /// </summary>
    private static ValueTask CommitAsync(ExecutionContext execution, CallScope call, long sequence)
    {
        if (execution.Durable is not { } durable || sequence == 0)
        {
            return default;
        }

        if (call.Slot >= 0 && call.Parent is PatternScope { CommitsItsSlots: true })
        {
            durable.CommitSoon();
            return default;
        }

        return durable.CommitAsync(sequence);
    }

    /// <summary>One attempt of the body: here, or through the execution's dispatcher.</summary>
    private static ValueTask<TResult> Attempt<TArguments, TResult>(TaskHandle<TArguments, TResult> handle, TArguments arguments, CallScope call, CancellationToken token)
    {
        if (call.Execution is { Dispatcher: { } dispatcher } execution && handle.CanDispatch)
        {
            return handle.DispatchAsync(arguments, call, dispatcher, execution.Json!, token);
        }

        return RunBody(handle, arguments, token);
    }
}
