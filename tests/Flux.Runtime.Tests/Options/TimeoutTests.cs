using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Options;

public class TimeoutTests
{
    [Test]
    public async Task A_body_that_ignores_cancellation_is_abandoned_on_every_attempt()
    {
        var clock = new TestClock();
        var never = new Gate();
        var started = new SemaphoreSlim(0);
        var task = new OptionsTask<int, int>(
            "stuck",
            async (_, _) =>
            {
                started.Release();
                await never.WaitAsync(); // ignores its token: only the invoker's abandonment gets the call going
                return 1;
            },
            new TaskOptions { Retries = 2, RetryDelay = TimeSpan.FromSeconds(1), RetryBackoff = 1, Timeout = TimeSpan.FromSeconds(5) });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(1));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await started.WaitAsync().Guard();
            await clock.WaitForTimersAsync(2 * attempt + 1); // the attempt's time limit
            clock.Advance(TimeSpan.FromSeconds(5));
            if (attempt < 2)
            {
                await clock.WaitForTimersAsync(2 * attempt + 2); // the wait before the next attempt
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var ctx = await run.Guard();
        never.Open();

        Assert.That(ctx.HasFailed, Is.True);
        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.TaskName, Is.EqualTo("stuck"));
        Assert.That(error.Attempts, Is.EqualTo(3));
        var timeout = (TaskTimeoutException)error.InnerException!;
        Assert.That(timeout.Message, Is.EqualTo("Task 'stuck' timed out after 00:00:05 (attempt 3 of 3)."));
        Assert.That(timeout.Timeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(error.Message, Does.Contain("Task 'stuck' failed after 3 attempts").And.Contain("timed out after 00:00:05"));
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(17)), "three attempts of 5 s and two waits of 1 s");
        Assert.That(OptionsWorkflow.TypesOf(ctx, "stuck"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskTimedOut,
            ExecutionEventType.TaskRetryFailed,
            ExecutionEventType.TaskRetryStarted,
            ExecutionEventType.TaskTimedOut,
            ExecutionEventType.TaskRetryFailed,
            ExecutionEventType.TaskRetryStarted,
            ExecutionEventType.TaskTimedOut,
            ExecutionEventType.TaskFailed,
        }));
        Assert.That(ctx.Events.First(e => e.Type == ExecutionEventType.TaskTimedOut).Value, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(OptionsWorkflow.RetriesOf(ctx, "stuck")[0].Error, Is.TypeOf<TaskTimeoutException>());
    }

    [Test]
    public async Task A_body_that_honours_cancellation_sees_its_token_cancelled_when_the_attempt_times_out()
    {
        var clock = new TestClock();
        var tokens = new List<CancellationToken>();
        var stopped = 0;
        var task = new OptionsTask<int, int>(
            "polite",
            async (_, token) =>
            {
                tokens.Add(token);
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                    return 1;
                }
                finally
                {
                    Interlocked.Increment(ref stopped);
                }
            },
            new TaskOptions { Retries = 1, RetryDelay = TimeSpan.Zero, Timeout = TimeSpan.FromMilliseconds(500) });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(1));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var ctx = await run.Guard();

        Assert.That(tokens, Has.Count.EqualTo(2), "each attempt gets its own token");
        Assert.That(tokens.All(t => t.IsCancellationRequested), Is.True);
        Assert.That(stopped, Is.EqualTo(2), "each attempt's body stopped");
        var timeout = (TaskTimeoutException)ctx.Error!.InnerException!;
        Assert.That(timeout.Attempt, Is.EqualTo(2));
        Assert.That(timeout.MaxAttempts, Is.EqualTo(2));
    }

    [Test]
    public async Task A_synchronous_body_on_the_thread_pool_that_blocks_is_abandoned()
    {
        var clock = new TestClock();
        using var release = new ManualResetEventSlim();
        var task = new OptionsTask<int, int>(
            "blocking",
            (x, token) => new ValueTask<int>(Task.Factory.StartNew(
                () =>
                {
                    release.Wait(); // a CPU-bound or blocking body that never looks at its token
                    return x;
                },
                CancellationToken.None,
                TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default)),
            new TaskOptions { Timeout = TimeSpan.FromSeconds(2) });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(1));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(2));
        var ctx = await run.Guard();
        release.Set();

        Assert.That(ctx.HasFailed, Is.True);
        Assert.That(ctx.Error, Is.TypeOf<TaskFailedException>());
        Assert.That(ctx.Error!.InnerException!.Message, Is.EqualTo("Task 'blocking' timed out after 00:00:02."));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "blocking"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskTimedOut, ExecutionEventType.TaskFailed,
        }));
    }

    [Test]
    public async Task A_body_that_finishes_in_time_is_not_affected_by_its_timeout()
    {
        var clock = new TestClock();
        var gate = new Gate();
        var task = new OptionsTask<int, int>(
            "quick",
            async (x, token) =>
            {
                await gate.WaitAsync(token);
                return x + 1;
            },
            new TaskOptions { Timeout = TimeSpan.FromSeconds(5) });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(1));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        gate.Open();
        var ctx = await run.Guard();

        Assert.That(ctx.Output, Is.EqualTo(2));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "quick"), Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCompleted }));
    }

    [Test]
    public async Task A_timeout_counts_as_a_failure_retries_then_falls_back()
    {
        var clock = new TestClock();
        var never = new Gate();
        var task = new OptionsTask<string, string>(
            "fetch",
            async (_, token) =>
            {
                await never.WaitAsync(token);
                return "fresh";
            },
            new TaskOptions { Retries = 1, RetryDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(1) },
            fallback: (url, _) => ValueTask.FromResult($"cached {url}"));

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call("a"));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(1));
        var ctx = await run.Guard();

        Assert.That(ctx.Output, Is.EqualTo("cached a"));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "fetch"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskTimedOut,
            ExecutionEventType.TaskRetryFailed,
            ExecutionEventType.TaskRetryStarted,
            ExecutionEventType.TaskTimedOut,
            ExecutionEventType.TaskFallbackStarted,
            ExecutionEventType.TaskFallbackCompleted,
            ExecutionEventType.TaskCompleted,
        }));
    }
}
