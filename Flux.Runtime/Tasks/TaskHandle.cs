using System.ComponentModel;

namespace Flux;

/// <summary>
/// The untyped view of a task: its name, options and signature. Generated handles derive from
/// <see cref="TaskHandle{TArguments, TResult}"/>; patterns that mix tasks of different shapes (a
/// <c>Graph</c>) use this view.
/// </summary>
public abstract partial class TaskHandle
{
    private protected TaskHandle(string name, TaskOptions options, object? target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        CallIdNames.CheckTask(name);
        Name = name;
        Options = options;
        Target = target;
        NameKey = ScopeKey.OfName(name);
    }

    /// <summary>The stable hash of <see cref="Name"/>, computed once: part of the keys a scope counts this task's calls and Maps by.</summary>
    internal ulong NameKey { get; }

    /// <summary>The instance an instance task runs on (calls of different instances never share a cached result); null for a static task.</summary>
    internal object? Target { get; }

    /// <summary>The task's name, as events and the catalog show it.</summary>
    public string Name { get; }

    /// <summary>The options the task runs with.</summary>
    public TaskOptions Options { get; }

    /// <summary>The types of the task's parameters, in order (a <see cref="CancellationToken"/> parameter is not one of them).</summary>
    public abstract IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>The task's result type; <see cref="ValueTuple"/> for a task that returns no value.</summary>
    public abstract Type ResultType { get; }

    /// <summary>True when the body is synchronous: it then runs on the thread pool, and <c>Map</c>'s default concurrency is the number of cores.</summary>
    public virtual bool IsSynchronous => false;

    /// <summary>Creates a call from untyped arguments, one per parameter; used by patterns that route values at run time.</summary>
    /// <exception cref="ArgumentException">The number or the types of the arguments do not fit the task.</exception>
    public abstract TaskCall CreateCall(ReadOnlySpan<object?> arguments);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// The base of every generated task handle: a task that takes <typeparamref name="TArguments"/> (its single
/// parameter, or a tuple of its parameters) and produces <typeparamref name="TResult"/>.
/// </summary>
/// <typeparam name="TArguments">The parameter type, a tuple of the parameter types, or <see cref="ValueTuple"/> for none.</typeparam>
/// <typeparam name="TResult">The result type, or <see cref="ValueTuple"/> for a task that returns no value.</typeparam>
public abstract partial class TaskHandle<TArguments, TResult> : TaskHandle, ITask<TArguments, TResult>
{
    /// <summary>Creates the handle of a static task.</summary>
    /// <param name="name">The task's name, as events, ids and the catalog show it; without '/', '~', '[' or ']'.</param>
    /// <param name="options">The options the task runs with.</param>
    /// <exception cref="ArgumentException">The name is empty or contains a character call ids reserve.</exception>
    protected TaskHandle(string name, TaskOptions options)
        : base(name, options, null)
    {
    }

    /// <summary>Creates the handle of an instance task, which runs on <paramref name="target"/>.</summary>
    /// <param name="name">The task's name, as events, ids and the catalog show it; without '/', '~', '[' or ']'.</param>
    /// <param name="options">The options the task runs with.</param>
    /// <param name="target">The instance the task runs on: calls of different instances never share a cached result.</param>
    /// <exception cref="ArgumentException">The name is empty or contains a character call ids reserve.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TaskHandle(string name, TaskOptions options, object target)
        : base(name, options, target ?? throw new ArgumentNullException(nameof(target)))
    {
    }

    /// <inheritdoc/>
    public override Type ResultType => typeof(TResult);

    /// <summary>True when the task declares a fallback.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual bool HasFallback => false;

    /// <summary>True when the task declares a rollback.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual bool HasRollback => false;

    /// <summary>Runs the task's body once.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract ValueTask<TResult> InvokeAsync(TArguments arguments, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the exact encoding of <paramref name="arguments"/>, parameter by parameter: what the fingerprint in a call's
    /// id hashes. Generated: see <c>docs/fingerprints.md</c>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract void WriteFingerprint(ref FingerprintWriter writer, TArguments arguments);

    /// <summary>Runs the fallback; only called when <see cref="HasFallback"/> is true.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual ValueTask<TResult> InvokeFallbackAsync(TArguments arguments, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Task '{Name}' has no fallback.");

    /// <summary>Runs the rollback; only called when <see cref="HasRollback"/> is true.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual ValueTask InvokeRollbackAsync(TArguments arguments, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Task '{Name}' has no rollback.");

    // The runtime reaches the protected members through these, so that generated overrides can be plain
    // 'protected' in every assembly (an assembly with InternalsVisibleTo would otherwise need 'protected internal').
    internal bool DeclaresFallback => HasFallback;

    internal bool DeclaresRollback => HasRollback;

    /// <summary>
    /// True when a call needs nothing beyond one run of its body: no retries, timeout or cache, no fallback or rollback
    /// (see <see cref="TaskInvoker"/>'s plain path).
    /// </summary>
    internal bool RunsPlain => !(Options.HasPolicy || HasFallback || HasRollback);

    internal ValueTask<TResult> RunBodyAsync(TArguments arguments, CancellationToken cancellationToken) => InvokeAsync(arguments, cancellationToken);

    internal ValueTask<TResult> RunFallbackAsync(TArguments arguments, CancellationToken cancellationToken) => InvokeFallbackAsync(arguments, cancellationToken);

    internal ValueTask RunRollbackAsync(TArguments arguments, CancellationToken cancellationToken) => InvokeRollbackAsync(arguments, cancellationToken);

    /// <summary>The fingerprint of a call's arguments: the stable 64-bit hash in its id.</summary>
    /// <exception cref="FingerprintException">An argument has no exact encoding; the message names the task.</exception>
    internal ulong HashOf(TArguments arguments)
    {
        var writer = default(FingerprintWriter);
        try
        {
            WriteFingerprint(ref writer, arguments);
        }
        catch (FingerprintException error)
        {
            throw new FingerprintException($"Task '{Name}' cannot fingerprint its arguments: {error.Message}", error.ValueType, error);
        }

        return writer.GetFingerprint();
    }

    /// <summary>Converts untyped arguments, one per parameter, to <typeparamref name="TArguments"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract TArguments ConvertArguments(ReadOnlySpan<object?> arguments);

    /// <summary>A lazy call with these arguments.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected TaskCall<TResult> CreateCall(TArguments arguments) => new TaskCall<TArguments, TResult>(this, arguments);

    /// <inheritdoc/>
    TaskCall<TResult> ITask<TArguments, TResult>.Call(TArguments arguments) => CreateCall(arguments);

    /// <inheritdoc/>
    public sealed override TaskCall CreateCall(ReadOnlySpan<object?> arguments) => CreateCall(ConvertArguments(CheckArguments(arguments)));

    /// <summary>Checks untyped arguments against the parameters: their number, and each one's type.</summary>
    private ReadOnlySpan<object?> CheckArguments(ReadOnlySpan<object?> arguments)
    {
        if (arguments.Length != ParameterTypes.Count)
        {
            throw new ArgumentException(
                $"Task '{Name}' takes {ParameterTypes.Count} argument(s) but was given {arguments.Length}.", nameof(arguments));
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            var expected = ParameterTypes[i];
            var value = arguments[i];
            if (value is null ? expected.IsValueType && Nullable.GetUnderlyingType(expected) is null : !expected.IsInstanceOfType(value))
            {
                throw new ArgumentException(
                    $"Task '{Name}' takes a {expected.Name} as argument {i + 1}, but was given {(value is null ? "null" : value.GetType().Name)}.",
                    nameof(arguments));
            }
        }

        return arguments;
    }

    /// <summary>Applies the task to every item; results in input order. See <see cref="BatchOptions"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<TResult[]> MapCore(IEnumerable<TArguments> items, BatchOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return BatchRunner.MapAsync(this, items, options ?? BatchOptions.Default, cancellationToken);
    }

    /// <summary>Applies the task to every item of an asynchronous sequence; results in input order.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<TResult[]> MapCore(IAsyncEnumerable<TArguments> items, BatchOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return BatchRunner.MapAsync(this, items, options ?? BatchOptions.Default, cancellationToken);
    }

    /// <summary>Applies the task to every item and returns every outcome, success or failure, in input order.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<Outcome<TResult>[]> MapOutcomesCore(IEnumerable<TArguments> items, BatchOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return BatchRunner.MapOutcomesAsync(this, items, options ?? BatchOptions.Default, cancellationToken);
    }

    /// <summary>Applies the task to a sequence of any size with bounded memory, yielding results as a stream.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected IAsyncEnumerable<TResult> MapStreamCore(IAsyncEnumerable<TArguments> items, BatchOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return BatchRunner.MapStreamAsync(this, items, options ?? BatchOptions.Default, cancellationToken);
    }

    /// <summary>Applies the task to a sequence of any size with bounded memory, yielding results as a stream.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected IAsyncEnumerable<TResult> MapStreamCore(IEnumerable<TArguments> items, BatchOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return BatchRunner.MapStreamAsync(this, BatchRunner.ToAsync(items), options ?? BatchOptions.Default, cancellationToken);
    }

    /// <summary>
    /// Runs a synchronous body on the thread pool, so that CPU-bound tasks run in parallel. The body counts as entered
    /// (see rollbacks) only once the pool starts it: a call cancelled while it waits in the queue has nothing to compensate.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static ValueTask<TResult> RunOnThreadPool(Func<TArguments, TResult> body, TArguments arguments, CancellationToken cancellationToken)
    {
        var call = QueueingBody();
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<TResult>(Task.Factory.StartNew(
            static state =>
            {
                var (run, args, call) = ((Func<TArguments, TResult>, TArguments, CallScope?))state!;
                call?.EnteringBody();
                return run(args);
            },
            (body, arguments, call),
            cancellationToken,
            TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default));
    }

    /// <summary>Runs a synchronous body that takes the cancellation token on the thread pool; see the other overload.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static ValueTask<TResult> RunOnThreadPool(Func<TArguments, CancellationToken, TResult> body, TArguments arguments, CancellationToken cancellationToken)
    {
        var call = QueueingBody();
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<TResult>(Task.Factory.StartNew(
            static state =>
            {
                var (run, args, token, call) = ((Func<TArguments, CancellationToken, TResult>, TArguments, CancellationToken, CallScope?))state!;
                call?.EnteringBody();
                return run(args, token);
            },
            (body, arguments, cancellationToken, call),
            cancellationToken,
            TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default));
    }

    /// <summary>Adapts a body that returns a non-generic <see cref="Task"/> to a task with no result.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static async ValueTask<ValueTuple> NoResult(Task running)
    {
        await running.ConfigureAwait(false);
        return default;
    }

    /// <summary>Adapts a body that returns a non-generic <see cref="ValueTask"/> to a task with no result.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected static async ValueTask<ValueTuple> NoResult(ValueTask running)
    {
        await running.ConfigureAwait(false);
        return default;
    }

    /// <summary>The running call whose body is handed to the thread pool: it is not entered until the pool starts it.</summary>
    private static CallScope? QueueingBody()
    {
        var call = Scope.Current as CallScope;
        call?.BodyQueued();
        return call;
    }
}
