namespace Flux;

/// <summary>
/// One execution of a workflow: its identity, state, error and event log. Inside a workflow or a task,
/// the running execution is <see cref="Current"/> (also reachable as <see cref="Workflow.Context"/>, which
/// does not clash with <c>System.Threading.ExecutionContext</c> under implicit usings).
/// </summary>
/// <remarks>
/// The class is split by concern: this file holds the state and the transient recording path (the fast path every
/// in-memory run takes); <c>ExecutionContext.Recording.cs</c> the recording path of executions that are durable,
/// observed, replayed or paused; <c>ExecutionContext.Durable.cs</c> their claims, pauses, resumes and cancellation;
/// <c>ExecutionContext.Typed.cs</c> the typed executions and the run of one pass of the body.
/// </remarks>
public abstract partial class ExecutionContext
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
    /// <remarks>
    /// An execution resumed from a store holds its whole log: the events of earlier runs, loaded from the store, come
    /// first, and their <see cref="ExecutionEvent.Value"/> is the stored JSON (a <see cref="System.Text.Json.JsonElement"/>);
    /// the events of this run keep their values as objects.
    /// </remarks>
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

    /// <summary>True when the run stopped at a pause (<see cref="Workflow.Pause{T}(string)"/>) and waits to be resumed; see <see cref="PausedAt"/>.</summary>
    public bool IsPaused => State == ExecutionState.Paused;

    /// <summary>The name of the pause a paused execution waits at; null otherwise.</summary>
    public string? PausedAt { get; private set; }

    /// <summary>The lock of the log and of the call counts of every scope of this execution.</summary>
    internal Lock Gate => _gate;

    /// <summary>The cache of this execution's tasks with <see cref="TaskOptions.Cache"/>.</summary>
    internal TaskCache Cache { get; }

    /// <summary>The spans and measurements of the current run; null when nobody listens (see <see cref="ExecutionTelemetry"/>).</summary>
    internal ExecutionTelemetry? Telemetry { get; set; }

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
            case ExecutionState.Paused:
                throw new InvalidOperationException($"Workflow '{WorkflowName}' (execution {ExecutionId}) is paused at '{PausedAt}': resume it with ResumeAsync.");
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
        bool recorded;
        lock (Gate)
        {
            _runningRecorded += endsWithRecordEnd ? 1 : 0;
            call.Count(key);
            recorded = AppendCall(ExecutionEventType.TaskStarted, now, call, kept, bits);
        }

        if (recorded)
        {
            Telemetry?.OnCall(ExecutionEventType.TaskStarted, call, arguments);
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
        if (_durable is not null)
        {
            RecordCall(type, call, value);
            return;
        }

        var now = TimeProvider.GetUtcNow();
        var kept = EventValue.Of(value, out var bits);
        bool recorded;
        lock (Gate)
        {
            recorded = AppendCall(type, now, call, kept, bits);
        }

        if (recorded)
        {
            Telemetry?.OnCall(type, call, value);
        }
    }

    /// <summary>
    /// Appends an event of a task call to the in-memory log and hands it to the observer, unless the execution has ended;
    /// returns whether it did. Called under the lock.
    /// </summary>
    private bool AppendCall(ExecutionEventType type, DateTimeOffset now, CallScope call, object? kept, ulong bits)
    {
        if (_closed)
        {
            return false;
        }

        _events.AppendCall(type, now, call, kept, bits);
        _observer?.Notify(this, _events.Count, type, now, call, kept, bits);
        return true;
    }

    /// <summary>Records the last event of a plain recorded call and counts the call as ended, in one step.</summary>
    internal void RecordEnd<T>(ExecutionEventType type, CallScope call, T value)
    {
        var now = TimeProvider.GetUtcNow();
        var kept = EventValue.Of(value, out var bits);
        int running;
        bool recorded;
        lock (Gate)
        {
            recorded = AppendCall(type, now, call, kept, bits);

            running = --_runningRecorded;
        }

        if (recorded)
        {
            Telemetry?.OnCall(type, call, value);
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

    /// <summary>Records an event of the workflow itself and returns its number (0 when dropped after the end).</summary>
    private long RecordWorkflow(ExecutionEventType type, object? value, bool last = false, byte[]? payload = null, ExecutionUpdate? update = null)
    {
        var now = TimeProvider.GetUtcNow();
        lock (Gate)
        {
            if (_closed)
            {
                return 0;
            }

            _events.AppendWorkflow(type, now, WorkflowName, value);
            var sequence = (long)_events.Count;
            if (_durable is { } durable)
            {
                durable.Enqueue(new StoredEvent(sequence, type, now, null, WorkflowName, payload));
                if (update is not null)
                {
                    durable.SetUpdate(update);
                }
            }

            _observer?.NotifyWorkflow(this, sequence, type, now, value);
            _closed |= last;
            return sequence;
        }
    }

    /// <summary>Opens a pass of the body: a new root scope (its call counts start from zero) and a new cancellation source.</summary>
    private void OpenPass(CancellationToken cancellationToken)
    {
        _cancellation = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        CancellationToken = _cancellation.Token;
        Root = new RootScope(this, CancellationToken);
        State = ExecutionState.Running;
        lock (Gate)
        {
            _closed = false;
        }
    }

    private protected void Start(object? input, CancellationToken cancellationToken, byte[]? inputPayload = null)
    {
        if (State != ExecutionState.Created)
        {
            throw new InvalidOperationException($"Execution {ExecutionId} of workflow '{WorkflowName}' was already started.");
        }

        OpenPass(cancellationToken);
        RecordWorkflow(ExecutionEventType.WorkflowStarted, input, payload: inputPayload);
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

            Volatile.Write(ref _drained, null);
        }

        _cancellation!.Dispose();
        return callbackError;
    }

    private protected long Succeed(object? output, byte[]? outputPayload = null)
    {
        State = ExecutionState.Succeeded;
        var now = TimeProvider.GetUtcNow();
        return RecordWorkflow(ExecutionEventType.WorkflowCompleted, output, last: true, outputPayload,
            _durable is null ? null : new ExecutionUpdate { State = State, UpdatedAt = now, FinishedAt = now, Output = outputPayload });
    }

    private protected long Fail(Exception error)
    {
        Error = error;
        State = ExecutionState.Failed;
        var now = TimeProvider.GetUtcNow();
        var failure = _durable is null ? null : RecordedFailure.From(error);
        return RecordWorkflow(ExecutionEventType.WorkflowFailed, error, last: true, _durable is null ? null : PayloadJson.Failure(error),
            failure is null ? null : new ExecutionUpdate { State = State, UpdatedAt = now, FinishedAt = now, ErrorType = failure.Type, ErrorMessage = failure.Message });
    }

    private protected long Cancel(OperationCanceledException error)
    {
        Error = error;
        State = ExecutionState.Cancelled;
        var now = TimeProvider.GetUtcNow();
        return RecordWorkflow(ExecutionEventType.WorkflowCancelled, null, last: true, null,
            _durable is null ? null : new ExecutionUpdate { State = State, UpdatedAt = now, FinishedAt = now });
    }

    private protected long Pause(string name)
    {
        State = ExecutionState.Paused;
        PausedAt = name;
        var now = TimeProvider.GetUtcNow();
        return RecordWorkflow(ExecutionEventType.WorkflowPaused, name, last: true, _durable is null ? null : PayloadJson.Paused(name),
            _durable is null ? null : new ExecutionUpdate { State = State, UpdatedAt = now, PausedAt = name });
    }

    /// <inheritdoc/>
    public override string ToString() => $"{WorkflowName} {ExecutionId} ({State})";
}
