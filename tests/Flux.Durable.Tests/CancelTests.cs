using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>CancelAsync: a run in this process, a paused execution, one left by a crash, and one running in another process.</summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public sealed class CancelTests(StoreKind kind) : DurableTest(kind)
{
    private static readonly WorkflowHandle<string, string> Reserving = new("reserving", async ctx =>
    {
        await T.GreetTask.Call("first");
        return await T.ReserveTask.Call(ctx.Input);
    });

    [Test]
    public async Task A_run_in_this_process_is_cancelled_its_running_call_rolled_back()
    {
        var run = Reserving.RunAsync("seat", Options("cancel-1"));
        await Probe.WhenReached("seat");

        Assert.That(await Reserving.CancelAsync("cancel-1", Options()), Is.True);
        var ctx = await run.Guard();

        Assert.That(ctx.IsCancelled, Is.True);
        Assert.That(Probe.Runs("Undo(seat)"), Is.EqualTo(1), "the cancelled call's rollback ran");
        Assert.That(await TimelineOf("cancel-1"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Greet", "TaskCompleted Greet", "TaskStarted Reserve", "TaskCancelled Reserve",
            "TaskRollbackStarted Reserve", "TaskRollbackCompleted Reserve", "WorkflowCancelled",
        }));
        var record = await Store.GetAsync("cancel-1");
        Assert.That(record!.State, Is.EqualTo(ExecutionState.Cancelled));
        Assert.That(record.FinishedAt, Is.Not.Null);
        Assert.That(await Reserving.CancelAsync("cancel-1", Options()), Is.False, "a finished execution is not cancelled again");
    }

    [Test]
    public async Task A_paused_execution_is_recorded_cancelled()
    {
        var pausing = new WorkflowHandle<string, string>("pausing", async _ => await Workflow.Pause<string>("wait"));
        await pausing.RunAsync("x", Options("cancel-2"));

        Assert.That(await pausing.CancelAsync("cancel-2", Options()), Is.True);

        var record = await Store.GetAsync("cancel-2");
        Assert.That(record!.State, Is.EqualTo(ExecutionState.Cancelled));
        Assert.That(record.Owner, Is.Null);
        Assert.That((await TimelineOf("cancel-2"))[^1], Is.EqualTo("WorkflowCancelled"));
        var resumed = await pausing.ResumeAsync("cancel-2", "late", Options());
        Assert.That(resumed.IsCancelled, Is.True, "resuming a cancelled execution returns it as it is");
    }

    [Test]
    public async Task A_run_in_another_process_sees_the_request_at_its_next_lease_renewal()
    {
        var owner = new GatedStore(Store);
        var run = Reserving.RunAsync("seat", Options("cancel-3", owner: "process-A") with { Store = owner });
        await Probe.WhenReached("seat");

        // Another process: it finds the execution running with a live owner, and asks.
        Assert.That(await Reserving.CancelAsync("cancel-3", Options(owner: "process-B") with { Store = OpenAnother() }), Is.True);
        Assert.That((await Store.GetAsync("cancel-3"))!.CancelRequestedAt, Is.EqualTo(Clock.GetUtcNow()));
        Assert.That(run.IsCompleted, Is.False, "the owner has not seen it yet");

        var renewal = owner.NextRenewal();
        Clock.Advance(RunOptions.DefaultLeaseDuration / 3);
        await renewal;
        var ctx = await run.Guard();

        Assert.That(ctx.IsCancelled, Is.True);
        Assert.That(Probe.Runs("Undo(seat)"), Is.EqualTo(1));
        Assert.That((await Store.GetAsync("cancel-3"))!.State, Is.EqualTo(ExecutionState.Cancelled));
    }

    [Test]
    public async Task An_execution_left_running_by_a_crash_is_claimed_and_recorded_cancelled()
    {
        var crashing = new CrashingStore(Store);
        var run = Reserving.RunAsync("seat", Options("cancel-4", owner: "process-A") with { Store = crashing });
        await Probe.WhenReached("seat");
        crashing.Crash();
        Probe.Open("seat");
        await Assert.ThrowsAsync<ExecutionStoreException>(() => run.Guard());
        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(await Reserving.CancelAsync("cancel-4", Options(owner: "process-B")), Is.True);

        Assert.That((await Store.GetAsync("cancel-4"))!.State, Is.EqualTo(ExecutionState.Cancelled));
        Assert.That(await Reserving.CancelAsync("nobody", Options()), Is.False);
    }
}
