using Microsoft.Extensions.Time.Testing;

namespace Flux.Hosting.Tests.Support;

/// <summary>A first process that runs an execution and dies: its store stops writing, then its run is abandoned.</summary>
public static class Crash
{
    /// <summary>
    /// Runs <paramref name="workflow"/> as owner <c>process-A</c> over <paramref name="store"/> until
    /// <paramref name="until"/> completes, then kills it: nothing it does after that reaches the store, and the execution
    /// is left Running with process-A's claim.
    /// </summary>
    public static async Task LeaveRunningAsync(
        IExecutionStore store, WorkflowHandle<string, string> workflow, string input, string executionId, FakeTimeProvider clock, Func<CrashingStore, Task> until)
    {
        var crashing = new CrashingStore(store);
        using var kill = new CancellationTokenSource();
        var run = workflow.RunAsync(input, new RunOptions { Store = crashing, ExecutionId = executionId, Owner = "process-A", TimeProvider = clock }, kill.Token);
        await until(crashing);
        crashing.Crash();
        await kill.CancelAsync();
        Assert.That(async () => await run, Throws.InstanceOf<Exception>(), "the first process could not store its outcome");
        var left = await store.GetAsync(executionId);
        Assert.That(left!.State, Is.EqualTo(ExecutionState.Running));
        Assert.That(left.Owner, Is.EqualTo("process-A"));
    }
}
