using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>Child workflows: an execution of their own, one recorded call of the parent, replayed, failed, paused and resumed with it.</summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class ChildWorkflowTests(StoreKind kind) : DurableTest(kind)
{
    private static readonly WorkflowHandle<Order, Receipt> Child = new("charge_order", async ctx =>
    {
        await T.GreetTask.Call(ctx.Input.Id);
        return await T.ChargeTask.Call(ctx.Input);
    });

    private static readonly WorkflowHandle<string, string> Parent = new("checkout", async ctx =>
    {
        var receipt = await Child.CallAsync(new Order("o-7", 9.5m));
        await T.WaitTask.Call(ctx.Input);
        return $"{receipt.OrderId}:{receipt.Charged}";
    });

    [Test]
    public async Task A_child_is_an_execution_of_its_own_and_one_call_of_its_parent()
    {
        Probe.Open("g");
        var ctx = await Parent.RunAsync("g", Options("parent-1"));

        Assert.That(ctx.Output, Is.EqualTo("o-7:9.5"));
        var call = (await EventsOf("parent-1")).First(e => e.Type == ExecutionEventType.TaskStarted);
        Assert.That(call.Name, Is.EqualTo("call:charge_order"));
        Assert.That(await TimelineOf("parent-1"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted call:charge_order", "TaskCompleted call:charge_order", "TaskStarted Wait", "TaskCompleted Wait", "WorkflowCompleted",
        }));

        var childId = "parent-1-" + ChildHash(call.CallId!);
        var child = await Store.GetAsync(childId);
        Assert.That(child, Is.Not.Null, $"the child's id derives from the parent call's id: {childId}");
        Assert.That(child!.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(child.ParentExecutionId, Is.EqualTo("parent-1"));
        Assert.That(child.ParentCallId, Is.EqualTo(call.CallId));
        Assert.That(await TimelineOf(childId), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Greet", "TaskCompleted Greet", "TaskStarted Charge", "TaskCompleted Charge", "WorkflowCompleted",
        }));
        var children = await Store.QueryAsync(new ExecutionQuery { ParentExecutionId = "parent-1" });
        Assert.That(children.Items.Select(r => r.ExecutionId), Is.EqualTo(new[] { childId }));
    }

    [Test]
    public async Task A_resumed_parent_replays_a_finished_child_without_running_it()
    {
        var crashing = new CrashingStore(Store);
        var run = Parent.RunAsync("g", Options("parent-2", owner: "process-A") with { Store = crashing });
        await Probe.WhenReached("g");
        crashing.Crash();
        Probe.Open("g");
        await Assert.ThrowsAsync<ExecutionStoreException>(() => run.Guard());
        Clock.Advance(TimeSpan.FromMinutes(1));

        var ctx = await Parent.ResumeAsync("parent-2", Options(owner: "process-B"));

        Assert.That(ctx.Output, Is.EqualTo("o-7:9.5"));
        Assert.That(Probe.Runs("Charge(o-7)"), Is.EqualTo(1));
        Assert.That(Probe.Runs("Greet(o-7)"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_parent_resumed_while_its_child_was_running_resumes_the_child_by_its_id()
    {
        var slowChild = new WorkflowHandle<string, int>("slow_child", async ctx =>
        {
            var a = await T.AddTask.Call(20, 1);
            return a + await T.WaitTask.Call(ctx.Input);
        });
        var parent = new WorkflowHandle<string, int>("slow_parent", async ctx => await slowChild.CallAsync(ctx.Input) * 2);
        var crashing = new CrashingStore(Store);
        var run = parent.RunAsync("c", Options("parent-3", owner: "process-A") with { Store = crashing });
        await Probe.WhenReached("c");
        crashing.Crash();
        Probe.Open("c");
        await Assert.ThrowsAsync<ExecutionStoreException>(() => run.Guard());
        Clock.Advance(TimeSpan.FromMinutes(1));

        var ctx = await parent.ResumeAsync("parent-3", Options(owner: "process-B"));

        Assert.That(ctx.Output, Is.EqualTo((21 + 2) * 2));
        Assert.That(Probe.Runs("Add(20,1)"), Is.EqualTo(1), "the child replayed its completed call");
        var children = await Store.QueryAsync(new ExecutionQuery { ParentExecutionId = "parent-3" });
        Assert.That(children.Items, Has.Count.EqualTo(1), "the same child, by its deterministic id");
        Assert.That(children.Items[0].State, Is.EqualTo(ExecutionState.Succeeded));
    }

    [Test]
    public async Task A_child_failure_fails_the_parent_call()
    {
        var failingChild = new WorkflowHandle<string, int>("failing_child", async ctx => await T.BoomTask.Call(ctx.Input));
        var parent = new WorkflowHandle<string, string>("failing_parent", async ctx =>
        {
            try
            {
                return (await failingChild.CallAsync(ctx.Input)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TaskFailedException failed)
            {
                return $"{failed.TaskName}|{failed.InnerException!.GetType().Name}|{failed.InnerException.InnerException!.GetType().Name}";
            }
        });

        var ctx = await parent.RunAsync("card declined", Options("parent-4"));

        Assert.That(ctx.Output, Is.EqualTo("call:failing_child|WorkflowFailedException|TaskFailedException"));
        Assert.That((await TimelineOf("parent-4"))[2], Is.EqualTo("TaskFailed call:failing_child"));
    }

    [Test]
    public async Task A_child_that_pauses_pauses_its_parent_and_the_parent_resume_resumes_it()
    {
        var approvingChild = new WorkflowHandle<string, string>("approving_child", async ctx =>
            (await Workflow.Pause<Decision>("manager")).By + " approved " + ctx.Input);
        var parent = new WorkflowHandle<string, string>("approving_parent", async ctx =>
        {
            await T.GreetTask.Call("parent");
            return "[" + await approvingChild.CallAsync(ctx.Input) + "]";
        });

        var paused = await parent.RunAsync("o-1", Options("parent-5"));
        Assert.That(paused.IsPaused, Is.True);
        Assert.That(paused.PausedAt, Is.EqualTo("manager"), "the parent waits at its child's pause");

        var done = await parent.ResumeAsync("parent-5", new Decision(true, "Ada"), Options());

        Assert.That(done.Output, Is.EqualTo("[Ada approved o-1]"));
        Assert.That(Probe.Runs("Greet(parent)"), Is.EqualTo(1));
        var child = (await Store.QueryAsync(new ExecutionQuery { ParentExecutionId = "parent-5" })).Items.Single();
        Assert.That(child.State, Is.EqualTo(ExecutionState.Succeeded));
    }

    [Test]
    public async Task A_transient_parent_runs_its_child_in_memory_and_resumes_a_paused_one_in_process()
    {
        var approvingChild = new WorkflowHandle<string, string>("transient_child", async ctx => await Workflow.Pause<string>("ok?") + ctx.Input);
        var parent = new WorkflowHandle<string, string>("transient_parent", async ctx => await approvingChild.CallAsync(ctx.Input));

        var paused = await parent.RunAsync("!", new RunOptions { TimeProvider = Clock });
        Assert.That(paused.PausedAt, Is.EqualTo("ok?"));
        var done = await parent.ResumeAsync(paused, "yes");

        Assert.That(done.Output, Is.EqualTo("yes!"));
    }

    private static string ChildHash(string callId)
    {
        var hash = System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(callId));
        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
