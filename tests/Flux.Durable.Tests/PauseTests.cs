using System.Text;
using System.Text.Json;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>
/// Pause and resume, ported from Python flux's pause/resume tests (tests/flux/test_task_started_on_resume.py and the
/// pause examples): the events, the resume value, pauses that a catch cannot swallow, repeated pauses, pauses inside
/// Parallel and Map, and a transient execution resumed in process.
/// </summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public sealed class PauseTests(StoreKind kind) : DurableTest(kind)
{
    /// <summary>before(); x = pause("gate"); after(x).</summary>
    private static readonly WorkflowHandle<string, string> Gate = new("gate_workflow", async ctx =>
    {
        await T.GreetTask.Call("before");
        var decision = await Workflow.Pause<Decision>("gate");
        return await T.GreetTask.Call(decision is null ? "nobody" : decision.By);
    });

    [Test]
    public async Task A_pause_records_what_Python_flux_records_and_the_resume_continues_with_the_value()
    {
        var paused = await Gate.RunAsync("x", Options("pause-1"));

        Assert.That(paused.IsPaused, Is.True);
        Assert.That(paused.PausedAt, Is.EqualTo("gate"));
        Assert.That(paused.HasFinished, Is.False);
        Assert.That(paused.Output, Is.Null);
        Assert.That(await TimelineOf("pause-1"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Greet", "TaskCompleted Greet", "TaskStarted flux:pause", "TaskPaused flux:pause", "WorkflowPaused",
        }));
        var stored = await EventsOf("pause-1");
        Assert.That(Encoding.UTF8.GetString(stored[4].Payload!), Is.EqualTo("\"gate\""));
        Assert.That(Encoding.UTF8.GetString(stored[5].Payload!), Is.EqualTo("""{"name":"gate","output":null}"""));
        var record = await Store.GetAsync("pause-1");
        Assert.That(record!.State, Is.EqualTo(ExecutionState.Paused));
        Assert.That(record.PausedAt, Is.EqualTo("gate"));
        Assert.That(record.Owner, Is.Null, "a paused execution is not claimed");

        var done = await Gate.ResumeAsync("pause-1", new Decision(true, "Mia"), Options(owner: "owner-2") with { Store = OpenAnother() });

        Assert.That(done.HasSucceeded, Is.True);
        Assert.That(done.Output, Is.EqualTo("Hello, Mia"));
        Assert.That(Probe.Runs("Greet(before)"), Is.EqualTo(1), "a replayed task records nothing new and does not run");
        Assert.That(await TimelineOf("pause-1"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Greet", "TaskCompleted Greet", "TaskStarted flux:pause", "TaskPaused flux:pause", "WorkflowPaused",
            "WorkflowResumed", "TaskResumed flux:pause", "TaskCompleted flux:pause", "TaskStarted Greet", "TaskCompleted Greet", "WorkflowCompleted",
        }), "no second TaskStarted for the pause");
        stored = await EventsOf("pause-1");
        Assert.That(Encoding.UTF8.GetString(stored[6].Payload!), Is.EqualTo("""{"Approved":true,"By":"Mia"}"""));
        Assert.That(Encoding.UTF8.GetString(stored[7].Payload!), Is.EqualTo("""{"name":"gate","input":{"Approved":true,"By":"Mia"}}"""));
        Assert.That(Encoding.UTF8.GetString(stored[8].Payload!), Is.EqualTo("""{"Approved":true,"By":"Mia"}"""));
        Assert.That((await Store.GetAsync("pause-1"))!.PausedAt, Is.Null);
    }

    [Test]
    public async Task A_resume_without_a_value_gives_the_pause_default()
    {
        await Gate.RunAsync("x", Options("pause-2"));

        var done = await Gate.ResumeAsync("pause-2", Options());

        Assert.That(done.Output, Is.EqualTo("Hello, nobody"));
    }

    [Test]
    public async Task A_resume_value_given_as_JSON_is_read_as_the_pause_type()
    {
        await using var client = new FluxClient(Store, [Gate], Options());
        var started = await client.RunAsync("gate_workflow", JsonSerializer.SerializeToElement("x"), "pause-3");
        Assert.That(started.State, Is.EqualTo(ExecutionState.Paused));

        var done = await client.ResumeAsync("pause-3", JsonDocument.Parse("""{"Approved":true,"By":"Kim"}""").RootElement);

        Assert.That(done.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(done.Output!), Is.EqualTo("\"Hello, Kim\""));
    }

    [Test]
    public async Task A_catch_in_the_body_cannot_swallow_a_pause()
    {
        var stubborn = new WorkflowHandle<string, string>("stubborn", async _ =>
        {
            try
            {
                await Workflow.Pause<string>("approval");
            }
            catch (Exception)
            {
                // Carry on regardless: the next call throws the pause too, and the run ends paused anyway.
                try
                {
                    await T.GreetTask.Call("after-catch");
                }
                catch (Exception)
                {
                }
            }

            return "finished";
        });

        var ctx = await stubborn.RunAsync("x", Options("stubborn-1"));

        Assert.That(ctx.IsPaused, Is.True);
        Assert.That(ctx.PausedAt, Is.EqualTo("approval"));
        Assert.That(Probe.Runs("Greet(after-catch)"), Is.EqualTo(0), "no call starts once the execution is pausing");
        Assert.That(await TimelineOf("stubborn-1"), Does.Not.Contain("TaskStarted Greet"));

        var resumed = await stubborn.ResumeAsync("stubborn-1", "ok", Options());
        Assert.That(resumed.Output, Is.EqualTo("finished"));
        Assert.That(Probe.Runs("Greet(after-catch)"), Is.EqualTo(0), "the pause returned: nothing was caught this time");
    }

    [Test]
    public async Task Repeated_pauses_with_the_same_name_are_different_calls_and_each_pauses()
    {
        var twice = new WorkflowHandle<string, int>("twice", async _ =>
        {
            var a = await Workflow.Pause<int>("step");
            var b = await Workflow.Pause<int>("step");
            return a * 10 + b;
        });

        var first = await twice.RunAsync("x", Options("twice-1"));
        Assert.That(first.PausedAt, Is.EqualTo("step"));
        var second = await twice.ResumeAsync("twice-1", 4, Options());
        Assert.That(second.IsPaused, Is.True, "the second pause is a new call: it pauses too");
        var done = await twice.ResumeAsync("twice-1", 2, Options());

        Assert.That(done.Output, Is.EqualTo(42));
        var pauses = (await EventsOf("twice-1")).Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.CallId!).ToArray();
        Assert.That(pauses, Has.Length.EqualTo(2));
        Assert.That(pauses[1], Is.EqualTo(pauses[0] + "~1"));
    }

    [Test]
    public async Task A_pause_inside_Parallel_waits_for_its_running_siblings_which_replay_on_resume()
    {
        var parallel = new WorkflowHandle<string, int[]>("parallel_pause", async ctx =>
            await Workflow.Parallel(T.WaitTask.Call(ctx.Input), Workflow.Pause<int>("p"), T.SquareTask.Call(3)));

        var run = parallel.RunAsync("sibling", Options("parallel-1"));
        await Probe.WhenReached("sibling");
        Assert.That(run.IsCompleted, Is.False, "the pause waits for its running sibling");
        Probe.Open("sibling");
        var paused = await run.Guard();

        Assert.That(paused.IsPaused, Is.True);
        // The sibling's completion and the pause's TaskPaused come from two branches running at once: either may be
        // recorded first. What is fixed: the starts, that both are recorded, and that WorkflowPaused comes last.
        var timeline = await TimelineOf("parallel-1");
        Assert.That(timeline[..3], Is.EqualTo(new[] { "WorkflowStarted", "TaskStarted Wait", "TaskStarted flux:pause" }));
        Assert.That(timeline[3..5], Is.EquivalentTo(new[] { "TaskPaused flux:pause", "TaskCompleted Wait" }),
            "the running sibling finished and was recorded; the call after the pause did not start");
        Assert.That(timeline, Has.Length.EqualTo(6));
        Assert.That(timeline[5], Is.EqualTo("WorkflowPaused"));

        var done = await parallel.ResumeAsync("parallel-1", 7, Options());

        Assert.That(done.Output, Is.EqualTo(new[] { 1, 7, 9 }));
        Assert.That(Probe.Runs("Wait(sibling)"), Is.EqualTo(1));
        Assert.That(Probe.Runs("Square"), Is.EqualTo(1), "it started on resume");
    }

    [Test]
    public async Task A_pause_inside_a_Map_item_pauses_the_Map_and_only_that_item_runs_again()
    {
        var map = new WorkflowHandle<string, int[]>("map_pause", async _ => await T.ApproveTask.Map([1, 2, 3], new BatchOptions { MaxConcurrency = 1 }));

        var paused = await map.RunAsync("x", Options("map-1"));

        Assert.That(paused.IsPaused, Is.True);
        Assert.That(paused.PausedAt, Is.EqualTo("approve-2"));
        Assert.That(Probe.Runs("Approve(3)"), Is.EqualTo(0), "no item starts once the execution is pausing");

        var done = await map.ResumeAsync("map-1", true, Options());

        Assert.That(done.Output, Is.EqualTo(new[] { 10, 20, 30 }));
        Assert.That(Probe.Runs("Approve(1)"), Is.EqualTo(1));
        Assert.That(Probe.Runs("Approve(2)"), Is.EqualTo(2), "the paused item's body runs again; its pause returns the value");
        Assert.That(Probe.Runs("Approve(3)"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_call_before_a_pause_replays_its_failure()
    {
        var workflow = new WorkflowHandle<string, string>("fail_then_pause", async _ =>
        {
            string first;
            try
            {
                first = (await T.BoomTask.Call("early")).ToString();
            }
            catch (TaskFailedException failed)
            {
                first = failed.InnerException!.Message;
            }

            var value = await Workflow.Pause<string>("p");
            return first + "+" + value;
        });

        await workflow.RunAsync("x", Options("fail-pause-1"));
        var done = await workflow.ResumeAsync("fail-pause-1", "v", Options());

        Assert.That(done.Output, Is.EqualTo("early+v"));
        Assert.That(Probe.Runs("Boom(early)"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_pause_caught_and_thrown_again_as_another_exception_still_pauses()
    {
        var workflow = new WorkflowHandle<string, string>("rethrown_pause", async _ =>
        {
            try
            {
                return await Workflow.Pause<string>("p");
            }
            catch (Exception error)
            {
                throw new InvalidOperationException("the body turned the pause into a failure", error);
            }
        });

        var paused = await workflow.RunAsync("x", Options("rethrown-1"));

        Assert.That(paused.IsPaused, Is.True, "a pause is not a failure, whatever the body throws while pausing");
        Assert.That(paused.HasFailed, Is.False);
        Assert.That((await TimelineOf("rethrown-1"))[^1], Is.EqualTo("WorkflowPaused"));
        var done = await workflow.ResumeAsync("rethrown-1", "v", Options());
        Assert.That(done.Output, Is.EqualTo("v"));
    }

    [Test]
    public async Task A_pause_inside_ParallelOutcomes_pauses_too_and_the_recorded_failure_replays_as_an_outcome()
    {
        var workflow = new WorkflowHandle<string, string>("outcomes_pause", async _ =>
        {
            var outcomes = await Workflow.ParallelOutcomes(T.SquareTask.Call(2), Workflow.Pause<int>("p"), T.BoomTask.Call("b"));
            return string.Join(",", outcomes.Select(o => o.Succeeded ? o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "failed"));
        });

        var paused = await workflow.RunAsync("x", Options("outcomes-1"));

        Assert.That(paused.IsPaused, Is.True, "collecting outcomes does not turn a pause into an outcome (Python: even with raise_on_error=False)");
        var done = await workflow.ResumeAsync("outcomes-1", 5, Options());
        Assert.That(done.Output, Is.EqualTo("4,5,failed"));
        Assert.That(Probe.Runs("Boom(b)"), Is.EqualTo(1), "it ran once: before the pause or after the resume, never both");
    }

    [Test]
    public async Task Resuming_again_after_the_end_returns_the_first_result_and_ignores_the_value()
    {
        var workflow = new WorkflowHandle<string, int>("resume_after_end", async _ => await Workflow.Pause<int>("p") + 1);
        await workflow.RunAsync("x", Options("again-1"));

        var first = await workflow.ResumeAsync("again-1", 5, Options());
        var count = (await EventsOf("again-1")).Count;
        var second = await workflow.ResumeAsync("again-1", 9, Options());

        Assert.That(first.Output, Is.EqualTo(6));
        Assert.That(second.Output, Is.EqualTo(6));
        Assert.That(await EventsOf("again-1"), Has.Count.EqualTo(count), "nothing was recorded");
    }
}

/// <summary>A transient execution (no store) paused and resumed in the same process, on the same context.</summary>
public sealed class TransientPauseTests
{
    private static readonly WorkflowHandle<string, string> Gate = new("transient_gate", async ctx =>
    {
        var a = await T.AddTask.Call(1, 1);
        var b = await T.AddTask.Call(1, 1);
        var value = await Workflow.Pause<string>("gate");
        return $"{a + b}:{value}";
    });

    [SetUp]
    public void Reset() => Probe.Reset();

    [Test]
    public async Task A_transient_execution_pauses_and_resumes_in_process_replaying_its_own_log()
    {
        var ctx = await Gate.RunAsync("x");
        Assert.That(ctx.IsPaused, Is.True);
        Assert.That(ctx.PausedAt, Is.EqualTo("gate"));

        var done = await Gate.ResumeAsync(ctx, "go");

        Assert.That(done, Is.SameAs(ctx), "the same execution goes on");
        Assert.That(done.HasSucceeded, Is.True);
        Assert.That(done.Output, Is.EqualTo("4:go"));
        Assert.That(Probe.Runs("Add(1,1)"), Is.EqualTo(2), "both identical calls replayed (occurrences start over in each pass)");
        Assert.That(done.Events.Select(e => e.IsTaskEvent ? $"{e.Type} {e.Name}" : e.Type.ToString()), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Add", "TaskCompleted Add", "TaskStarted Add", "TaskCompleted Add",
            "TaskStarted flux:pause", "TaskPaused flux:pause", "WorkflowPaused",
            "WorkflowResumed", "TaskResumed flux:pause", "TaskCompleted flux:pause", "WorkflowCompleted",
        }));
    }

    [Test]
    public async Task Resuming_a_transient_execution_that_is_not_paused_is_refused_or_returns_it()
    {
        var finished = await new WorkflowHandle<int, int>("transient_done", async _ => await T.AddTask.Call(1, 2)).RunAsync(0);

        var again = await new WorkflowHandle<int, int>("transient_done", async _ => await T.AddTask.Call(1, 2)).ResumeAsync(finished);

        Assert.That(again, Is.SameAs(finished));
        Assert.That(Probe.Runs("Add(1,2)"), Is.EqualTo(1));
    }
}
