using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>The entry points of <c>Parallel</c>, <c>Map</c> and <c>MapStream</c>: each opens its scope in the current one and runs its calls there.</summary>
internal static class BatchRunner
{
    public static async Task<TResult[]> MapAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, IEnumerable<TArguments> items, BatchOptions options, CancellationToken cancellationToken)
    {
        // Read the whole input first: if enumerating it throws, nothing has started.
        var list = items as IReadOnlyList<TArguments> ?? items.ToArray();
        using var batch = new Batch<TResult>(ScopeKind.Map, handle.Name, handle.NameKey, list.Count, collect: false, options.Timeout, cancellationToken);
        if (list.Count > 0)
        {
            await batch.RunAsync(list, handle, StartItem, options.MaxConcurrency ?? DefaultConcurrency(handle), spread: true).ConfigureAwait(false);
            await batch.CommitAsync().ConfigureAwait(false);
            batch.ThrowIfStopped();
        }

        return batch.Results;
    }

    public static async Task<TResult[]> MapAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, IAsyncEnumerable<TArguments> items, BatchOptions options, CancellationToken cancellationToken)
    {
        var list = new List<TArguments>();
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(item);
        }

        return await MapAsync(handle, list, options, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Outcome<TResult>[]> MapOutcomesAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, IEnumerable<TArguments> items, BatchOptions options, CancellationToken cancellationToken)
    {
        var list = items as IReadOnlyList<TArguments> ?? items.ToArray();
        using var batch = new Batch<TResult>(ScopeKind.Map, handle.Name, handle.NameKey, list.Count, collect: true, options.Timeout, cancellationToken);
        if (list.Count > 0)
        {
            await batch.RunAsync(list, handle, StartItem, options.MaxConcurrency ?? DefaultConcurrency(handle), spread: true).ConfigureAwait(false);
            await batch.CommitAsync().ConfigureAwait(false);
            batch.ThrowIfStopped();
        }

        return Outcomes(batch);
    }

    public static async Task<T[]> ParallelAsync<T>(IReadOnlyList<TaskCall<T>> calls, BatchOptions options, CancellationToken cancellationToken)
    {
        using var batch = new Batch<T>(ScopeKind.Parallel, null, 0, calls.Count, collect: false, options.Timeout, cancellationToken);
        if (calls.Count > 0)
        {
            await batch.RunAsync(calls, 0, StartCall, options.MaxConcurrency ?? int.MaxValue, spread: false).ConfigureAwait(false);
            await batch.CommitAsync().ConfigureAwait(false);
            batch.ThrowIfStopped();
        }

        return batch.Results;
    }

    public static async Task<Outcome<T>[]> ParallelOutcomesAsync<T>(IReadOnlyList<TaskCall<T>> calls, BatchOptions options, CancellationToken cancellationToken)
    {
        using var batch = new Batch<T>(ScopeKind.Parallel, null, 0, calls.Count, collect: true, options.Timeout, cancellationToken);
        if (calls.Count > 0)
        {
            await batch.RunAsync(calls, 0, StartCall, options.MaxConcurrency ?? int.MaxValue, spread: false).ConfigureAwait(false);
            await batch.CommitAsync().ConfigureAwait(false);
            batch.ThrowIfStopped();
        }

        return Outcomes(batch);
    }

    public static IAsyncEnumerable<TResult> MapStreamAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, IAsyncEnumerable<TArguments> items, BatchOptions options, CancellationToken cancellationToken) =>
        MapStream<TArguments, TResult>.RunAsync(handle, items, options, cancellationToken);

    public static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public static int DefaultConcurrency(TaskHandle handle) =>
        handle.IsSynchronous ? Environment.ProcessorCount : BatchOptions.DefaultAsyncConcurrency;

    private static StartedCall<TResult> StartItem<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, TArguments item, Scope scope, int slot, CancellationToken token, CallScope? ambient) =>
        TaskInvoker.Start(handle, item, scope, slot, token, linked: null, ambient);

    private static StartedCall<T> StartCall<T>(int unused, TaskCall<T> call, Scope scope, int slot, CancellationToken token, CallScope? ambient) =>
        call.StartIn(scope, slot, token);

    private static Outcome<TResult>[] Outcomes<TResult>(Batch<TResult> batch)
    {
        var outcomes = new Outcome<TResult>[batch.Results.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = batch.Errors![i] is { } error ? Outcome<TResult>.Failure(error) : Outcome<TResult>.Success(batch.Results[i]);
        }

        return outcomes;
    }
}
