using Flux.Generators.Tests.Behaviour;

namespace Flux.Generators.Tests;

/// <summary>
/// One table of graphs, each run by both executors: the body the generator writes for a declared graph, and
/// <see cref="Graph.RunAsync{TInput, TOutput}"/> for the same graph built in code. Both must give the same outcome:
/// output or error (type and message), and the same calls with the same ids.
/// </summary>
public sealed class GraphParityTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("a chain", GraphParity.LinearWorkflow, GraphParity.LinearFluentWorkflow, "  hi ");
        yield return Case("independent branches and a join", GraphParity.DiamondWorkflow, GraphParity.DiamondFluentWorkflow, " MiXed ");
        yield return Case("a failing branch cancels and awaits its sibling", GraphParity.FailingWorkflow, GraphParity.FailingFluentWorkflow, "x");
        yield return Case("a condition that throws", GraphParity.ThrowingWorkflow, GraphParity.ThrowingFluentWorkflow, "x");
        yield return Case("asynchronous conditions, one way", GraphParity.ChoosingWorkflow, GraphParity.ChoosingFluentWorkflow, " long text ");
        yield return Case("asynchronous conditions, the other way", GraphParity.ChoosingWorkflow, GraphParity.ChoosingFluentWorkflow, " Ab ");
        yield return Case("no end node reached", GraphParity.StrandedWorkflow, GraphParity.StrandedFluentWorkflow, "x");
    }

    private static TestCaseData Case(string name, WorkflowHandle<string, string> declared, WorkflowHandle<string, string> fluent, string input) =>
        new TestCaseData(declared, fluent, input).SetName("Both executors agree: " + name);

    [TestCaseSource(nameof(Cases))]
    public async Task Both_executors_agree(WorkflowHandle<string, string> declared, WorkflowHandle<string, string> fluent, string input)
    {
        var fromDeclaration = await RunAsync(declared, input);
        var fromGraph = await RunAsync(fluent, input);

        Assert.That(fromDeclaration.Output, Is.EqualTo(fromGraph.Output));
        Assert.That(fromDeclaration.Error, Is.EqualTo(fromGraph.Error));
        Assert.That(fromDeclaration.Calls, Is.EqualTo(fromGraph.Calls), "the same calls, with the same ids");
        Assert.That(fromDeclaration.WaitSawCancellation, Is.EqualTo(fromGraph.WaitSawCancellation));
    }

    [Test]
    public async Task A_failing_branch_fails_the_run_with_its_error_after_its_sibling_stopped()
    {
        var run = await RunAsync(GraphParity.FailingWorkflow, "x");

        Assert.That(run.Error, Does.StartWith(nameof(TaskFailedException) + ": ").And.Contain("no way: x"));
        Assert.That(run.WaitSawCancellation, Is.True, "the sibling was cancelled, and the run waited for it to stop");
        Assert.That(run.Calls, Has.Some.Contains("graph:failing/wait/"));
    }

    [Test]
    public async Task A_throwing_condition_fails_as_a_graph_run_exception_naming_the_edge()
    {
        var run = await RunAsync(GraphParity.ThrowingWorkflow, "x");

        Assert.That(run.Error, Does.StartWith(nameof(GraphRunException) + ": ").And.Contain("'parse'").And.Contain("'upper'").And.Contain("Throws"));
    }

    /// <summary>Runs a workflow with fresh gates and says what came of it.</summary>
    private static async Task<Outcome> RunAsync(WorkflowHandle<string, string> workflow, string input)
    {
        GraphParity.Gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        GraphParity.Waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        GraphParity.WaitSawCancellation = false;
        var context = await workflow.RunAsync(input);
        var error = context.Error is { } e ? Unwrap(e) : null;

        // A task's failure names its workflow and execution, which differ between the two runs by design.
        var message = error?.Message
            .Replace("workflow '" + workflow.Name + "'", "workflow '<workflow>'", StringComparison.Ordinal)
            .Replace(context.ExecutionId, "<execution>", StringComparison.Ordinal);
        return new Outcome(
            context.HasSucceeded ? context.Output : null,
            error is null ? null : error.GetType().Name + ": " + message,
            context.Events.Where(ev => ev.Type == ExecutionEventType.TaskStarted).Select(ev => ev.CallId.ToString()).Order(StringComparer.Ordinal).ToArray(),
            GraphParity.WaitSawCancellation);
    }

    private static Exception Unwrap(Exception error) => error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;

    private sealed record Outcome(string? Output, string? Error, string[] Calls, bool WaitSawCancellation)
    {
        public bool Equals(Outcome? other) =>
            other is not null && Output == other.Output && Error == other.Error && Calls.SequenceEqual(other.Calls) && WaitSawCancellation == other.WaitSawCancellation;

        public override int GetHashCode() => HashCode.Combine(Output, Error, Calls.Length, WaitSawCancellation);
    }
}
