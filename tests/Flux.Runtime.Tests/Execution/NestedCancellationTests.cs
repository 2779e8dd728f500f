using Flux.Runtime.Tests.Options;
using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Execution;

/// <summary>
/// A call made inside a task body belongs to that call: whatever cancels the enclosing call (fail-fast of its batch,
/// the timeout of its attempt, the workflow's cancellation) reaches the nested call, its nested Maps and graphs.
/// </summary>
public class NestedCancellationTests
{
    [Test]
    public async Task A_nested_call_inside_a_map_item_stops_and_does_not_retry_after_the_map_failed()
    {
        var clock = new TestClock();
        var attempts = 0;
        var charge = new OptionsTask<int, int>(
            "charge",
            (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                return ValueTask.FromException<int>(new InvalidOperationException("card service busy"));
            },
            new TaskOptions { Retries = 5, RetryDelay = TimeSpan.FromMinutes(1) });
        var order = new OptionsTask<int, int>("order", async (o, _) =>
        {
            if (o == 1)
            {
                await clock.WaitForTimersAsync(1); // order 0's charge waits for its first retry
                throw new ArgumentException("order 1 is invalid");
            }

            return await charge.Call(o);
        });

        var ctx = await OptionsWorkflow.Run(clock, async _ => await order.Map([0, 1])).Guard();

        Assert.That(((TaskFailedException)ctx.Error!).TaskName, Is.EqualTo("order"));
        Assert.That(attempts, Is.EqualTo(1), "the nested call was cancelled during its retry wait, with no further attempt");
        Assert.That(OptionsWorkflow.TypesOf(ctx, "charge"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskRetryFailed, ExecutionEventType.TaskCancelled,
        }));
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.Zero), "the clock never moved: the wait was cancelled, not served");
    }

    [Test]
    public async Task A_timed_out_attempt_s_nested_call_is_cancelled_before_the_retry_starts()
    {
        var clock = new TestClock();
        var innerTokens = new List<CancellationToken>();
        var cancelledBeforeRetry = new List<bool>();
        var inner = new OptionsTask<int, int>("inner", async (x, token) =>
        {
            lock (innerTokens)
            {
                innerTokens.Add(token);
            }

            await Task.Delay(Timeout.Infinite, token);
            return x;
        });
        var outer = new OptionsTask<int, int>(
            "outer",
            async (x, _) =>
            {
                lock (innerTokens)
                {
                    cancelledBeforeRetry.Add(innerTokens.All(t => t.IsCancellationRequested));
                }

                // The body ignores its own token: only the nested call can notice the timeout.
                return await inner.Call(x);
            },
            new TaskOptions { Retries = 1, RetryDelay = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) });

        var run = OptionsWorkflow.Run(clock, async _ => await outer.Call(1));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(5));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(5));
        var ctx = await run.Guard();

        Assert.That(ctx.HasFailed, Is.True);
        Assert.That(cancelledBeforeRetry, Is.EqualTo(new[] { true, true }), "when the retry's body starts, the first attempt's nested call is already cancelled");
        Assert.That(OptionsWorkflow.TypesOf(ctx, "inner"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled, ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled,
        }));
        var order = ctx.Events.Where(e => e.IsTaskEvent).Select(e => (e.Name, e.Type)).ToList();
        Assert.That(
            order.IndexOf(("inner", ExecutionEventType.TaskCancelled)),
            Is.LessThan(order.IndexOf(("outer", ExecutionEventType.TaskRetryStarted))),
            "the nested call finished its cancellation before the retry started");
    }

    [Test]
    public async Task Workflow_cancellation_reaches_a_graph_run_inside_a_task_body_even_with_its_own_token()
    {
        var started = new Gate();
        var nodeCancelled = new Gate();
        var waiting = new LambdaTask<string, string>("waiting", async (s, token) =>
        {
            started.Open();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            catch (OperationCanceledException)
            {
                nodeCancelled.Open();
                throw;
            }

            return s;
        });
        var graph = new Graph("nested").AddNode("waiting", waiting).StartWith("waiting").EndWith("waiting").Build();
        using var unrelated = new CancellationTokenSource();
        var outer = new LambdaTask<string, string>("outer", async (s, _) => await graph.RunAsync<string, string>(s, unrelated.Token));
        using var cancellation = new CancellationTokenSource();

        var run = LambdaTask.RunWorkflow<string, string>("x", async c => await outer.Call(c.Input), cancellation.Token);
        await started.WaitAsync().Guard();
        await cancellation.CancelAsync();
        var ctx = await run.Guard();

        Assert.That(ctx.IsCancelled, Is.True);
        Assert.That(nodeCancelled.IsOpen, Is.True, "an explicit token links to the enclosing scope's token instead of replacing it");
        Assert.That(OptionsWorkflow.TypesOf(ctx, "waiting"), Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled }));
    }

    [Test]
    public async Task Fail_fast_of_a_parallel_reaches_a_map_inside_a_sibling_s_body()
    {
        var itemsStarted = new Countdown(2);
        var items = new LambdaTask<int, int>("item", async (i, token) =>
        {
            itemsStarted.Signal();
            await Task.Delay(Timeout.Infinite, token);
            return i;
        });
        var sibling = new LambdaTask<int, int>("sibling", async (_, _) => (await items.Map([1, 2])).Sum());
        var failing = new LambdaTask<int, int>("failing", async (_, _) =>
        {
            await itemsStarted.Reached;
            throw new InvalidOperationException("broken");
        });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await Workflow.Parallel(sibling.Call(0), failing.Call(0))).Guard();

        Assert.That(((TaskFailedException)ctx.Error!).TaskName, Is.EqualTo("failing"));
        Assert.That(ctx.Events.Count(e => e.Name == "item" && e.Type == ExecutionEventType.TaskCancelled), Is.EqualTo(2));
    }
}
