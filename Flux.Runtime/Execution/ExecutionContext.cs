using System.Runtime.ExceptionServices;

namespace Flux;

/// <summary>
/// One execution of a workflow: its identity, state, error and event log. Inside a workflow or a task,
/// the running execution is <see cref="Current"/> (also reachable as <see cref="Workflow.Context"/>, which
/// does not clash with <c>System.Threading.ExecutionContext</c> under implicit usings).
/// </summary>
public abstract class ExecutionContext
{
    private static readonly AsyncLocal<ExecutionContext?> s_current = new();

    private readonly object _gate = new();
    private readonly EventLog _events = new();
    // Keyed by one 64-bit mix of the name's and the arguments' stable hashes: a small key that is cheap to hash keeps
    // the count of a million distinct calls compact. Two different calls would share a count only if their 64-bit mixes
    // collided, and even then their ids stay deterministic (only an occurrence number is skipped).
    private readonly Dictionary<ulong, int> _occurrences = new();

    private protected ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider)
    {
        WorkflowName = workflowName;
        ExecutionId = executionId;
        TimeProvider = timeProvider;
    }

    /// <summary>The execution running on this asynchronous flow, or null outside a workflow.</summary>
    public static ExecutionContext? Current => s_current.Value;

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

    /// <summary>Cancelled when the caller of <c>RunAsync</c> cancels the run.</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>A snapshot of the event log, in the order the events were recorded.</summary>
    public IReadOnlyList<ExecutionEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
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

    internal static ExecutionContext? SwapCurrent(ExecutionContext? context)
    {
        var previous = s_current.Value;
        s_current.Value = context;
        return previous;
    }

    /// <summary>Assigns the next occurrence of a call and records its start, in one step so ids follow start order.</summary>
    internal TaskCallId BeginTaskCall(string name, ulong nameHash, ulong argumentsHash, object? arguments)
    {
        var now = TimeProvider.GetUtcNow();
        var key = nameHash ^ (argumentsHash * 0x9E3779B97F4A7C15UL);
        lock (_gate)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_occurrences, key, out _);
            var occurrence = count++;
            var id = new TaskCallId(name, argumentsHash, occurrence);
            _events.Append(new ExecutionEvent(ExecutionEventType.TaskStarted, now, id, arguments));
            return id;
        }
    }

    /// <summary>Records an event of a task call.</summary>
    internal void Record(ExecutionEventType type, TaskCallId id, object? value = null)
    {
        var evt = new ExecutionEvent(type, TimeProvider.GetUtcNow(), id, value);
        lock (_gate)
        {
            _events.Append(evt);
        }
    }

    private void RecordWorkflow(ExecutionEventType type, object? value)
    {
        var evt = new ExecutionEvent(type, TimeProvider.GetUtcNow(), WorkflowName, ExecutionId, value);
        lock (_gate)
        {
            _events.Append(evt);
        }
    }

    private protected void Start(object? input, CancellationToken cancellationToken)
    {
        if (State != ExecutionState.Created)
        {
            throw new InvalidOperationException($"Execution {ExecutionId} of workflow '{WorkflowName}' was already started.");
        }

        CancellationToken = cancellationToken;
        State = ExecutionState.Running;
        RecordWorkflow(ExecutionEventType.WorkflowStarted, input);
    }

    private protected void Succeed(object? output)
    {
        State = ExecutionState.Succeeded;
        RecordWorkflow(ExecutionEventType.WorkflowCompleted, output);
    }

    private protected void Fail(Exception error)
    {
        Error = error;
        State = ExecutionState.Failed;
        RecordWorkflow(ExecutionEventType.WorkflowFailed, error);
    }

    private protected void Cancel(OperationCanceledException error)
    {
        Error = error;
        State = ExecutionState.Cancelled;
        RecordWorkflow(ExecutionEventType.WorkflowCancelled, null);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{WorkflowName} {ExecutionId} ({State})";
}

/// <summary>The execution of a workflow that takes a <typeparamref name="TInput"/>.</summary>
/// <typeparam name="TInput">The workflow's input type.</typeparam>
public class ExecutionContext<TInput> : ExecutionContext
{
    private protected ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider, TInput input)
        : base(workflowName, executionId, timeProvider)
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
    internal ExecutionContext(string workflowName, string executionId, TimeProvider timeProvider, TInput input)
        : base(workflowName, executionId, timeProvider, input)
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
        var previous = SwapCurrent(this);
        try
        {
            var output = await body(this).ConfigureAwait(false);
            Output = output;
            Succeed(output);
        }
        catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
        {
            Cancel(cancelled);
        }
        catch (Exception error)
        {
            Fail(error);
        }
        finally
        {
            SwapCurrent(previous);
        }
    }
}
