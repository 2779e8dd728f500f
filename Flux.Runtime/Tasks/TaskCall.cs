using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// A lazy call of a task: nothing runs until it is awaited or handed to a pattern. A call runs once; to run
/// the task again, create another call.
/// </summary>
public abstract class TaskCall
{
    private int _started;

    private protected TaskCall(TaskHandle task)
    {
        Task = task;
    }

    /// <summary>The task this call runs.</summary>
    public TaskHandle Task { get; }

    /// <summary>True once the call was awaited or handed to a pattern.</summary>
    public bool HasStarted => Volatile.Read(ref _started) != 0;

    /// <summary>Starts the call and returns its result boxed; used by patterns that route values at run time.</summary>
    public abstract ValueTask<object?> RunUntypedAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts the call in slot <paramref name="slot"/> of <paramref name="scope"/> (a batch item, a graph node), on the slot's token, and returns its result boxed.</summary>
    internal abstract ValueTask<object?> RunUntypedInAsync(Scope scope, int slot, CancellationToken cancellationToken);

    private protected void MarkStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException(
                $"This call of task '{Task.Name}' was already started; a TaskCall runs once. Call {Task.Name}Task.Call(...) again to run the task again.");
        }
    }
}

/// <summary>A lazy call of a task that produces <typeparamref name="TResult"/>. Await it, or hand it to a pattern.</summary>
/// <typeparam name="TResult">The task's result type.</typeparam>
public abstract class TaskCall<TResult> : TaskCall
{
    private protected TaskCall(TaskHandle task)
        : base(task)
    {
    }

    /// <summary>
    /// Starts the call in the current scope (the workflow body, or the body of the call that makes it). It runs on the
    /// scope's token, so that whatever cancels the enclosing work cancels it too; a token given here is linked to the
    /// scope's token, not a replacement for it.
    /// </summary>
    public ValueTask<TResult> RunAsync(CancellationToken cancellationToken = default) => Start(cancellationToken).AsValueTask();

    /// <summary>Starts the call (as <see cref="RunAsync"/> does) and lets <c>await</c> wait for it.</summary>
    public TaskCallAwaiter<TResult> GetAwaiter() => new(Start(default));

    /// <summary>Starts the call, with the given continuation behaviour.</summary>
    public ConfiguredValueTaskAwaitable<TResult> ConfigureAwait(bool continueOnCapturedContext) =>
        RunAsync().ConfigureAwait(continueOnCapturedContext);

    /// <inheritdoc/>
    public override async ValueTask<object?> RunUntypedAsync(CancellationToken cancellationToken = default) =>
        await RunAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Starts the call in slot <paramref name="slot"/> of <paramref name="scope"/> (a batch item, a graph node), on the slot's token.</summary>
    internal ValueTask<TResult> RunInAsync(Scope scope, int slot, CancellationToken cancellationToken) =>
        StartIn(scope, slot, cancellationToken).AsValueTask();

    internal override async ValueTask<object?> RunUntypedInAsync(Scope scope, int slot, CancellationToken cancellationToken) =>
        await RunInAsync(scope, slot, cancellationToken).ConfigureAwait(false);

    /// <summary>Starts the call in the current scope, with <paramref name="cancellationToken"/> linked to the scope's token.</summary>
    internal abstract StartedCall<TResult> Start(CancellationToken cancellationToken);

    /// <summary>Starts the call in slot <paramref name="slot"/> of <paramref name="scope"/>, on the slot's token.</summary>
    internal abstract StartedCall<TResult> StartIn(Scope scope, int slot, CancellationToken cancellationToken);
}

internal sealed class TaskCall<TArguments, TResult> : TaskCall<TResult>
{
    private readonly TaskHandle<TArguments, TResult> _handle;

    public TaskCall(TaskHandle<TArguments, TResult> handle, TArguments arguments)
        : base(handle)
    {
        _handle = handle;
        Arguments = arguments;
    }

    public TArguments Arguments { get; }

    internal override StartedCall<TResult> Start(CancellationToken cancellationToken)
    {
        MarkStarted();
        var scope = Scope.Current;
        var token = Cancellations.Link(scope?.Token ?? default, cancellationToken, out var linked);
        return TaskInvoker.Start(_handle, Arguments, scope, slot: -1, token, linked);
    }

    internal override StartedCall<TResult> StartIn(Scope scope, int slot, CancellationToken cancellationToken)
    {
        MarkStarted();
        return TaskInvoker.Start(_handle, Arguments, scope, slot, cancellationToken, linked: null);
    }
}
