using Microsoft.Data.Sqlite;

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

/// <summary>A write with a result.</summary>
internal abstract class WriteRequest<T>(string? executionId, CancellationToken cancellationToken) : WriteRequest(executionId, cancellationToken)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;
    private Exception? _refusal;

    public Task<T> Task => _completion.Task;

    public sealed override void Execute(SqliteWriter writer)
    {
        _refusal = null;
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
        if (_refusal is null)
        {
            _completion.TrySetResult(_result);
        }
        else
        {
            _completion.TrySetException(_refusal);
        }
    }

    public override void Fail(Exception error)
    {
        if (error is OperationCanceledException canceled)
        {
            _completion.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(error);
        }
    }
}

internal sealed class CreateRequest(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    : WriteRequest<bool>(execution.ExecutionId, cancellationToken)
{
    public override string Operation => "create the execution";

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

internal sealed class AppendRequest(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update, CancellationToken cancellationToken)
    : WriteRequest<bool>(executionId, cancellationToken)
{
    public override string Operation => "append events";

    public override int Appends => 1;

    public override int Events => events.Count;

    protected override bool Run(SqliteStatements s)
    {
        var key = s.AdvanceLog(ExecutionId!, events, update);
        if (key is null)
        {
            return Refuse(s.LastSequence(ExecutionId!) is { } last
                ? StoreRules.SequenceMismatch(ExecutionId!, last, events)
                : new ExecutionNotFoundException(ExecutionId!));
        }

        s.InsertEvents(key.Value, events);
        return true;
    }
}

/// <summary>A change of the summary that returns it (claim, renew, release) or whether it applied (cancel request).</summary>
internal sealed class SummaryRequest<T>(string executionId, string operation, Func<SqliteStatements, T> run, CancellationToken cancellationToken)
    : WriteRequest<T>(executionId, cancellationToken)
{
    public override string Operation => operation;

    protected override T Run(SqliteStatements s) => run(s);
}

internal sealed class DeleteFinishedRequest(DateTimeOffset finishedBefore, CancellationToken cancellationToken)
    : WriteRequest<int>(null, cancellationToken)
{
    public override string Operation => "delete finished executions";

    protected override int Run(SqliteStatements s) => s.DeleteFinished(finishedBefore);
}
