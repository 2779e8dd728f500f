using Flux.Runtime.Tests.Options;
using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Patterns;

/// <summary>How a batch (Map, MapStream, Parallel) starts its calls, stops them and ends.</summary>
public class BatchBehaviourTests
{
    [Test]
    public async Task The_synchronous_parts_of_two_map_items_run_at_the_same_time()
    {
        // Each item's body blocks, before its first await, until the other item's body has started too: the map can
        // only finish if the two synchronous parts are in flight at once. The barrier's limit is a guard against a hang,
        // never an assertion about timing.
        using var bothStarted = new Barrier(2);
        var task = new LambdaTask<int, bool>("sync_part", async (_, _) =>
        {
            var met = bothStarted.SignalAndWait(TimeSpan.FromSeconds(30));
            await Task.Yield();
            return met;
        });

        var ctx = await LambdaTask.RunWorkflow<int, bool[]>(0, async _ => await task.Map([0, 1])).Guard();

        Assert.That(ctx.Output, Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public async Task A_batch_whose_calls_all_finished_returns_its_results_even_if_its_timer_fires_late()
    {
        var clock = new TestClock();
        var task = new OptionsTask<int, int>("last_moment", (i, _) =>
        {
            if (i == 1)
            {
                // The batch's timer fires after this call has its result but before the batch looked at the results.
                clock.Advance(TimeSpan.FromSeconds(10));
            }

            return ValueTask.FromResult(i * 2);
        });

        var ctx = await OptionsWorkflow.Run(clock, async _ => await task.Map([0, 1], new BatchOptions { Timeout = TimeSpan.FromSeconds(10), MaxConcurrency = 1 })).Guard();

        Assert.That(ctx.Output, Is.EqualTo(new[] { 0, 2 }));
    }

    [Test]
    public void A_batch_timeout_beyond_the_timer_limit_is_rejected_naming_the_option()
    {
        Assert.That(
            () => new BatchOptions { Timeout = TimeSpan.FromDays(60) },
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Timeout must be positive and at most").And.Property("ParamName").EqualTo("Timeout"));
        Assert.That(new BatchOptions { Timeout = TimeSpan.FromDays(40) }.Timeout, Is.EqualTo(TimeSpan.FromDays(40)));
    }

    [Test]
    public async Task MapStream_fails_fast_without_waiting_for_a_slow_earlier_item()
    {
        var slowStarted = new Gate();
        var slowCancelled = new Gate();
        var task = new LambdaTask<int, int>("stream_item", async (i, token) =>
        {
            if (i == 0)
            {
                slowStarted.Open();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    slowCancelled.Open();
                    throw;
                }
            }

            await slowStarted.WaitAsync(token);
            throw new InvalidDataException($"bad row {i}");
        });

        var ctx = await LambdaTask.RunWorkflow<int, int>(0, async _ =>
        {
            var sum = 0;
            await foreach (var r in task.MapStream([0, 1], new BatchOptions { MaxConcurrency = 2 }))
            {
                sum += r;
            }

            return sum;
        }).Guard();

        Assert.That(ctx.Error, Is.TypeOf<TaskFailedException>().With.Message.Contains("bad row 1"));
        Assert.That(slowCancelled.IsOpen, Is.True, "the slow item was cancelled and awaited");
    }

    [Test]
    public async Task MapStream_items_and_their_nested_calls_do_not_grow_the_log()
    {
        var inner = LambdaTask.Of<int, int>("inner", x => x + 1);
        var task = new LambdaTask<int, int>("outer", async (x, _) => await inner.Call(x));

        var ctx = await LambdaTask.RunWorkflow<int, int>(0, async _ =>
        {
            var sum = 0;
            await foreach (var r in task.MapStream(Enumerable.Range(0, 100)))
            {
                sum += r;
            }

            return sum;
        }).Guard();

        Assert.That(ctx.Output, Is.EqualTo(Enumerable.Range(1, 100).Sum()));
        Assert.That(ctx.Events.Count(e => e.IsTaskEvent), Is.Zero);
    }
}
