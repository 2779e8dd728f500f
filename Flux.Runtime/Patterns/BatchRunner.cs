using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Flux;

/// <summary>
/// The engine behind <c>Parallel</c> and <c>Map</c>: starts calls in input order (so call ids follow the input),
/// bounds how many run at once, keeps results in input order, and on the first failure cancels the others,
/// waits for them to stop and throws that failure.
/// </summary>
internal static class BatchRunner
{
    public static Task<TResult[]> MapAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle, IEnumerable<TArguments> items, BatchOptions options, CancellationToken cancellationToken)
    {
        // Read the whole input first: if enumerating it throws, nothing has started.
        var list = items as IReadOnlyList<TArguments> ?? items.ToArray();
        var context = ExecutionContext.Current;
        cancellationToken = Effective(cancellationToken, context);
        var concurrency = options.MaxConcurrency ?? DefaultConcurrency(handle);
        return RunAsync(
            list,
            (handle, context),
            static (state, item, token) => TaskInvoker.InvokeAsync(state.handle, item, state.context, token),
            concurrency,
            options.Timeout,
            context,
            $"Map of task '{handle.Name}'",
            cancellationToken);
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
        var context = ExecutionContext.Current;
        cancellationToken = Effective(cancellationToken, context);
        var concurrency = options.MaxConcurrency ?? DefaultConcurrency(handle);
        return await RunOutcomesAsync(
            list,
            (handle, context),
            static (state, item, token) => TaskInvoker.InvokeAsync(state.handle, item, state.context, token),
            concurrency,
            options.Timeout,
            context,
            $"Map of task '{handle.Name}'",
            cancellationToken).ConfigureAwait(false);
    }

    public static Task<T[]> ParallelAsync<T>(IReadOnlyList<TaskCall<T>> calls, BatchOptions options, CancellationToken cancellationToken)
    {
        var context = ExecutionContext.Current;
        return RunAsync(
            calls,
            0,
            static (_, call, token) => call.RunAsync(token),
            options.MaxConcurrency ?? int.MaxValue,
            options.Timeout,
            context,
            "Parallel",
            Effective(cancellationToken, context));
    }

    public static Task<Outcome<T>[]> ParallelOutcomesAsync<T>(IReadOnlyList<TaskCall<T>> calls, BatchOptions options, CancellationToken cancellationToken)
    {
        var context = ExecutionContext.Current;
        return RunOutcomesAsync(
            calls,
            0,
            static (_, call, token) => call.RunAsync(token),
            options.MaxConcurrency ?? int.MaxValue,
            options.Timeout,
            context,
            "Parallel",
            Effective(cancellationToken, context));
    }

    public static async IAsyncEnumerable<TResult> MapStreamAsync<TArguments, TResult>(
        TaskHandle<TArguments, TResult> handle,
        IAsyncEnumerable<TArguments> items,
        BatchOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = ExecutionContext.Current;
        cancellationToken = Effective(cancellationToken, context);
        var window = options.MaxConcurrency ?? DefaultConcurrency(handle);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cancellation.Token;
        var running = new Queue<Task<TResult>>(Math.Min(window, 1024));
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (running.Count == window)
                {
                    yield return await running.Dequeue().ConfigureAwait(false);
                }

                // Items of a stream are not recorded one by one: the log would grow with the input, which the
                // streaming form exists to avoid. Failures still name the task, the workflow and the execution.
                running.Enqueue(TaskInvoker.InvokeAsync(handle, item, context, token, recordEvents: false).AsTask());
            }

            while (running.Count > 0)
            {
                yield return await running.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            if (running.Count > 0)
            {
                await cancellation.CancelAsync().ConfigureAwait(false);
                foreach (var task in running)
                {
                    try
                    {
                        await task.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // The consumer stopped or an earlier item failed: these calls were cancelled on purpose.
                    }
                }
            }
        }
    }

    public static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static int DefaultConcurrency(TaskHandle handle) =>
        handle.IsSynchronous ? Environment.ProcessorCount : BatchOptions.DefaultAsyncConcurrency;

    private static CancellationToken Effective(CancellationToken token, ExecutionContext? context) =>
        !token.CanBeCanceled && context is not null ? context.CancellationToken : token;

    private static async Task<TResult[]> RunAsync<TState, TItem, TResult>(
        IReadOnlyList<TItem> items,
        TState state,
        Func<TState, TItem, CancellationToken, ValueTask<TResult>> start,
        int maxConcurrency,
        TimeSpan? timeout,
        ExecutionContext? context,
        string description,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        using var batch = new Batch<TResult>(items.Count, maxConcurrency, collect: false, timeout, context?.TimeProvider, cancellationToken);
        await batch.DispatchAsync(items, state, start).ConfigureAwait(false);
        batch.ThrowIfFailed(description);
        return batch.Results;
    }

    private static async Task<Outcome<TResult>[]> RunOutcomesAsync<TState, TItem, TResult>(
        IReadOnlyList<TItem> items,
        TState state,
        Func<TState, TItem, CancellationToken, ValueTask<TResult>> start,
        int maxConcurrency,
        TimeSpan? timeout,
        ExecutionContext? context,
        string description,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        using var batch = new Batch<TResult>(items.Count, maxConcurrency, collect: true, timeout, context?.TimeProvider, cancellationToken);
        await batch.DispatchAsync(items, state, start).ConfigureAwait(false);
        batch.ThrowIfFailed(description);
        var outcomes = new Outcome<TResult>[items.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = batch.Errors![i] is { } error ? Outcome<TResult>.Failure(error) : Outcome<TResult>.Success(batch.Results[i]);
        }

        return outcomes;
    }

    /// <summary>
    /// The shared state of one running batch. <c>MaxConcurrency</c> workers each take the next item and run it until
    /// none is left; taking an item and starting it (which assigns its call id) happen under one lock, so calls start,
    /// and get their ids, in input order, and no semaphore or per-item continuation is needed.
    /// </summary>
    private sealed class Batch<TResult> : IDisposable
    {
        private readonly CancellationToken _callerToken;
        private readonly CancellationTokenSource _cancellation;
        private readonly CancellationTokenSource? _timeout;
        private readonly TimeSpan? _timeLimit;
        private readonly int _workers;
        private readonly object _startGate = new();
        private ExceptionDispatchInfo? _firstFailure;
        private int _next = -1;

        public Batch(int count, int maxConcurrency, bool collect, TimeSpan? timeout, TimeProvider? timeProvider, CancellationToken cancellationToken)
        {
            Results = new TResult[count];
            Errors = collect ? new Exception?[count] : null;
            _workers = Math.Min(count, maxConcurrency);
            _callerToken = cancellationToken;
            if (timeout is { } limit && limit != Timeout.InfiniteTimeSpan)
            {
                _timeLimit = limit;
                _timeout = new CancellationTokenSource(limit, timeProvider ?? TimeProvider.System);
                _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
            }
            else
            {
                _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            }
        }

        public TResult[] Results { get; }

        public Exception?[]? Errors { get; }

        public Task DispatchAsync<TState, TItem>(IReadOnlyList<TItem> items, TState state, Func<TState, TItem, CancellationToken, ValueTask<TResult>> start)
        {
            if (_workers == 1)
            {
                return WorkAsync(items, state, start);
            }

            var workers = new Task[_workers];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = WorkAsync(items, state, start);
            }

            return Task.WhenAll(workers);
        }

        public void ThrowIfFailed(string description)
        {
            _firstFailure?.Throw();
            if (_timeout is { IsCancellationRequested: true } && !_callerToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{description} did not finish within its batch timeout of {_timeLimit}; the running calls were cancelled.");
            }

            _callerToken.ThrowIfCancellationRequested();
        }

        /// <summary>One worker: takes the next item, runs it, and goes on until there is none left or the batch stopped.</summary>
        private async Task WorkAsync<TState, TItem>(IReadOnlyList<TItem> items, TState state, Func<TState, TItem, CancellationToken, ValueTask<TResult>> start)
        {
            var token = _cancellation.Token;
            while (true)
            {
                int index;
                ValueTask<TResult> running;
                lock (_startGate)
                {
                    if (token.IsCancellationRequested || _next + 1 >= items.Count)
                    {
                        return;
                    }

                    index = ++_next;
                    try
                    {
                        running = start(state, items[index], token);
                    }
                    catch (Exception error)
                    {
                        OnFailure(index, error);
                        continue;
                    }
                }

                try
                {
                    Results[index] = running.IsCompletedSuccessfully ? running.Result : await running.ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    OnFailure(index, error);
                }
            }
        }

        private void OnFailure(int index, Exception error)
        {
            if (Errors is not null)
            {
                // Collecting outcomes: a failure stops nothing. A call cancelled by the caller or the batch timeout
                // is recorded as such; the batch then throws that cancellation or timeout.
                Errors[index] = error;
                return;
            }

            if (error is OperationCanceledException && _cancellation.IsCancellationRequested)
            {
                // Cancelled because a sibling failed, the batch timed out or the caller cancelled: not a failure of its own.
                return;
            }

            if (Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(error), null) is null)
            {
                _cancellation.Cancel();
            }
        }

        public void Dispose()
        {
            _cancellation.Dispose();
            _timeout?.Dispose();
        }
    }
}
