namespace Flux;

/// <summary>
/// One execution of a workflow: its identity, state, error and event log. Inside a workflow or a task,
/// the running execution is <see cref="Current"/> (also reachable as <see cref="Workflow.Context"/>, which
/// does not clash with <c>System.Threading.ExecutionContext</c> under implicit usings).
/// </summary>
public abstract class ExecutionContext
{
    private readonly EventLog _events = new();
    private readonly Lock _gate = new();
    private CancellationTokenSource? _cancellation;
    private int _runningCalls;   // calls that end through CallEnded (changed with Interlocked)
    private int _runningRecorded; // plain recorded calls, which end in RecordEnd (changed under the lock)
    private TaskCompletionSource? _drained;
    private bool _closed;

    private protected ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider, TaskCache cache)
    {
        WorkflowName = workflowName;
        ExecutionId = executionId;
        TimeProvider = timeProvider;
        Cache = cache;
    }

    /// <summary>The execution running on this asynchronous flow, or null outside a workflow.</summary>
    public static ExecutionContext? Current => Scope.Current?.Execution;

    /// <summary>The workflow's name.</summary>
    public string WorkflowName { get; }

    /// <summary>The id of this execution.</summary>
    public string ExecutionId { get; }

    /// <summary>Where the execution is in its life cycle.</summary>
    public ExecutionState State { get; private set; } = ExecutionState.Created;

    /// <summary>The exception of a failed run; null otherwise.</summary>
    public Exception? Error { get; private set; }

    /// <summary>The clock of this execution (event times, retry delays, timeouts).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// The token of the workflow body: cancelled when the caller of <c>RunAsync</c> cancels the run, and when the run
    /// ends (so that nothing it started outlives it). Every call the workflow makes links to it.
    /// </summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>A snapshot of the event log, in the order the events were recorded.</summary>
    public IReadOnlyList<ExecutionEvent> Events
    {
        get
        {
            lock (Gate)
            {
                return _events.ToArray(ExecutionId);
            }
        }
    }

    /// <summary>True once the run succeeded, failed or was cancelled.</summary>
    public bool HasFinished => State is ExecutionState.Succeeded or ExecutionState.Failed or ExecutionState.Cancelled;

    /// <summary>True when the workflow returned its output.</summary>
    public bool HasSucceeded => State == ExecutionState.Succeeded;

    /// <summary>True when the workflow threw; see <see cref="Error"/>.</summary>
    public bool HasFailed => State == ExecutionState.Failed;

    /// <summary>True when the run was cancelled.</summary>
    public bool IsCancelled => State == ExecutionState.Cancelled;

    /// <summary>The lock of the log and of the call counts of every scope of this execution.</summary>
    internal Lock Gate => _gate;

    /// <summary>The cache of this execution's tasks with <see cref="TaskOptions.Cache"/>.</summary>
    internal TaskCache Cache { get; }

    /// <summary>The scope of the workflow body; null before the run starts.</summary>
    internal RootScope? Root { get; private set; }

    /// <summary>Throws <see cref="WorkflowFailedException"/> (with the original exception inside) unless the run succeeded.</summary>
    public void ThrowIfFailed()
    {
        switch (State)
        {
            case ExecutionState.Succeeded:
                return;
            case ExecutionState.Failed:
                throw new WorkflowFailedException(WorkflowName, ExecutionId, Error!);
            case ExecutionState.Cancelled:
                throw new OperationCanceledException($"Workflow '{WorkflowName}' (execution {ExecutionId}) was cancelled.", Error, CancellationToken);
            default:
                throw new InvalidOperationException($"Workflow '{WorkflowName}' (execution {ExecutionId}) has not finished: its state is {State}.");
        }
    }

    /// <summary>
    /// A call starts: assigns its occurrence and position in its scope and, when it is recorded, its <c>TaskStarted</c>
    /// event, in one step under the execution's lock, so that the log shows calls in the order their ids were assigned.
    /// The execution counts the call as running until it ends: a plain recorded call (<paramref name="endsWithRecordEnd"/>)
    /// in <see cref="RecordEnd"/>, any other in <see cref="CallEnded"/>.
    /// </summary>
    internal void BeginCall<TArguments>(CallScope call, ulong key, TArguments arguments, bool records, bool endsWithRecordEnd)
    {
        if (!records)
        {
            Interlocked.Increment(ref _runningCalls);
            if (call.Slot >= 0)
            {
                return;
            }

            lock (Gate)
            {
                call.Count(key);
            }

            return;
        }

        if (!endsWithRecordEnd)
        {
            Interlocked.Increment(ref _runningCalls);
        }

        var now = TimeProvider.GetUtcNow();
        var kept = EventValue.Of(arguments, out var bits);
        lock (Gate)
        {
            _runningRecorded += endsWithRecordEnd ? 1 : 0;
            call.Count(key);
            if (!_closed)
            {
                _events.AppendCall(ExecutionEventType.TaskStarted, now, call, kept, bits);
            }
        }
    }

    /// <summary>A call that <see cref="BeginCall"/> counted (not a plain recorded one) has ended.</summary>
    internal void CallEnded()
    {
        if (Interlocked.Decrement(ref _runningCalls) == 0)
        {
            SignalIfDrained();
        }
    }

    /// <summary>Records an event of a task call, without a value; dropped once the execution has ended.</summary>
    internal void Record(ExecutionEventType type, CallScope call) => Record<object?>(type, call, null);

    /// <summary>Records an event of a task call; dropped once the execution has ended.</summary>
    internal void Record<T>(ExecutionEventType type, CallScope call, T value)
    {
        var now = TimeProvider.GetUtcNow();
        var kept = EventValue.Of(value, out var bits);
        lock (Gate)
        {
            if (!_closed)
            {
                _events.AppendCall(type, now, call, kept, bits);
            }
        }
    }

    /// <summary>Records the last event of a plain recorded call and counts the call as ended, in one step.</summary>
    internal void RecordEnd<T>(ExecutionEventType type, CallScope call, T value)
    {
        var now = TimeProvider.GetUtcNow();
        var kept = EventValue.Of(value, out var bits);
        int running;
        lock (Gate)
        {
            if (!_closed)
            {
                _events.AppendCall(type, now, call, kept, bits);
            }

            running = --_runningRecorded;
        }

        if (running == 0)
        {
            SignalIfDrained();
        }
    }

    private void SignalIfDrained()
    {
        if (Volatile.Read(ref _drained) is { } drained && IsDrained)
        {
            drained.TrySetResult();
        }
    }

    private bool IsDrained => Volatile.Read(ref _runningCalls) == 0 && Volatile.Read(ref _runningRecorded) == 0;

    private void RecordWorkflow(ExecutionEventType type, object? value, bool last = false)
    {
        var now = TimeProvider.GetUtcNow();
        lock (Gate)
        {
            _events.AppendWorkflow(type, now, WorkflowName, value);
            _closed |= last;
        }
    }

    private protected void Start(object? input, CancellationToken cancellationToken)
    {
        if (State != ExecutionState.Created)
        {
            throw new InvalidOperationException($"Execution {ExecutionId} of workflow '{WorkflowName}' was already started.");
        }

        _cancellation = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        CancellationToken = _cancellation.Token;
        Root = new RootScope(this, CancellationToken);
        State = ExecutionState.Running;
        RecordWorkflow(ExecutionEventType.WorkflowStarted, input);
    }

    /// <summary>
    /// The body has returned or thrown: cancels whatever the execution started that is still running (a call nobody
    /// awaited, the calls of an abandoned attempt) and waits until it stopped, so that the terminal event is the last.
    /// Returns the exception of a cancellation callback that threw, if one did.
    /// </summary>
    private protected async Task<Exception?> StopEverythingAsync()
    {
        var callbackError = Cancellations.Cancel(_cancellation!);
        if (!IsDrained)
        {
            var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _drained, drained);
            if (!IsDrained)
            {
                await drained.Task.ConfigureAwait(false);
            }
        }

        _cancellation!.Dispose();
        return callbackError;
    }

    private protected void Succeed(object? output)
    {
        State = ExecutionState.Succeeded;
        RecordWorkflow(ExecutionEventType.WorkflowCompleted, output, last: true);
    }

    private protected void Fail(Exception error)
    {
        Error = error;
        State = ExecutionState.Failed;
        RecordWorkflow(ExecutionEventType.WorkflowFailed, error, last: true);
    }

    private protected void Cancel(OperationCanceledException error)
    {
        Error = error;
        State = ExecutionState.Cancelled;
        RecordWorkflow(ExecutionEventType.WorkflowCancelled, null, last: true);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{WorkflowName} {ExecutionId} ({State})";
}

/// <summary>The execution of a workflow that takes a <typeparamref name="TInput"/>.</summary>
/// <typeparam name="TInput">The workflow's input type.</typeparam>
public class ExecutionContext<TInput> : ExecutionContext
{
    private protected ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider, TaskCache cache, TInput input)
        : base(workflowName, executionId, timeProvider, cache)
    {
        Input = input;
    }

    /// <summary>The workflow's input.</summary>
    public TInput Input { get; }
}

/// <summary>
/// The execution of a workflow from <typeparamref name="TInput"/> to <typeparamref name="TOutput"/>, as
/// <c>RunAsync</c> returns it: finished, with a typed <see cref="Output"/>.
/// </summary>
/// <typeparam name="TInput">The workflow's input type.</typeparam>
/// <typeparam name="TOutput">The workflow's output type.</typeparam>
public sealed class ExecutionContext<TInput, TOutput> : ExecutionContext<TInput>
{
    internal ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider, TaskCache cache, TInput input)
        : base(workflowName, executionId, timeProvider, cache, input)
    {
    }

    /// <summary>The workflow's output once it succeeded; <c>default</c> otherwise.</summary>
    public TOutput? Output { get; private set; }

    /// <summary>The output of a successful run; otherwise throws as <see cref="ExecutionContext.ThrowIfFailed"/> does.</summary>
    public TOutput GetOutputOrThrow()
    {
        ThrowIfFailed();
        return Output!;
    }

    internal async Task RunAsync(Func<ExecutionContext<TInput>, ValueTask<TOutput>> body, CancellationToken cancellationToken)
    {
        Start(Input, cancellationToken);
        Scope.Current = Root;
        TOutput output = default!;
        Exception? error = null;
        OperationCanceledException? cancelled = null;
        try
        {
            output = await body(this).ConfigureAwait(false);
        }
        catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = stopped;
        }
        catch (Exception failed)
        {
            error = failed;
        }

        // Nothing the run started outlives it, and nothing records after its terminal event.
        var callbackError = await StopEverythingAsync().ConfigureAwait(false);
        if (callbackError is not null)
        {
            // A cancellation callback threw while the strays were stopped: it does not replace a failure, but it is
            // not lost either: it fails a run that had succeeded.
            if (error is null && cancelled is null)
            {
                error = callbackError;
            }
            else
            {
                Cancellations.Attach((error ?? cancelled)!, callbackError);
            }
        }

        if (error is not null)
        {
            Fail(error);
        }
        else if (cancelled is not null)
        {
            Cancel(cancelled);
        }
        else
        {
            Output = output;
            Succeed(output);
        }
    }
}
