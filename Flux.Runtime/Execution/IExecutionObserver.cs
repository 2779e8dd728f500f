namespace Flux;

/// <summary>
/// Sees what an execution does as it happens: every event it records and the progress of its Maps and Parallels. Set
/// one on <see cref="RunOptions.Observer"/> (a host logs and traces through it, a command line draws progress bars);
/// with none set, executions pay nothing for it.
/// </summary>
/// <remarks>
/// The methods are called on the execution's own threads: <see cref="OnEvent"/> while the execution's log is locked,
/// in the order of the log, so keep them short and never block or throw (hand the work to a queue if it is slow). An
/// exception thrown by an observer is caught and dropped: it never changes what the execution does.
/// </remarks>
public interface IExecutionObserver
{
    /// <summary>An event was recorded.</summary>
    /// <param name="execution">The execution that recorded it.</param>
    /// <param name="sequence">Its number in the execution's log: 1 for the first event (the number a durable store keeps).</param>
    /// <param name="executionEvent">The event.</param>
    void OnEvent(ExecutionContext execution, long sequence, ExecutionEvent executionEvent);

    /// <summary>A call of a Map or a Parallel finished (succeeded, failed or was cancelled).</summary>
    /// <param name="execution">The execution the batch runs in.</param>
    /// <param name="progress">How far the batch is.</param>
    void OnProgress(ExecutionContext execution, BatchProgress progress)
    {
    }
}

/// <summary>How far a Map or a Parallel is.</summary>
/// <param name="Batch">The batch's place in the execution: its scope path and kind, as its calls' ids start (<c>map:charge</c>, <c>parallel~1</c>, <c>order_3f../map:ship</c>).</param>
/// <param name="TaskName">The task of a Map; null for a Parallel.</param>
/// <param name="Done">How many of its calls have finished.</param>
/// <param name="Total">How many calls it has.</param>
public readonly record struct BatchProgress(string Batch, string? TaskName, int Done, int Total);
