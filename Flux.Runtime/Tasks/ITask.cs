namespace Flux;

/// <summary>
/// A task seen as a function from <typeparamref name="TArguments"/> to <typeparamref name="TResult"/>: what
/// <see cref="Workflow.Pipeline{T0, T1}(T0, ITask{T0, T1}, CancellationToken)"/> chains. A task with one
/// parameter takes that parameter; a task with several takes them as a tuple.
/// </summary>
public interface ITask<in TArguments, TResult>
{
    /// <summary>The task's name.</summary>
    string Name { get; }

    /// <summary>A lazy call of the task with these arguments.</summary>
    TaskCall<TResult> Call(TArguments arguments);
}
