using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// A call that has started: the task of its body (a plain call, ended by <see cref="TaskInvoker.Finish"/> when its result
/// is taken) or of its whole run (a call with options, which ends itself). Its result is taken exactly once.
/// </summary>
internal readonly struct StartedCall<TResult>
{
    private readonly CallScope? _plain;
    private readonly CancellationTokenSource? _linked;

    /// <summary>A call that ends itself: <paramref name="running"/> is the task of its whole run.</summary>
    public StartedCall(ValueTask<TResult> running)
    {
        Running = running;
        _plain = null;
        _linked = null;
    }

    /// <summary>A plain call whose <paramref name="running"/> body is ended when its result is taken.</summary>
    public StartedCall(ValueTask<TResult> running, CallScope plain, CancellationTokenSource? linked)
    {
        Running = running;
        _plain = plain;
        _linked = linked;
    }

    /// <summary>The task whose completion completes the call.</summary>
    public ValueTask<TResult> Running { get; }

    /// <summary>Takes the result, once <see cref="Running"/> has completed: ends a plain call, or throws its failure.</summary>
    public TResult GetResult() => _plain is null ? Running.GetAwaiter().GetResult() : TaskInvoker.Finish(_plain, Running, _linked);

    /// <summary>An awaitable that completes with <see cref="Running"/> without taking its result.</summary>
    public Completion WhenCompleted() => new(Running);

    /// <summary>The call as one task: its result at once when it has completed, otherwise one asynchronous step that ends it.</summary>
    public ValueTask<TResult> AsValueTask()
    {
        if (_plain is null)
        {
            return Running;
        }

        if (!Running.IsCompleted)
        {
            return FinishAsync(this);
        }

        try
        {
            return new ValueTask<TResult>(GetResult());
        }
        catch (Exception error)
        {
            return ValueTask.FromException<TResult>(error);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<TResult> FinishAsync(StartedCall<TResult> started)
    {
        await started.WhenCompleted();
        return started.GetResult();
    }

    /// <summary>Waits for a task to complete without taking its result (so that it can be taken once, afterwards).</summary>
    public readonly struct Completion(ValueTask<TResult> running) : ICriticalNotifyCompletion
    {
        private readonly ConfiguredValueTaskAwaitable<TResult>.ConfiguredValueTaskAwaiter _awaiter = running.ConfigureAwait(false).GetAwaiter();

        public bool IsCompleted => _awaiter.IsCompleted;

        public Completion GetAwaiter() => this;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) => _awaiter.OnCompleted(continuation);

        public void UnsafeOnCompleted(Action continuation) => _awaiter.UnsafeOnCompleted(continuation);
    }
}
