using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Options;

public class BatchAndCancellationTests
{
    [Test]
    public async Task Each_item_of_a_map_runs_its_own_retries()
    {
        var failuresLeft = new[] { 0, 1, 2 };
        var task = new OptionsTask<int, int>(
            "per_item",
            (i, _) => Interlocked.Decrement(ref failuresLeft[i]) >= 0
                ? ValueTask.FromException<int>(new InvalidOperationException($"item {i}"))
                : ValueTask.FromResult(i * 10),
            new TaskOptions { Retries = 2, RetryDelay = TimeSpan.Zero });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Map([0, 1, 2]));

        Assert.That(ctx.Output, Is.EqualTo(new[] { 0, 10, 20 }));
        var retriesPerCall = ctx.Events
            .Where(e => e.Type == ExecutionEventType.TaskRetryStarted)
            .GroupBy(e => e.CallId.Fingerprint)
            .Select(g => g.Count())
            .OrderBy(n => n);
        Assert.That(retriesPerCall, Is.EqualTo(new[] { 1, 2 }), "item 1 retried once, item 2 twice, item 0 never");
    }

    [Test]
    public async Task Fail_fast_stops_a_sibling_that_waits_for_a_retry_without_another_attempt_and_runs_its_rollback()
    {
        var clock = new TestClock();
        var attempts = 0;
        var rolledBack = new Gate();
        var waiter = new OptionsTask<int, int>(
            "waiter",
            (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                return ValueTask.FromException<int>(new InvalidOperationException("busy"));
            },
            new TaskOptions { Retries = 3, RetryDelay = TimeSpan.FromMinutes(1) },
            rollback: (_, _) =>
            {
                rolledBack.Open();
                return ValueTask.CompletedTask;
            });
        var breaker = new OptionsTask<int, int>("breaker", async (_, _) =>
        {
            await clock.WaitForTimersAsync(1); // the waiter is now waiting for its first retry
            throw new ArgumentException("fatal");
        });

        // The clock never moves: the waiter must stop at once, not when its wait is over.
        var ctx = await OptionsWorkflow.Run(clock, async _ => await Workflow.Parallel(waiter.Call(1), breaker.Call(2))).Guard();

        Assert.That(((TaskFailedException)ctx.Error!).TaskName, Is.EqualTo("breaker"));
        Assert.That(attempts, Is.EqualTo(1), "no further attempt after the cancellation");
        Assert.That(rolledBack.IsOpen, Is.True);
        Assert.That(OptionsWorkflow.TypesOf(ctx, "waiter"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskRetryFailed,
            ExecutionEventType.TaskCancelled,
            ExecutionEventType.TaskRollbackStarted,
            ExecutionEventType.TaskRollbackCompleted,
        }));
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task Fail_fast_in_a_map_cancels_the_other_items_once_an_item_exhausted_its_retries()
    {
        var clock = new TestClock();
        var never = new Gate();
        var task = new OptionsTask<string, string>(
            "fetch",
            async (item, token) =>
            {
                if (item == "bad")
                {
                    throw new InvalidOperationException("bad item");
                }

                await never.WaitAsync(token);
                return item;
            },
            new TaskOptions { Retries = 2, RetryDelay = TimeSpan.FromSeconds(10), RetryBackoff = 1 });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Map(["slow", "bad"]));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(10));
        var ctx = await run.Guard();

        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.Attempts, Is.EqualTo(3));
        Assert.That(error.InnerException!.Message, Is.EqualTo("bad item"));
        var slowId = ctx.Events.First(e => e.Type == ExecutionEventType.TaskStarted && Equals(e.Value, "slow")).CallId;
        Assert.That(ctx.Events.Where(e => e.CallId == slowId).Select(e => e.Type), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled,
        }));
    }

    [Test]
    public async Task Collecting_outcomes_keeps_each_item_s_outcome_after_its_own_retries_and_fallback()
    {
        var calls = new int[4];
        var task = new OptionsTask<int, int>(
            "outcomes",
            (i, _) => Interlocked.Increment(ref calls[i]) switch
            {
                _ when i == 0 => ValueTask.FromResult(0),
                1 when i == 1 => ValueTask.FromException<int>(new InvalidOperationException("once")),
                _ when i == 1 => ValueTask.FromResult(1),
                _ => ValueTask.FromException<int>(new InvalidOperationException($"always {i}")),
            },
            new TaskOptions { Retries = 1, RetryDelay = TimeSpan.Zero });
        var copy = task.WithOptions(task.Options with { RetryDelay = TimeSpan.Zero });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ =>
        {
            var mapped = await task.MapOutcomes([0, 1, 2]);
            var parallel = await Workflow.ParallelOutcomes(copy.Call(3), task.Call(0));
            return mapped.Concat(parallel).ToArray();
        });

        var outcomes = ctx.Output!;
        Assert.That(outcomes.Select(o => o.Succeeded), Is.EqualTo(new[] { true, true, false, false, true }));
        Assert.That(outcomes[1].Value, Is.EqualTo(1));
        var failed = (TaskFailedException)outcomes[2].Error!;
        Assert.That(failed.Attempts, Is.EqualTo(2));
        Assert.That(failed.InnerException!.Message, Is.EqualTo("always 2"));
        Assert.That(((TaskFailedException)outcomes[3].Error!).InnerException!.Message, Is.EqualTo("always 3"));
        Assert.That(calls, Is.EqualTo(new[] { 2, 2, 2, 2 }), "item 0 ran in both batches; the others ran their attempts");
    }

    [Test]
    public async Task Cancelling_the_workflow_during_a_retry_wait_stops_the_call_records_it_and_rolls_it_back()
    {
        var clock = new TestClock();
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;
        var rollbacks = 0;
        var task = new OptionsTask<int, int>(
            "interrupted",
            (_, _) =>
            {
                attempts++;
                return ValueTask.FromException<int>(new InvalidOperationException("transient"));
            },
            new TaskOptions { Retries = 5, RetryDelay = TimeSpan.FromSeconds(30) },
            fallback: (_, _) => ValueTask.FromResult(-1),
            rollback: (_, _) =>
            {
                rollbacks++;
                return ValueTask.CompletedTask;
            });

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(1), cancellation.Token);
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        var ctx = await run.Guard();

        Assert.That(ctx.IsCancelled, Is.True);
        Assert.That(attempts, Is.EqualTo(1), "no retry after the cancellation");
        Assert.That(rollbacks, Is.EqualTo(1));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "interrupted"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskRetryFailed,
            ExecutionEventType.TaskCancelled,
            ExecutionEventType.TaskRollbackStarted,
            ExecutionEventType.TaskRollbackCompleted,
        }), "cancellation never falls back");
    }

    [Test]
    public async Task Cancelling_a_running_attempt_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new Gate();
        var attempts = 0;
        var task = new OptionsTask<int, int>(
            "running",
            async (_, token) =>
            {
                attempts++;
                started.Open();
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            },
            new TaskOptions { Retries = 3, RetryDelay = TimeSpan.Zero, Timeout = TimeSpan.FromMinutes(1) });

        var run = OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1), cancellation.Token);
        await started.WaitAsync().Guard();
        await cancellation.CancelAsync();
        var ctx = await run.Guard();

        Assert.That(ctx.IsCancelled, Is.True);
        Assert.That(attempts, Is.EqualTo(1));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "running"), Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled }));
    }

    [Test]
    public async Task A_rollback_after_cancellation_that_overruns_its_bound_is_abandoned_and_recorded()
    {
        var clock = new TestClock();
        using var cancellation = new CancellationTokenSource();
        var started = new Gate();
        var never = new Gate();
        var task = new OptionsTask<int, int>(
            "slow_rollback",
            async (_, token) =>
            {
                started.Open();
                await Task.Delay(Timeout.Infinite, token);
                return 0;
            },
            rollback: async (_, _) => await never.WaitAsync());

        var run = OptionsWorkflow.Run(clock, async _ => await task.Call(1), cancellation.Token);
        await started.WaitAsync().Guard();
        await cancellation.CancelAsync();
        await clock.WaitForTimersAsync(1);
        Assert.That(clock.DueTimes[0], Is.EqualTo(TimeSpan.FromSeconds(10)), "the bound of a rollback after cancellation");
        clock.Advance(TimeSpan.FromSeconds(10));
        var ctx = await run.Guard();
        never.Open();

        Assert.That(ctx.IsCancelled, Is.True);
        var failed = ctx.Events.Single(e => e.Type == ExecutionEventType.TaskRollbackFailed);
        Assert.That(((Exception)failed.Value!).Message, Does.Contain("did not finish within 00:00:10"));
    }
}
