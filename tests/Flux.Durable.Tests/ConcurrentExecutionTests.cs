using System.Text;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>
/// A thousand executions of one workflow run, pause and resume at once in one store: they make the same calls (the same
/// call ids), so any mix-up between their logs, replay indexes or claims would show in their events or outputs.
/// </summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public sealed class ConcurrentExecutionTests(StoreKind kind) : DurableTest(kind)
{
    private const int Executions = 1000;

    private static readonly WorkflowHandle<int, string> Workflow_ = new("thousand", async ctx =>
    {
        var sum = await T.AddTask.Call(ctx.Input, ctx.Input);
        var value = await Workflow.Pause<int>("p");
        return await T.GreetTask.Call($"{ctx.Input}:{sum}:{value}");
    });

    [Test]
    public async Task A_thousand_executions_at_once_keep_their_own_events_and_results()
    {
        var ids = Enumerable.Range(0, Executions).ToArray();

        var paused = await Task.WhenAll(ids.Select(i => Workflow_.RunAsync(i, Options($"c-{i}"))));
        Assert.That(paused.All(p => p.IsPaused), Is.True);

        var done = await Task.WhenAll(ids.Select(i => Workflow_.ResumeAsync($"c-{i}", i * 3, Options())));

        for (var i = 0; i < Executions; i++)
        {
            Assert.That(done[i].ExecutionId, Is.EqualTo($"c-{i}"));
            Assert.That(done[i].Output, Is.EqualTo($"Hello, {i}:{2 * i}:{3 * i}"));
        }

        Assert.That(Probe.Runs("Add(0,0)"), Is.EqualTo(1), "a replayed call did not run again");
        foreach (var i in new[] { 0, 1, 499, 998, 999 })
        {
            var events = await EventsOf($"c-{i}");
            Assert.That(events.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, events.Count).Select(s => (long)s)));
            Assert.That(await TimelineOf($"c-{i}"), Is.EqualTo(new[]
            {
                "WorkflowStarted", "TaskStarted Add", "TaskCompleted Add", "TaskStarted flux:pause", "TaskPaused flux:pause", "WorkflowPaused",
                "WorkflowResumed", "TaskResumed flux:pause", "TaskCompleted flux:pause", "TaskStarted Greet", "TaskCompleted Greet", "WorkflowCompleted",
            }));
            Assert.That(Encoding.UTF8.GetString(events[2].Payload!), Is.EqualTo((2 * i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Encoding.UTF8.GetString(events[8].Payload!), Is.EqualTo((3 * i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var succeeded = new HashSet<string>();
        string? token = null;
        do
        {
            var page = await Store.QueryAsync(new ExecutionQuery { WorkflowName = "thousand", States = [ExecutionState.Succeeded], ContinuationToken = token });
            succeeded.UnionWith(page.Items.Select(e => e.ExecutionId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.That(succeeded, Is.EquivalentTo(ids.Select(i => $"c-{i}")));
    }
}
