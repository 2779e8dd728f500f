namespace Flux;

/// <summary>The patterns a workflow composes tasks with: <c>Parallel</c>, <c>Pipeline</c> and the ambient context.</summary>
public static partial class Workflow
{
    /// <summary>The running execution (the same as <see cref="ExecutionContext.Current"/>), or null outside a workflow.</summary>
    public static ExecutionContext? Context => ExecutionContext.Current;

    /// <summary>
    /// The id of the task call whose body (or fallback, or rollback) is running, as text (see <see cref="TaskCallId"/>);
    /// null outside a task body. It comes from the program's structure, so it is the same every time the workflow runs
    /// this call: use it as an idempotency key for what the body does outside (a payment, a message).
    /// </summary>
    public static string? CurrentCall => (Scope.Current as CallScope)?.IdText;

    /// <summary>
    /// Runs the calls at once and returns their results in argument order. The first failure cancels the
    /// other calls, waits for them to stop, and is thrown (a <see cref="TaskFailedException"/> naming the task).
    /// </summary>
    public static Task<T[]> Parallel<T>(params TaskCall<T>[] calls) => Parallel(calls, BatchOptions.Default);

    /// <inheritdoc cref="Parallel{T}(TaskCall{T}[])"/>
    public static Task<T[]> Parallel<T>(BatchOptions options, params TaskCall<T>[] calls) => Parallel(calls, options);

    /// <inheritdoc cref="Parallel{T}(TaskCall{T}[])"/>
    public static Task<T[]> Parallel<T>(IEnumerable<TaskCall<T>> calls, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = Materialize(calls);
        return BatchRunner.ParallelAsync(list, options ?? BatchOptions.Default, cancellationToken);
    }

    /// <summary>Runs the calls at once and returns every outcome, success or failure, in argument order; no call cancels another.</summary>
    public static Task<Outcome<T>[]> ParallelOutcomes<T>(params TaskCall<T>[] calls) => ParallelOutcomes(calls, BatchOptions.Default);

    /// <inheritdoc cref="ParallelOutcomes{T}(TaskCall{T}[])"/>
    public static Task<Outcome<T>[]> ParallelOutcomes<T>(IEnumerable<TaskCall<T>> calls, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = Materialize(calls);
        return BatchRunner.ParallelOutcomesAsync(list, options ?? BatchOptions.Default, cancellationToken);
    }

    /// <summary>Runs two calls of different result types at once: <c>var (count, greeting) = await Workflow.Parallel((CountTask.Call(3), SayHiTask.Call("Ann")));</c></summary>
    public static async Task<(T1, T2)> Parallel<T1, T2>((TaskCall<T1>, TaskCall<T2>) calls, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var r = await RunUntyped([calls.Item1, calls.Item2], options, cancellationToken).ConfigureAwait(false);
        return ((T1)r[0]!, (T2)r[1]!);
    }

    /// <inheritdoc cref="Parallel{T1, T2}(ValueTuple{TaskCall{T1}, TaskCall{T2}}, BatchOptions?, CancellationToken)"/>
    public static async Task<(T1, T2, T3)> Parallel<T1, T2, T3>((TaskCall<T1>, TaskCall<T2>, TaskCall<T3>) calls, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var r = await RunUntyped([calls.Item1, calls.Item2, calls.Item3], options, cancellationToken).ConfigureAwait(false);
        return ((T1)r[0]!, (T2)r[1]!, (T3)r[2]!);
    }

    /// <inheritdoc cref="Parallel{T1, T2}(ValueTuple{TaskCall{T1}, TaskCall{T2}}, BatchOptions?, CancellationToken)"/>
    public static async Task<(T1, T2, T3, T4)> Parallel<T1, T2, T3, T4>((TaskCall<T1>, TaskCall<T2>, TaskCall<T3>, TaskCall<T4>) calls, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var r = await RunUntyped([calls.Item1, calls.Item2, calls.Item3, calls.Item4], options, cancellationToken).ConfigureAwait(false);
        return ((T1)r[0]!, (T2)r[1]!, (T3)r[2]!, (T4)r[3]!);
    }

    /// <inheritdoc cref="Parallel{T1, T2}(ValueTuple{TaskCall{T1}, TaskCall{T2}}, BatchOptions?, CancellationToken)"/>
    public static async Task<(T1, T2, T3, T4, T5)> Parallel<T1, T2, T3, T4, T5>((TaskCall<T1>, TaskCall<T2>, TaskCall<T3>, TaskCall<T4>, TaskCall<T5>) calls, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var r = await RunUntyped([calls.Item1, calls.Item2, calls.Item3, calls.Item4, calls.Item5], options, cancellationToken).ConfigureAwait(false);
        return ((T1)r[0]!, (T2)r[1]!, (T3)r[2]!, (T4)r[3]!, (T5)r[4]!);
    }

    private static Task<object?[]> RunUntyped(TaskCall[] calls, BatchOptions? options, CancellationToken cancellationToken)
    {
        var boxed = new TaskCall<object?>[calls.Length];
        for (var i = 0; i < calls.Length; i++)
        {
            boxed[i] = new BoxedCall(calls[i] ?? throw new ArgumentNullException(nameof(calls), $"Call {i + 1} of Parallel is null."));
        }

        return BatchRunner.ParallelAsync(boxed, options ?? BatchOptions.Default, cancellationToken);
    }

    private static TaskCall<T>[] Materialize<T>(IEnumerable<TaskCall<T>> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var list = calls as TaskCall<T>[] ?? calls.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(calls), $"Call {i + 1} of Parallel is null; pass a task call such as SayHiTask.Call(...).");
            }
        }

        return list;
    }

    /// <summary>Adapts a call of any result type to one that returns its result boxed.</summary>
    private sealed class BoxedCall(TaskCall inner) : TaskCall<object?>(inner.Task)
    {
        internal override StartedCall<object?> Start(CancellationToken cancellationToken) => new(inner.RunUntypedAsync(cancellationToken));

        internal override StartedCall<object?> StartIn(Scope scope, int slot, CancellationToken cancellationToken) =>
            new(inner.RunUntypedInAsync(scope, slot, cancellationToken));
    }
}
