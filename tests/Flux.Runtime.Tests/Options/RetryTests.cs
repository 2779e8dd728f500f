namespace Flux.Runtime.Tests.Options;

public class RetryTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [TestCase(1, 2.0, 600, 3, new[] { 1, 2, 4 })]
    [TestCase(2, 2.0, 600, 3, new[] { 2, 4, 8 })]
    [TestCase(100, 3.0, 600, 5, new[] { 100, 300, 600, 600, 600 })]
    [TestCase(5, 1.0, 600, 3, new[] { 5, 5, 5 })]
    [TestCase(1200, 2.0, 600, 2, new[] { 600, 600 })] // unlike Python flux, the cap applies to the first wait too
    public void The_wait_before_retry_k_is_delay_times_backoff_to_the_k_minus_1_capped(int delay, double backoff, int max, int retries, int[] expected)
    {
        var options = new TaskOptions
        {
            Retries = retries,
            RetryDelay = TimeSpan.FromSeconds(delay),
            RetryBackoff = backoff,
            MaxRetryDelay = TimeSpan.FromSeconds(max),
        };

        var waits = Enumerable.Range(1, retries).Select(k => RetryPolicy.DelayBefore(options, k).TotalSeconds);

        Assert.That(waits, Is.EqualTo(expected.Select(s => (double)s)));
        Assert.That(RetryPolicy.DelayBefore(options, 0), Is.EqualTo(TimeSpan.Zero), "no wait before the first attempt");
    }

    [Test]
    public void A_huge_backoff_reaches_the_cap_without_overflowing()
    {
        var options = new TaskOptions { RetryDelay = TimeSpan.FromDays(1), RetryBackoff = 1000, MaxRetryDelay = TimeSpan.FromMinutes(10) };

        Assert.That(RetryPolicy.DelayBefore(options, 500), Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void Jitter_draws_the_wait_between_half_the_delay_and_the_full_delay()
    {
        var delay = TimeSpan.FromSeconds(10);

        Assert.That(RetryPolicy.Jitter(delay, 0), Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(RetryPolicy.Jitter(delay, 0.5), Is.EqualTo(TimeSpan.FromSeconds(7.5)));
        Assert.That(RetryPolicy.Jitter(delay, Math.BitDecrement(1.0)), Is.LessThanOrEqualTo(delay));
    }

    [TestCase(1, 2.0, 600, 3, new[] { 1, 2, 4 })]
    [TestCase(100, 3.0, 600, 5, new[] { 100, 300, 600, 600, 600 })]
    public async Task Each_retry_starts_exactly_when_its_wait_on_the_execution_clock_is_over(int delay, double backoff, int max, int retries, int[] expected)
    {
        var clock = new TestClock();
        var attempts = new SemaphoreSlim(0);
        var starts = new List<TimeSpan>();
        var task = new OptionsTask<int, int>(
            "always_fails",
            (_, _) =>
            {
                lock (starts)
                {
                    starts.Add(clock.Elapsed);
                }

                attempts.Release();
                return ValueTask.FromException<int>(new InvalidOperationException("boom"));
            },
            new TaskOptions
            {
                Retries = retries,
                RetryDelay = TimeSpan.FromSeconds(delay),
                RetryBackoff = backoff,
                MaxRetryDelay = TimeSpan.FromSeconds(max),
            });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(1));

        await attempts.WaitAsync().Guard();
        var elapsed = TimeSpan.Zero;
        for (var k = 0; k < expected.Length; k++)
        {
            var wait = TimeSpan.FromSeconds(expected[k]);
            await clock.WaitForTimersAsync(k + 1);
            Assert.That(clock.DueTimes[k], Is.EqualTo(wait), $"the wait before retry {k + 1}");

            clock.Advance(wait - Tick);
            lock (starts)
            {
                Assert.That(starts, Has.Count.EqualTo(k + 1), $"retry {k + 1} does not start before its wait is over");
            }

            clock.Advance(Tick);
            await attempts.WaitAsync().Guard();
            elapsed += wait;
            lock (starts)
            {
                Assert.That(starts[k + 1], Is.EqualTo(elapsed), $"retry {k + 1} starts when its wait is over");
            }
        }

        var ctx = await run.Guard();

        Assert.That(ctx.HasFailed, Is.True);
        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.Attempts, Is.EqualTo(retries + 1));
        Assert.That(error.InnerException!.Message, Is.EqualTo("boom"));
        Assert.That(clock.DueTimes, Has.Count.EqualTo(retries), "no wait after the last attempt");
        Assert.That(
            OptionsWorkflow.RetriesOf(ctx, "always_fails").Where(r => r.Error is null).Select(r => r.Delay.TotalSeconds),
            Is.EqualTo(expected.Select(s => (double)s)),
            "each TaskRetryStarted carries its wait");
    }

    [Test]
    public async Task A_task_that_fails_twice_then_succeeds_records_every_step()
    {
        var clock = new TestClock();
        var calls = 0;
        var task = new OptionsTask<int, string>(
            "flaky",
            (x, _) => ++calls <= 2
                ? ValueTask.FromException<string>(new InvalidOperationException($"failure {calls}"))
                : ValueTask.FromResult($"ok {x}"),
            new TaskOptions { Retries = 4, RetryDelay = TimeSpan.FromSeconds(1), RetryBackoff = 3 });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(7));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(3));
        var ctx = await run.Guard();

        Assert.That(ctx.Output, Is.EqualTo("ok 7"));
        Assert.That(calls, Is.EqualTo(3));
        Assert.That(clock.DueTimes.Select(d => d.TotalSeconds), Is.EqualTo(new[] { 1.0, 3.0 }), "delay 1, backoff 3: waits 1 and 3");

        var events = ctx.Events.Where(e => e.Name == "flaky").ToArray();
        Assert.That(events.Select(e => e.Type), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskRetryFailed,
            ExecutionEventType.TaskRetryStarted,
            ExecutionEventType.TaskRetryFailed,
            ExecutionEventType.TaskRetryStarted,
            ExecutionEventType.TaskRetryCompleted,
            ExecutionEventType.TaskCompleted,
        }));

        var infos = events.Skip(1).Take(5).Select(e => (RetryInfo)e.Value!).ToArray();
        Assert.That(infos.Select(i => (i.Attempt, i.Retries, i.Delay.TotalSeconds, i.Error?.Message)), Is.EqualTo(new (int, int, double, string?)[]
        {
            (0, 4, 1, "failure 1"), // attempt 0 failed; the next attempt follows after 1 s
            (1, 4, 1, null),
            (1, 4, 3, "failure 2"),
            (2, 4, 3, null),
            (2, 4, 3, null),
        }));
        Assert.That(events.Select(e => e.Time - clock.Start), Is.EqualTo(new[]
        {
            TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4),
        }));
        Assert.That(events[^1].Value, Is.EqualTo("ok 7"));
        Assert.That(events.All(e => e.CallId == events[0].CallId), Is.True, "every step belongs to the same call");
    }

    [Test]
    public async Task With_jitter_each_wait_lies_between_half_the_delay_and_the_delay()
    {
        var clock = new TestClock();
        var calls = 0;
        var task = new OptionsTask<int, int>(
            "jittery",
            (x, _) => ++calls == 1 ? ValueTask.FromException<int>(new InvalidOperationException("once")) : ValueTask.FromResult(x),
            new TaskOptions { Retries = 1, RetryDelay = TimeSpan.FromSeconds(8), RetryJitter = true });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(3));
        await clock.WaitForTimersAsync(1);
        var wait = clock.DueTimes[0];
        clock.Advance(wait);
        var ctx = await run.Guard();

        Assert.That(wait, Is.InRange(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)));
        Assert.That(ctx.Output, Is.EqualTo(3));
        Assert.That(OptionsWorkflow.RetriesOf(ctx, "jittery")[0].Delay, Is.EqualTo(wait), "the event shows the wait actually used");
    }

    [Test]
    public async Task A_task_without_options_keeps_the_plain_event_sequence()
    {
        var task = new OptionsTask<int, int>("plain", (_, _) => ValueTask.FromException<int>(new InvalidOperationException("no")));

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1));

        Assert.That(OptionsWorkflow.TypesOf(ctx, "plain"), Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskFailed }));
        Assert.That(((TaskFailedException)ctx.Error!).Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Retries_also_work_outside_a_workflow_on_the_system_clock()
    {
        var calls = 0;
        var task = new OptionsTask<int, int>(
            "outside",
            (x, _) => ++calls < 3 ? ValueTask.FromException<int>(new InvalidOperationException("again")) : ValueTask.FromResult(x * 2),
            new TaskOptions { Retries = 2, RetryDelay = TimeSpan.Zero });

        Assert.That(await task.Call(21), Is.EqualTo(42));
        Assert.That(calls, Is.EqualTo(3));
    }
}
