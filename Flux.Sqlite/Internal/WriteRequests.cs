using System.Threading.Tasks.Sources;

namespace Flux.Internal;

/// <summary>One write waiting for the writer: it runs inside the batch's transaction and completes after its commit.</summary>
internal abstract class WriteRequest(string? executionId, CancellationToken cancellationToken)
{
    /// <summary>The execution it writes, for error messages (null for retention).</summary>
    public string? ExecutionId { get; } = executionId;

    /// <summary>What it does, for error messages ("append events").</summary>
    public abstract string Operation { get; }

    /// <summary>How many appends and events it commits (for the statistics).</summary>
    public virtual int Appends => 0;

    /// <inheritdoc cref="Appends"/>
    public virtual int Events => 0;

    /// <summary>Runs the write in the open transaction; throws only for database failures (a refusal is an outcome).</summary>
    public abstract void Execute(SqliteWriter writer);

    /// <summary>
    /// Whether the write reads or changes summaries, so the summaries that appends of the batch owe must be written
    /// first (creates and appends need not).
    /// </summary>
    public virtual bool NeedsSummaries => true;

    /// <summary>Reports the outcome, once the commit is durable.</summary>
    public abstract void Complete();

    /// <summary>Reports a failure: the write is not in the file.</summary>
    public abstract void Fail(Exception error);

    /// <summary>Drops a write whose caller gave up before it reached a transaction.</summary>
    public bool SkipIfCancelled()
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        Fail(new OperationCanceledException(cancellationToken));
        return true;
    }
}

/// <summary>
/// A write with a result, awaited as a <see cref="ValueTask{T}"/> it backs itself. When the caller awaits it while
/// no commit is under way, the caller commits the queue on its own thread (<see cref="SqliteWriter.TryCommitHere"/>):
/// a sequential chain of appends pays no thread hop, and appends queued before anyone awaits still share a commit.
/// </summary>
internal abstract class WriteRequest<T>(SqliteWriter writer, string? executionId, CancellationToken cancellationToken)
    : WriteRequest(executionId, cancellationToken), IValueTaskSource<T>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<T> _core = new() { RunContinuationsAsynchronously = true };
    private T _result = default!;
    private Exception? _refusal;
    private int _completed;

    /// <summary>Queues the write and returns what the caller awaits.</summary>
    public ValueTask<T> Enqueue()
    {
        writer.Enqueue(this);
        return new ValueTask<T>(this, _core.Version);
    }

    /// <summary>Queues the write and returns what the caller awaits, without the result.</summary>
    public ValueTask EnqueueWithoutResult()
    {
        writer.Enqueue(this);
        return new ValueTask(this, _core.Version);
    }

    public sealed override void Execute(SqliteWriter writer)
    {
        _refusal = null;
        if (NeedsSummaries)
        {
            writer.Statements.FlushLogs();
        }

        _result = Run(writer.Statements);
    }

    /// <summary>Runs the write; calls <see cref="Refuse"/> when the store turns it down (the transaction goes on).</summary>
    protected abstract T Run(SqliteStatements statements);

    protected T Refuse(Exception refusal)
    {
        _refusal = refusal;
        return default!;
    }

    public override void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            if (_refusal is null)
            {
                _core.SetResult(_result);
            }
            else
            {
                _core.SetException(_refusal);
            }
        }
    }

    public override void Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            _core.SetException(error);
        }
    }

    public ValueTaskSourceStatus GetStatus(short token)
    {
        var status = _core.GetStatus(token);
        if (status == ValueTaskSourceStatus.Pending && writer.TryCommitHere())
        {
            status = _core.GetStatus(token);
        }

        return status;
    }

    public T GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}

internal sealed class CreateRequest(SqliteWriter writer, ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    : WriteRequest<bool>(writer, execution.ExecutionId, cancellationToken)
{
    public override string Operation => "create the execution";

    public override bool NeedsSummaries => false;

    public override int Events => events.Count;

    protected override bool Run(SqliteStatements s)
    {
        var key = s.InsertExecution(execution, events.Count);
        if (key is null)
        {
            return Refuse(new ExecutionAlreadyExistsException(execution.ExecutionId));
        }

        s.InsertEvents(key.Value, events);
        return true;
    }
}

internal sealed class AppendRequest(SqliteWriter writer, string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update, CancellationToken cancellationToken)
    : WriteRequest<bool>(writer, executionId, cancellationToken)
{
    public override string Operation => "append events";

    public override int Appends => 1;

    public override int Events => events.Count;

    public override bool NeedsSummaries => false;

    protected override bool Run(SqliteStatements s) =>
        s.Append(ExecutionId!, events, update) is { } refusal ? Refuse(refusal) : true;
}

/// <summary>A change of the summary that returns it (claim, renew, release) or whether it applied (cancel request).</summary>
internal sealed class SummaryRequest<T>(SqliteWriter writer, string executionId, string operation, Func<SqliteStatements, T> run, CancellationToken cancellationToken)
    : WriteRequest<T>(writer, executionId, cancellationToken)
{
    public override string Operation => operation;

    protected override T Run(SqliteStatements s) => run(s);
}

internal sealed class DeleteFinishedRequest(SqliteWriter writer, DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    : WriteRequest<int>(writer, null, cancellationToken)
{
    public override string Operation => "delete finished executions";

    protected override int Run(SqliteStatements s) => s.DeleteFinished(finishedBefore);
}
