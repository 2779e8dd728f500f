using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Patterns;

public class MapTests
{
    [Test]
    public async Task Map_returns_results_in_input_order()
    {
        var upper = LambdaTask.Of<string, string>("process_item", s => s.ToUpperInvariant());

        var ctx = await LambdaTask.RunWorkflow<string[], string[]>(["a", "b", "c"], async c => await upper.Map(c.Input));

        Assert.That(ctx.Output, Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(ctx.Events.Count(e => e.Type == ExecutionEventType.TaskCompleted), Is.EqualTo(3));
    }

    [Test]
    public async Task Map_keeps_input_order_when_items_finish_in_reverse()
    {
        var gates = Enumerable.Range(0, 4).Select(_ => new Gate()).ToArray();
        var allStarted = new Countdown(4);
        var task = new LambdaTask<int, int>("reverse", async (i, token) =>
        {
            allStarted.Signal();
            await gates[i].WaitAsync(token);
            return i * 10;
        });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ =>
        {
            var all = task.Map([0, 1, 2, 3]);
            await allStarted.Reached;
            foreach (var gate in gates.Reverse())
            {
                gate.Open();
            }

            return await all;
        });

        Assert.That(ctx.Output, Is.EqualTo(new[] { 0, 10, 20, 30 }));
    }

    [Test]
    public async Task The_seed_task_map_counts_sequences()
    {
        var count = LambdaTask.Of<int, int[]>("count", to => Enumerable.Range(0, to + 1).ToArray());

        var ctx = await LambdaTask.RunWorkflow<int, int>(5, async c => (await count.Map(Enumerable.Range(0, c.Input))).Length);

        Assert.That(ctx.Output, Is.EqualTo(5));
    }

    [Test]
    public async Task An_empty_input_returns_an_empty_array_and_runs_nothing()
    {
        var runs = 0;
        var task = LambdaTask.Of<int, int>("never", x => { runs++; return x; });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await task.Map([]));

        Assert.That(ctx.Output, Is.Empty);
        Assert.That(runs, Is.Zero);
        Assert.That(ctx.Events.Count(e => e.IsTaskEvent), Is.Zero);
    }

    [Test]
    public async Task An_input_that_fails_while_being_read_starts_nothing()
    {
        var runs = 0;
        var task = LambdaTask.Of<int, int>("never", x => { Interlocked.Increment(ref runs); return x; });
        static IEnumerable<int> Broken()
        {
            yield return 1;
            throw new IOException("disk gone");
        }

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await task.Map(Broken()));

        Assert.That(ctx.Error, Is.InstanceOf<IOException>());
        Assert.That(runs, Is.Zero);
    }

    [Test]
    public void A_null_input_is_rejected()
    {
        var task = LambdaTask.Of<int, int>("t", x => x);

        Assert.That(() => task.Map((IEnumerable<int>)null!), Throws.ArgumentNullException);
    }

    [Test]
    public async Task The_first_failure_cancels_the_rest_and_names_the_task()
    {
        var started = new Gate();
        var task = new LambdaTask<int, int>("item", async (i, token) =>
        {
            if (i == 0)
            {
                started.Open();
                await Task.Delay(Timeout.Infinite, token);
            }

            await started.WaitAsync(token);
            throw new InvalidOperationException($"item {i} broke");
        });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await task.Map([0, 1]));

        Assert.That(ctx.Error, Is.InstanceOf<TaskFailedException>().With.Message.Contains("Task 'item' failed").And.Message.Contains("item 1 broke"));
        Assert.That(ctx.Events.Count(e => e.Type == ExecutionEventType.TaskCancelled), Is.EqualTo(1));
    }

    [Test]
    public async Task The_default_concurrency_of_a_synchronous_body_is_the_number_of_cores()
    {
        var running = 0;
        var peak = 0;
        var firstWave = new Countdown(Environment.ProcessorCount);
        var release = new Gate();
        var task = new LambdaTask<int, int>("cpu", async (i, token) =>
        {
            ParallelTests.InterlockedMax(ref peak, Interlocked.Increment(ref running));
            firstWave.Signal();
            await release.WaitAsync(token);
            Interlocked.Decrement(ref running);
            return i;
        }, synchronous: true);

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ =>
        {
            var all = task.Map(Enumerable.Range(0, Environment.ProcessorCount * 3));
            await firstWave.Reached;
            release.Open();
            return await all;
        });

        Assert.That(ctx.Output, Has.Length.EqualTo(Environment.ProcessorCount * 3));
        Assert.That(peak, Is.EqualTo(Environment.ProcessorCount));
    }

    [Test]
    public async Task An_explicit_MaxConcurrency_bounds_map()
    {
        var running = 0;
        var peak = 0;
        var firstWave = new Countdown(3);
        var release = new Gate();
        var task = new LambdaTask<int, int>("io", async (i, token) =>
        {
            ParallelTests.InterlockedMax(ref peak, Interlocked.Increment(ref running));
            firstWave.Signal();
            await release.WaitAsync(token);
            Interlocked.Decrement(ref running);
            return i;
        });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ =>
        {
            var all = task.Map(Enumerable.Range(0, 20), new BatchOptions { MaxConcurrency = 3 });
            await firstWave.Reached;
            release.Open();
            return await all;
        });

        Assert.That(ctx.Output, Is.EqualTo(Enumerable.Range(0, 20)));
        Assert.That(peak, Is.EqualTo(3));
    }

    [Test]
    public async Task MapOutcomes_collects_each_item()
    {
        var task = LambdaTask.Of<int, int>("half", x => x % 2 == 0 ? x / 2 : throw new ArgumentException("odd"));

        var ctx = await LambdaTask.RunWorkflow<int, Outcome<int>[]>(0, async _ => await task.MapOutcomes([2, 3]));

        Assert.That(ctx.Output!.Select(o => o.Succeeded), Is.EqualTo(new[] { true, false }));
        Assert.That(ctx.Output![0].Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Map_over_an_async_sequence()
    {
        var task = LambdaTask.Of<int, int>("square", x => x * x);
        static async IAsyncEnumerable<int> Numbers()
        {
            for (var i = 1; i <= 3; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await task.Map(Numbers()));

        Assert.That(ctx.Output, Is.EqualTo(new[] { 1, 4, 9 }));
    }

    [Test]
    public async Task MapStream_yields_in_order_and_never_runs_more_than_its_window()
    {
        var running = 0;
        var peak = 0;
        var task = new LambdaTask<int, int>("stream", async (i, _) =>
        {
            ParallelTests.InterlockedMax(ref peak, Interlocked.Increment(ref running));
            await Task.Yield();
            Interlocked.Decrement(ref running);
            return i + 1;
        });

        var ctx = await LambdaTask.RunWorkflow<int, List<int>>(0, async _ =>
        {
            var results = new List<int>();
            await foreach (var r in task.MapStream(Enumerable.Range(0, 200), new BatchOptions { MaxConcurrency = 4 }))
            {
                results.Add(r);
            }

            return results;
        });

        Assert.That(ctx.Output, Is.EqualTo(Enumerable.Range(1, 200)));
        Assert.That(peak, Is.LessThanOrEqualTo(4));
        Assert.That(ctx.Events.Count(e => e.IsTaskEvent), Is.Zero, "stream items are not logged one by one");
    }

    [Test]
    public async Task MapStream_surfaces_a_failure_naming_the_task_and_the_workflow()
    {
        var task = LambdaTask.Of<int, int>("stream_item", x => x == 3 ? throw new InvalidDataException("bad row") : x);

        var ctx = await LambdaTask.RunWorkflow<int, int>(0, async _ =>
        {
            var sum = 0;
            await foreach (var r in task.MapStream(Enumerable.Range(0, 10)))
            {
                sum += r;
            }

            return sum;
        }, name: "etl");

        Assert.That(ctx.Error, Is.InstanceOf<TaskFailedException>().With.Message.Contains("Task 'stream_item' failed in workflow 'etl'"));
    }
}
