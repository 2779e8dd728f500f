using System.Collections.Concurrent;

namespace Flux.Hosting.Tests.Support;

/// <summary>An observer a test registers in DI: it tells when an execution finished or paused, without polling.</summary>
public sealed class Finished : IExecutionObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ExecutionEventType>> _ends = new();

    public Task<ExecutionEventType> Of(string executionId) => Source(executionId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void OnEvent(ExecutionContext execution, long sequence, ExecutionEvent executionEvent)
    {
        if (executionEvent.Type is ExecutionEventType.WorkflowCompleted or ExecutionEventType.WorkflowFailed
            or ExecutionEventType.WorkflowCancelled or ExecutionEventType.WorkflowPaused)
        {
            Source(execution.ExecutionId).TrySetResult(executionEvent.Type);
        }
    }

    private TaskCompletionSource<ExecutionEventType> Source(string executionId) =>
        _ends.GetOrAdd(executionId, _ => new TaskCompletionSource<ExecutionEventType>(TaskCreationOptions.RunContinuationsAsynchronously));
}
