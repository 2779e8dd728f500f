using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// What <c>await call</c> uses for a <see cref="TaskCall{TResult}"/>: it waits for the call's body directly (no
/// asynchronous step in between) and ends the call when it takes the result. Not for direct use: await the call.
/// </summary>
/// <typeparam name="TResult">The task's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TaskCallAwaiter<TResult> : ICriticalNotifyCompletion
{
    private readonly StartedCall<TResult> _call;

    internal TaskCallAwaiter(StartedCall<TResult> call)
    {
        _call = call;
    }

    /// <summary>True once the call's body has completed.</summary>
    public bool IsCompleted => _call.Running.IsCompleted;

    /// <summary>The call's result; throws its failure (a <see cref="TaskFailedException"/> naming the task) or its cancellation.</summary>
    public TResult GetResult() => _call.GetResult();

    /// <summary>Schedules the continuation for when the call's body completes.</summary>
    public void OnCompleted(Action continuation) => _call.Running.GetAwaiter().OnCompleted(continuation);

    /// <summary>Schedules the continuation for when the call's body completes, without flowing the execution context.</summary>
    public void UnsafeOnCompleted(Action continuation) => _call.Running.GetAwaiter().UnsafeOnCompleted(continuation);
}
