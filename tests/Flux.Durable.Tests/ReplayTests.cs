using System.Text.Json;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>
/// Resuming a durable execution: recorded calls replay by id without running, what had not completed runs again, and
/// a workflow that no longer makes the recorded calls is caught. "Crashes" are made in process: the run's store is cut
/// off (<see cref="CrashingStore"/>), as if its process were killed, and another view of the store resumes it.
/// </summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public sealed class ReplayTests(StoreKind kind) : DurableTest(kind)
{
    /// <summary>a = Add(1,2); b = Wait(gate); return Add(a, b).</summary>
    private static WorkflowHandle<string, int> AddWaitAdd(string name = "add_wait_add") => new(name, async ctx =>
    {
        var a = await T.AddTask.Call(1, 2);
        var b = await T.WaitTask.Call(ctx.Input);
        return await T.AddTask.Call(a, b);
    });

    /// <summary>Runs <paramref name="workflow"/> as <paramref name="owner"/> until a body waits at <paramref name="gate"/>, then kills its store: the run stops writing there.</summary>
    private async Task CrashAt<TInput, TOutput>(WorkflowHandle<TInput, TOutput> workflow, TInput input, string id, string gate, string owner = "process-A")
    {
        var crashing = new CrashingStore(Store);
        var run = workflow.RunAsync(input, Options(id, owner) with { Store = crashing });
        await Probe.WhenReached(gate);
        crashing.Crash();
        Probe.Open(gate);
        await Assert.ThrowsAsync<ExecutionStoreException>(() => run.Guard(), "a run whose store is gone cannot store its outcome");
    }

    [Test]
    public async Task After_a_crash_only_what_had_not_completed_runs_again()
    {
        var workflow = AddWaitAdd();
        await CrashAt(workflow, "g", "crash-1", "g");
        Assert.That(await TimelineOf("crash-1"), Is.EqualTo(new[] { "WorkflowStarted", "TaskStarted Add", "TaskCompleted Add" }),
            "Wait's TaskStarted rides with the next commit, which never came");

        Clock.Advance(TimeSpan.FromMinutes(1));
        var ctx = await workflow.ResumeAsync("crash-1", Options(owner: "process-B"));

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(ctx.Output, Is.EqualTo(3 + 2), "Wait ran a second time (its first completion was never stored)");
        Assert.That(Probe.Runs("Add(1,2)"), Is.EqualTo(1), "the stored completion replayed");
        Assert.That(Probe.Runs("Wait(g)"), Is.EqualTo(2), "at least once: it had not completed");
        Assert.That(await TimelineOf("crash-1"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Add", "TaskCompleted Add", "TaskStarted Wait",
            "TaskCompleted Wait", "TaskStarted Add", "TaskCompleted Add", "WorkflowCompleted",
        }), "nothing recorded for the replayed call");
        var stored = await EventsOf("crash-1");
        Assert.That(stored.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, stored.Count).Select(i => (long)i)));
        Assert.That((await Store.GetAsync("crash-1"))!.State, Is.EqualTo(ExecutionState.Succeeded));
    }

    [Test]
    public async Task A_call_that_had_started_runs_again_without_a_second_TaskStarted()
    {
        var workflow = new WorkflowHandle<string, int>("staged", async ctx => await T.StagedTask.Call(ctx.Input));
        await CrashAt(workflow, "g", "staged-1", "g");
        Assert.That(await TimelineOf("staged-1"), Is.EqualTo(new[] { "WorkflowStarted", "TaskStarted Staged", "TaskStarted Add", "TaskCompleted Add" }),
            "the nested call's completion was committed before the body went on, with the TaskStarted queued before it");

        Clock.Advance(TimeSpan.FromMinutes(1));
        var ctx = await workflow.ResumeAsync("staged-1", Options(owner: "process-B"));

        Assert.That(ctx.Output, Is.EqualTo(3 + 2));
        Assert.That(Probe.Runs("Staged(g)"), Is.EqualTo(2));
        Assert.That(Probe.Runs("Add(1,2)"), Is.EqualTo(1), "the nested call replayed inside the body that ran again");
        Assert.That(await TimelineOf("staged-1"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Staged", "TaskStarted Add", "TaskCompleted Add",
            "TaskStarted Wait", "TaskCompleted Wait", "TaskCompleted Staged", "WorkflowCompleted",
        }));
    }

    [Test]
    public async Task A_crashed_run_whose_lease_holds_is_refused_until_it_expires()
    {
        var workflow = AddWaitAdd();
        await CrashAt(workflow, "g", "lease-1", "g", owner: "process-A");

        var refused = await Assert.ThrowsAsync<ExecutionClaimException>(() => workflow.ResumeAsync("lease-1", Options(owner: "process-B")));
        Assert.That(refused!.Owner, Is.EqualTo("process-A"));
        Assert.That(refused.Message, Does.Contain("is running in 'process-A'"));

        Clock.Advance(RunOptions.DefaultLeaseDuration);
        var ctx = await workflow.ResumeAsync("lease-1", Options(owner: "process-B"));
        Assert.That(ctx.HasSucceeded, Is.True);
    }

    [Test]
    public async Task A_run_abandoned_by_this_process_is_resumed_at_once()
    {
        var workflow = AddWaitAdd();
        await CrashAt(workflow, "g", "abandoned-1", "g", owner: ExecutionOwner.Current);

        // No time passes: the claim names this process, which does not run the execution any more.
        var ctx = await workflow.ResumeAsync("abandoned-1", Options(owner: ExecutionOwner.Current));

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(Probe.Runs("Add(1,2)"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_run_that_is_alive_in_this_process_cannot_be_resumed()
    {
        var workflow = AddWaitAdd();
        var run = workflow.RunAsync("g", Options("alive-1"));
        await Probe.WhenReached("g");

        var refused = await Assert.ThrowsAsync<ExecutionClaimException>(() => workflow.ResumeAsync("alive-1", Options(owner: "owner-2")));
        Assert.That(refused!.Message, Does.Contain("cannot be resumed while its owner is alive"));

        Probe.Open("g");
        Assert.That((await run.Guard()).HasSucceeded, Is.True);
    }

    [Test]
    public async Task Of_two_resumers_exactly_one_runs_the_execution()
    {
        var workflow = AddWaitAdd();
        await CrashAt(workflow, "g", "race-1", "g");
        Clock.Advance(TimeSpan.FromMinutes(1));

        // Both read the execution before either claims it: one compare-and-set wins, the other is refused.
        var barrier = new ReadBarrier(2);
        var first = workflow.ResumeAsync("race-1", Options(owner: "resumer-1") with { Store = new BarrierStore(Store, barrier) });
        var second = workflow.ResumeAsync("race-1", Options(owner: "resumer-2") with { Store = new BarrierStore(OpenAnother(), barrier) });
        var outcomes = new List<object>();
        foreach (var resume in new[] { first, second })
        {
            try
            {
                outcomes.Add(await resume.Guard());
            }
            catch (ExecutionClaimException refused)
            {
                outcomes.Add(refused);
            }
        }

        Assert.That(outcomes.OfType<ExecutionContext<string, int>>().Count(c => c.HasSucceeded), Is.EqualTo(1));
        var loser = outcomes.OfType<ExecutionClaimException>().Single();
        Assert.That(loser.Message, Does.Contain("was claimed by another resumer"));
        Assert.That(Probe.Runs("Wait(g)"), Is.EqualTo(2), "the body ran in the crashed run and in the one resumer");
        Assert.That((await TimelineOf("race-1")).Count(t => t == "WorkflowCompleted"), Is.EqualTo(1));

        // Once one resumer runs it, a later one is refused because its owner is alive.
        var paused = new WorkflowHandle<string, int>("race_later", async ctx => await T.WaitTask.Call(ctx.Input));
        await CrashAt(paused, "h", "race-2", "h");
        Clock.Advance(TimeSpan.FromMinutes(1));
        Probe.Close("h");
        var running = paused.ResumeAsync("race-2", Options(owner: "resumer-1"));
        await Probe.WhenReached("h");
        var late = await Assert.ThrowsAsync<ExecutionClaimException>(() => paused.ResumeAsync("race-2", Options(owner: "resumer-2") with { Store = OpenAnother() }));
        Assert.That(late!.Owner, Is.EqualTo("resumer-1"));
        Probe.Open("h");
        Assert.That((await running.Guard()).HasSucceeded, Is.True);
    }

    [Test]
    public async Task Resuming_a_finished_execution_runs_nothing_and_returns_it()
    {
        var workflow = AddWaitAdd();
        Probe.Open("g");
        var done = await workflow.RunAsync("g", Options("done-1"));
        var stored = await EventsOf("done-1");

        var ctx = await workflow.ResumeAsync("done-1", Options(owner: "owner-2"));

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(ctx.Output, Is.EqualTo(done.Output));
        Assert.That(ctx.Input, Is.EqualTo("g"));
        Assert.That(Probe.Runs("Add(1,2)"), Is.EqualTo(1));
        Assert.That(await EventsOf("done-1"), Has.Count.EqualTo(stored.Count), "nothing was recorded");
        Assert.That(ctx.Events.Select(e => e.Type), Is.EqualTo(stored.Select(e => e.Type)));
        Assert.That(ctx.Events.Select(e => e.IsTaskEvent ? e.CallId.ToString() : null), Is.EqualTo(stored.Select(e => e.CallId)));
        Assert.That(ctx.Events[1].Value, Is.TypeOf<JsonElement>(), "loaded events keep their stored JSON");
        Assert.That((await Store.GetAsync("done-1"))!.Owner, Is.Null, "a finished execution is not claimed");

        var failing = new WorkflowHandle<int, int>("finished_failed", async _ => await T.BoomTask.Call("bad"));
        await failing.RunAsync(0, Options("done-2"));
        var failed = await failing.ResumeAsync("done-2", Options());
        Assert.That(failed.HasFailed, Is.True);
        Assert.That(failed.Error, Is.TypeOf<TaskFailedException>());
        Assert.That(((TaskFailedException)failed.Error!).TaskName, Is.EqualTo("Boom"));
        Assert.That(failed.Error!.InnerException, Is.TypeOf<RecordedFailureException>());
        Assert.That(((RecordedFailureException)failed.Error.InnerException!).TypeName, Is.EqualTo("System.InvalidOperationException"));
    }

    [Test]
    public async Task A_replayed_failure_is_thrown_again_in_the_same_shape()
    {
        var seen = new List<string>();
        var workflow = new WorkflowHandle<string, string>("replayed_failure", async ctx =>
        {
            try
            {
                await T.BoomTask.Call("out of stock");
            }
            catch (TaskFailedException failed)
            {
                var inner = failed.InnerException is RecordedFailureException recorded ? recorded.TypeName : failed.InnerException!.GetType().FullName;
                seen.Add($"{failed.TaskName}|{failed.CallId}|{failed.Attempts}|{failed.Message}|{inner}|{failed.InnerException!.Message}");
            }

            await T.WaitTask.Call(ctx.Input);
            return "done";
        });
        await CrashAt(workflow, "g", "failure-1", "g");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var ctx = await workflow.ResumeAsync("failure-1", Options(owner: "process-B"));

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(Probe.Runs("Boom(out of stock)"), Is.EqualTo(1), "the failure replayed; the body did not run again");
        Assert.That(seen, Has.Count.EqualTo(2));
        Assert.That(seen[1], Is.EqualTo(seen[0]));
        Assert.That(seen[0], Does.EndWith("|System.InvalidOperationException|out of stock"));
        Assert.That(seen[0], Does.StartWith("Boom|Boom_"));
    }

    [Test]
    public async Task A_workflow_that_no_longer_makes_the_recorded_calls_is_caught_at_the_position()
    {
        await CrashAt(AddWaitAdd("changed"), "g", "changed-1", "g");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var recordedId = (await EventsOf("changed-1")).First(e => e.Type == ExecutionEventType.TaskStarted).CallId;

        var changed = new WorkflowHandle<string, int>("changed", async ctx =>
        {
            var a = await T.AddTask.Call(5, 5); // the log has Add(1,2) here
            return a;
        });
        var ctx = await changed.ResumeAsync("changed-1", Options(owner: "process-B"));

        Assert.That(ctx.HasFailed, Is.True);
        var wrong = ctx.Error as NonDeterminismException;
        Assert.That(wrong, Is.Not.Null, ctx.Error?.ToString());
        Assert.That(wrong!.Position, Is.EqualTo(0));
        Assert.That(wrong.ScopePath, Is.EqualTo(""));
        Assert.That(wrong.Recorded, Is.EqualTo(recordedId));
        Assert.That(wrong.Requested, Does.StartWith("Add_").And.Not.EqualTo(recordedId));
        Assert.That(wrong.Message, Does.Contain($"call 0 of the workflow body was recorded as '{recordedId}'"));
        Assert.That(Probe.Runs("Add(5,5)"), Is.EqualTo(0), "the differing call never ran");
    }

    [Test]
    public async Task Calls_in_another_order_are_caught_too()
    {
        var original = new WorkflowHandle<string, int>("reordered", async ctx =>
        {
            await T.GreetTask.Call("a");
            await T.GreetTask.Call("b");
            return await T.WaitTask.Call(ctx.Input);
        });
        await CrashAt(original, "g", "reordered-1", "g");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var reordered = new WorkflowHandle<string, int>("reordered", async ctx =>
        {
            await T.GreetTask.Call("b");
            await T.GreetTask.Call("a");
            return await T.WaitTask.Call(ctx.Input);
        });
        var ctx = await reordered.ResumeAsync("reordered-1", Options(owner: "process-B"));

        Assert.That(ctx.Error, Is.TypeOf<NonDeterminismException>());
        var wrong = (NonDeterminismException)ctx.Error!;
        Assert.That(wrong.Position, Is.EqualTo(0));
        Assert.That(wrong.Requested, Does.StartWith("Greet_"));
        Assert.That(wrong.Recorded, Does.StartWith("Greet_").And.Not.EqualTo(wrong.Requested));
    }

    [Test]
    public async Task Identical_calls_replay_by_occurrence_and_occurrences_start_over_in_each_pass()
    {
        var workflow = new WorkflowHandle<string, int>("occurrences", async ctx =>
        {
            var a = await T.AddTask.Call(1, 1);
            var b = await T.AddTask.Call(1, 1);
            var c = await T.WaitTask.Call(ctx.Input);
            return a + b + c;
        });
        await CrashAt(workflow, "g", "occ-1", "g");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var ctx = await workflow.ResumeAsync("occ-1", Options(owner: "process-B"));

        Assert.That(ctx.Output, Is.EqualTo(2 + 2 + 2));
        Assert.That(Probe.Runs("Add(1,1)"), Is.EqualTo(2), "each identical call ran once, and both replayed");
        var ids = (await EventsOf("occ-1")).Where(e => e.Type == ExecutionEventType.TaskCompleted && e.Name == "Add").Select(e => e.CallId).ToArray();
        Assert.That(ids, Has.Length.EqualTo(2));
        Assert.That(ids[1], Is.EqualTo(ids[0] + "~1"));
    }

    [Test]
    public async Task A_Map_and_nested_calls_replay_their_completed_items()
    {
        var workflow = new WorkflowHandle<string, int>("map_replay", async ctx =>
        {
            var squares = await T.SquareTask.Map(Enumerable.Range(1, 10));
            var outer = await T.OuterTask.Call(4);
            await T.WaitTask.Call(ctx.Input);
            return squares.Sum() + outer;
        });
        await CrashAt(workflow, "g", "map-1", "g");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var ctx = await workflow.ResumeAsync("map-1", Options(owner: "process-B"));

        Assert.That(ctx.Output, Is.EqualTo(385 + 50));
        Assert.That(Probe.Runs("Square"), Is.EqualTo(10));
        Assert.That(Probe.Runs("Outer"), Is.EqualTo(1));
        Assert.That(Probe.Runs("Add(4,1)"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_resumed_execution_holds_its_whole_log()
    {
        var workflow = AddWaitAdd();
        await CrashAt(workflow, "g", "log-1", "g");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var ctx = await workflow.ResumeAsync("log-1", Options(owner: "process-B"));

        var stored = await EventsOf("log-1");
        Assert.That(ctx.Events.Select(e => e.Type), Is.EqualTo(stored.Select(e => e.Type)));
        Assert.That(ctx.Events.Select(e => e.IsTaskEvent ? e.CallId.ToString() : null), Is.EqualTo(stored.Select(e => e.CallId)));
        Assert.That(ctx.Events.Select(e => e.Time), Is.EqualTo(stored.Select(e => e.Time)));
    }

    [Test]
    public async Task An_execution_of_another_workflow_or_an_unknown_id_is_refused()
    {
        var workflow = AddWaitAdd();
        Probe.Open("g");
        await workflow.RunAsync("g", Options("other-1"));

        var wrongWorkflow = await Assert.ThrowsAsync<ArgumentException>(() => AddWaitAdd("another").ResumeAsync("other-1", Options()));
        Assert.That(wrongWorkflow!.Message, Does.Contain("is of workflow 'add_wait_add', not 'another'"));
        await Assert.ThrowsAsync<ExecutionNotFoundException>(() => workflow.ResumeAsync("nobody", Options()));
    }
}
