using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;

namespace Flux;

/// <summary>
/// The scope of one run of a pattern (a Map, a Parallel, a streaming map, a graph run): the parent of the calls in its
/// slots. It owns a cancellation source linked to the enclosing scope's token, to the caller's token and to its time
/// limit, keeps the first failure of its calls, and on that failure cancels the others; a cancellation callback that
/// throws never replaces that failure.
/// </summary>
internal abstract class PatternScope : Scope, IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationToken _enclosingToken;
    private readonly CancellationToken _callerToken;
    private readonly TimeSpan? _timeLimit;
    private ExceptionDispatchInfo? _firstFailure;
    private Exception? _callbackError;

    /// <param name="parent">The scope the pattern runs in (the ambient scope); null outside any.</param>
    /// <param name="key">What the parent counts the pattern's occurrences by.</param>
    /// <param name="records">False when the pattern's calls are not recorded (a streaming map).</param>
    /// <param name="timeout">A time limit for the whole run, on the execution's clock; null for none.</param>
    /// <param name="callerToken">The token the caller passed; linked to the enclosing scope's token, not replacing it.</param>
    /// <param name="failFast">True when the first failure of a call stops the others; false when collecting outcomes.</param>
    protected PatternScope(Scope? parent, ulong key, bool records, TimeSpan? timeout, CancellationToken callerToken, bool failFast = true)
        : base(parent, default)
    {
        Execution = parent?.Execution;
        Records = records && (parent?.Records ?? false);
        parent?.BecameParent();
        FailFast = failFast;
        Occurrence = parent?.CountChild(key) ?? 0;
        _enclosingToken = parent?.Token ?? default;
        _callerToken = callerToken == _enclosingToken ? default : callerToken;
        if (timeout is { } limit && limit != System.Threading.Timeout.InfiniteTimeSpan)
        {
            _timeLimit = limit;
            _timeout = new CancellationTokenSource(limit, Execution?.TimeProvider ?? TimeProvider.System);
        }

        _cancellation = Link(_enclosingToken, _callerToken, _timeout?.Token ?? default);
        Token = _cancellation.Token;
    }

    public override ExecutionContext? Execution { get; }

    public override bool Records { get; }

    /// <summary>
    /// True when the pattern awaits the durable commit of its calls' completions itself, once all of them finished
    /// (a Map or a Parallel, whose items' results nobody sees before it returns); false when each call commits before
    /// its result is used (a graph routes a node's output to the next nodes at once).
    /// </summary>
    public virtual bool CommitsItsSlots => false;

    /// <summary>The occurrence of this pattern (of this kind and name) in its parent: 0 for the first.</summary>
    public int Occurrence { get; }

    /// <summary>True when the first failure of a call stops the others.</summary>
    public bool FailFast { get; }

    /// <summary>True once a call failed (the first failure is kept and the others were cancelled).</summary>
    public bool HasFailed => Volatile.Read(ref _firstFailure) is not null;

    /// <summary>True when the run was stopped by its time limit rather than by its caller or its enclosing scope.</summary>
    public bool TimedOut => _timeout is { IsCancellationRequested: true } && !StoppedByCaller;

    private bool StoppedByCaller => _enclosingToken.IsCancellationRequested || _callerToken.IsCancellationRequested;

    /// <summary>
    /// Keeps <paramref name="error"/> as the run's failure unless another came first, and then cancels the other calls.
    /// Returns true when it was the first.
    /// </summary>
    public bool TryFail(Exception error)
    {
        if (Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(error), null) is not null)
        {
            return false;
        }

        _callbackError = Cancellations.Cancel(_cancellation);
        return true;
    }

    /// <summary>
    /// The call in one of this pattern's slots finally failed (after its retries, fallback and rollback): in fail-fast mode
    /// its failure stops the others at once, from the failing call's own flow, before anyone awaits it.
    /// </summary>
    public void SlotFailed(Exception failure)
    {
        if (FailFast)
        {
            TryFail(failure);
        }
    }

    /// <summary>Cancels the calls still running (the run is over, or its consumer stopped); a throwing callback is kept, not thrown.</summary>
    public void CancelRemaining()
    {
        if (!_cancellation.IsCancellationRequested)
        {
            _callbackError ??= Cancellations.Cancel(_cancellation);
        }
    }

    /// <summary>True when <paramref name="error"/> is a cancellation that this run's token caused (a sibling failed, the caller cancelled, the time ran out).</summary>
    public bool IsCancellation(Exception error) => error is OperationCanceledException && Token.IsCancellationRequested;

    /// <summary>The first failure of the run's calls; null while none failed.</summary>
    public Exception? FirstFailure => Volatile.Read(ref _firstFailure)?.SourceException;

    /// <summary>
    /// Throws why the run stopped before all its calls succeeded: the first failure (with its stack trace), else a
    /// <see cref="TimeoutException"/> for the time limit, else the caller's cancellation.
    /// </summary>
    public void ThrowStopped(string description)
    {
        ThrowIfFailed();
        if (TimedOut)
        {
            throw new TimeoutException($"{description} did not finish within its batch timeout of {_timeLimit}; the running calls were cancelled.");
        }

        var cancelled = _callerToken.IsCancellationRequested ? _callerToken : _enclosingToken;
        throw new OperationCanceledException($"{description} was cancelled.", cancelled.IsCancellationRequested ? cancelled : Token);
    }

    /// <summary>Throws the first failure (with its stack trace, and a throwing cancellation callback's exception in its data), if a call failed.</summary>
    public void ThrowIfFailed()
    {
        if (Volatile.Read(ref _firstFailure) is { } failure)
        {
            Cancellations.Attach(failure.SourceException, _callbackError);
            failure.Throw();
        }
    }

    /// <summary>
    /// Appends what every slot of this run starts with (part of its calls' ids): the parent's prefix, then
    /// <paramref name="kind"/> and <paramref name="name"/> (<c>map:T</c>, <c>parallel</c>, <c>graph:G</c>) and, for a
    /// run after the first of its kind in the parent, <c>~n</c>.
    /// </summary>
    protected void AppendRunPrefix(StringBuilder text, string kind, string? name)
    {
        AppendParentPrefix(text);
        text.Append(kind).Append(name);
        if (Occurrence > 0)
        {
            text.Append('~').Append(Occurrence.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Appends the index of an item's slot (part of its call's id): <c>[k]/</c>.</summary>
    protected static void AppendItemIndex(StringBuilder text, int slot) =>
        text.Append('[').Append(slot.ToString(CultureInfo.InvariantCulture)).Append("]/");

    /// <summary>Keeps the exception of a cancellation callback that threw with the first failure, if there is one.</summary>
    protected void AttachCallbackError()
    {
        if (FirstFailure is { } failure)
        {
            Cancellations.Attach(failure, _callbackError);
        }
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        _timeout?.Dispose();
    }

    private static CancellationTokenSource Link(CancellationToken a, CancellationToken b, CancellationToken c)
    {
        // Only the tokens that can cancel take part; a run inside nothing cancellable still needs a source of its own.
        return (a.CanBeCanceled, b.CanBeCanceled, c.CanBeCanceled) switch
        {
            (false, false, false) => new CancellationTokenSource(),
            (true, false, false) => CancellationTokenSource.CreateLinkedTokenSource(a),
            (false, true, false) => CancellationTokenSource.CreateLinkedTokenSource(b),
            (false, false, true) => CancellationTokenSource.CreateLinkedTokenSource(c),
            (true, true, false) => CancellationTokenSource.CreateLinkedTokenSource(a, b),
            (true, false, true) => CancellationTokenSource.CreateLinkedTokenSource(a, c),
            (false, true, true) => CancellationTokenSource.CreateLinkedTokenSource(b, c),
            (true, true, true) => CancellationTokenSource.CreateLinkedTokenSource(a, b, c),
        };
    }
}
