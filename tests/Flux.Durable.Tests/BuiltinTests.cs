using System.Text;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>The deterministic built-ins: recorded calls that replay their first values, and the durable sleep.</summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class BuiltinTests(StoreKind kind) : DurableTest(kind)
{
    private static readonly WorkflowHandle<string, string> Values = new("values", async ctx =>
    {
        var now = await Workflow.Now();
        var later = await Workflow.Now();
        var id = await Workflow.NewGuid();
        var dice = await Workflow.Random();
        await T.WaitTask.Call(ctx.Input);
        return $"{now:O}|{later:O}|{id}|{dice:R}";
    });

    [Test]
    public async Task Now_NewGuid_and_Random_replay_their_first_values()
    {
        var crashing = new CrashingStore(Store);
        string? first = null;
        var observed = new WorkflowHandle<string, string>("values", async ctx =>
        {
            var now = await Workflow.Now();
            var later = await Workflow.Now();
            var id = await Workflow.NewGuid();
            var dice = await Workflow.Random();
            first ??= $"{now:O}|{later:O}|{id}|{dice:R}";
            await T.WaitTask.Call(ctx.Input);
            return $"{now:O}|{later:O}|{id}|{dice:R}";
        });
        var run = observed.RunAsync("g", Options("values-1", owner: "process-A") with { Store = crashing });
        await Probe.WhenReached("g");
        crashing.Crash();
        Probe.Open("g");
        await Assert.ThrowsAsync<ExecutionStoreException>(() => run.Guard());
        Clock.Advance(TimeSpan.FromHours(1));

        var ctx = await Values.ResumeAsync("values-1", Options(owner: "process-B"));

        Assert.That(ctx.Output, Is.EqualTo(first), "the clock moved an hour and new values would differ: the recorded ones came back");
        Assert.That(first, Does.StartWith("2025-01-01T00:00:00.0000000+00:00|2025-01-01T00:00:00.0000000+00:00|"));
        var started = (await EventsOf("values-1")).Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.CallId!).ToArray();
        Assert.That(started[0], Does.Match("^flux:now_[0-9a-f]{16}$"));
        Assert.That(started[1], Is.EqualTo(started[0] + "~1"), "two Now() calls are two calls");
        Assert.That(started[2], Does.StartWith("flux:guid_"));
        Assert.That(started[3], Does.StartWith("flux:random_"));
    }

    [Test]
    public async Task Sleep_waits_on_the_execution_clock_and_sets_the_wake_time()
    {
        var clock = new RecordingClock();
        var sleeper = new WorkflowHandle<string, string>("sleeper", async _ =>
        {
            await Workflow.Sleep(TimeSpan.FromMinutes(10));
            return "awake";
        });

        var run = sleeper.RunAsync("x", Options("sleep-1") with { TimeProvider = clock });
        await clock.WhenTimer(TimeSpan.FromMinutes(10));

        var sleeping = await Store.GetAsync("sleep-1");
        Assert.That(sleeping!.WakeAt, Is.EqualTo(clock.GetUtcNow() + TimeSpan.FromMinutes(10)), "a host finds due timers by WakeAt");
        var started = (await EventsOf("sleep-1")).Single(e => e.Type == ExecutionEventType.TaskStarted);
        Assert.That(Encoding.UTF8.GetString(started.Payload!), Is.EqualTo("""{"position":0,"arguments":["00:10:00"],"wakeAt":"2025-01-01T00:10:00+00:00"}"""));

        clock.Advance(TimeSpan.FromMinutes(10));
        var ctx = await run.Guard();

        Assert.That(ctx.Output, Is.EqualTo("awake"));
        Assert.That((await Store.GetAsync("sleep-1"))!.WakeAt, Is.Null);
    }

    [Test]
    public async Task After_a_restart_a_sleep_waits_only_what_is_left()
    {
        var clock = new RecordingClock();
        var sleeper = new WorkflowHandle<string, string>("restarted_sleeper", async _ =>
        {
            await T.GreetTask.Call("before");
            await Workflow.Sleep(TimeSpan.FromMinutes(10));
            return await T.GreetTask.Call("after");
        });
        var crashing = new CrashingStore(Store);
        var run = sleeper.RunAsync("x", Options("sleep-2", owner: "process-A") with { Store = crashing, TimeProvider = clock });
        await clock.WhenTimer(TimeSpan.FromMinutes(10));
        crashing.Crash();

        // The process "dies" 4 minutes into the sleep; another one resumes it once the lease has expired.
        clock.Advance(TimeSpan.FromMinutes(4));
        var resumed = sleeper.ResumeAsync("sleep-2", Options(owner: "process-B") with { TimeProvider = clock });
        await clock.WhenTimer(TimeSpan.FromMinutes(6));
        Assert.That(resumed.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMinutes(6));
        var ctx = await resumed.Guard();

        Assert.That(ctx.Output, Is.EqualTo("Hello, after"));
        Assert.That(Probe.Runs("Greet(before)"), Is.EqualTo(1));
        Assert.That(clock.DueTimes, Does.Contain(TimeSpan.FromMinutes(6)), "the resumed sleep waited for what was left of the 10 minutes");
        Assert.That((await TimelineOf("sleep-2")).Count(t => t == "TaskStarted flux:sleep"), Is.EqualTo(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(async () => await run, Throws.InstanceOf<Exception>(), "the first run could not store its outcome");
    }

    [Test]
    public async Task A_sleep_whose_time_has_passed_is_not_waited_again()
    {
        var clock = new RecordingClock();
        var sleeper = new WorkflowHandle<string, string>("late_sleeper", async ctx =>
        {
            await Workflow.Sleep(TimeSpan.FromMinutes(1));
            return (await T.WaitTask.Call(ctx.Input)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        var crashing = new CrashingStore(Store);
        var run = sleeper.RunAsync("g", Options("sleep-3", owner: "process-A") with { Store = crashing, TimeProvider = clock });
        await clock.WhenTimer(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        await Probe.WhenReached("g");
        crashing.Crash();
        Probe.Open("g");
        await Assert.ThrowsAsync<ExecutionStoreException>(() => run.Guard());
        clock.Advance(TimeSpan.FromHours(1));
        var timers = clock.DueTimes.Count;

        var ctx = await sleeper.ResumeAsync("sleep-3", Options(owner: "process-B") with { TimeProvider = clock });

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(clock.DueTimes.Skip(timers).Where(t => t != RunOptions.DefaultLeaseDuration / 3), Is.Empty,
            "the completed sleep replayed without a timer (the only one is the lease renewal's)");
    }

    [Test]
    public async Task Built_ins_work_in_a_transient_run_and_outside_a_workflow()
    {
        var transient = new WorkflowHandle<int, string>("transient_values", async _ =>
        {
            var now = await Workflow.Now();
            await Workflow.Sleep(TimeSpan.Zero);
            return $"{now:O}|{await Workflow.NewGuid()}";
        });

        var ctx = await transient.RunAsync(0, new RunOptions { TimeProvider = Clock });

        Assert.That(ctx.Output, Does.StartWith("2025-01-01T00:00:00.0000000+00:00|"));
        Assert.That(ctx.Events.Where(e => e.Type == ExecutionEventType.TaskCompleted).Select(e => e.Name), Is.EqualTo(new[] { "flux:now", "flux:sleep", "flux:guid" }));
        Assert.That(ctx.Events.First(e => e.Type == ExecutionEventType.TaskCompleted).Value, Is.EqualTo(Clock.GetUtcNow()));

        Assert.That(await Workflow.Now(), Is.Not.EqualTo(default(DateTimeOffset)));
        Assert.That(await Workflow.Random(), Is.InRange(0.0, 1.0));
        var outside = await Assert.ThrowsAsync<TaskFailedException>(async () => await Workflow.Pause<int>("outside"));
        Assert.That(outside!.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(outside.Message, Does.Contain("await it in a workflow body"));
    }
}
