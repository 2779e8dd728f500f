using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Patterns;

public class ParallelTests
{
    [Test]
    public async Task All_calls_start_at_once_and_results_come_back_in_argument_order()
    {
        var allStarted = new Countdown(3);
        var gates = new[] { new Gate(), new Gate(), new Gate() };
        var task = new LambdaTask<int, string>("slow", async (i, token) =>
        {
            allStarted.Signal();
            await gates[i].WaitAsync(token);
            return $"r{i}";
        });

        var ctx = await LambdaTask.RunWorkflow<int, string[]>(0, async _ =>
        {
            var running = Workflow.Parallel(task.Call(0), task.Call(1), task.Call(2));
            await allStarted.Reached; // every call is running before any finishes
            gates[2].Open();
            gates[1].Open();
            gates[0].Open();
            return await running;
        });

        Assert.That(ctx.Output, Is.EqualTo(new[] { "r0", "r1", "r2" }));
    }

    [Test]
    public async Task The_seed_parallel_greets_in_order()
    {
        var hi = LambdaTask.Of<string, string>("say_hi", n => $"Hi, {n}");
        var hello = LambdaTask.Of<string, string>("say_hello", n => $"Hello, {n}");
        var hola = LambdaTask.Of<string, string>("say_hola", n => $"Hola, {n}");

        var ctx = await LambdaTask.RunWorkflow<string, string[]>("Joe", async c =>
            await Workflow.Parallel(hi.Call(c.Input), hello.Call(c.Input), hola.Call(c.Input)));

        Assert.That(ctx.Output, Is.EqualTo(new[] { "Hi, Joe", "Hello, Joe", "Hola, Joe" }));
        Assert.That(ctx.Events.Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.Name),
            Is.EqualTo(new[] { "say_hi", "say_hello", "say_hola" }), "calls start, and get their ids, in argument order");
    }

    [Test]
    public async Task The_first_failure_cancels_the_siblings_waits_for_them_and_is_thrown()
    {
        var siblingStarted = new Gate();
        var siblingStopped = false;
        var sibling = new LambdaTask<int, int>("sibling", async (x, token) =>
        {
            siblingStarted.Open();
            try
            {
                await Task.Delay(Timeout.Infinite, token);
                return x;
            }
            finally
            {
                siblingStopped = true;
            }
        });
        var failing = new LambdaTask<int, int>("failing", async (_, _) =>
        {
            await siblingStarted.WaitAsync();
            throw new InvalidOperationException("broken");
        });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await Workflow.Parallel(sibling.Call(1), failing.Call(2)));

        var error = ctx.Error as TaskFailedException;
        Assert.That(error?.TaskName, Is.EqualTo("failing"));
        Assert.That(error!.InnerException!.Message, Is.EqualTo("broken"));
        Assert.That(siblingStopped, Is.True, "the sibling stopped before the failure was thrown");
        Assert.That(ctx.Events.Where(e => e.Name == "sibling").Select(e => e.Type),
            Is.EqualTo(new[] { ExecutionEventType.TaskStarted, ExecutionEventType.TaskCancelled }));
    }

    [Test]
    public async Task Collecting_outcomes_keeps_every_result_and_every_error_without_cancelling()
    {
        var task = LambdaTask.Of<int, int>("check", x => x % 2 == 0 ? x : throw new ArgumentException($"odd {x}"));

        var ctx = await LambdaTask.RunWorkflow<int, Outcome<int>[]>(0, async _ =>
            await Workflow.ParallelOutcomes(task.Call(2), task.Call(3), task.Call(4)));

        var outcomes = ctx.Output!;
        Assert.That(outcomes.Select(o => o.Succeeded), Is.EqualTo(new[] { true, false, true }));
        Assert.That(outcomes[0].Value, Is.EqualTo(2));
        Assert.That(outcomes[2].Value, Is.EqualTo(4));
        Assert.That(outcomes[1].Error, Is.InstanceOf<TaskFailedException>().With.Message.Contains("odd 3"));
        Assert.Throws<InvalidOperationException>(() => _ = outcomes[1].Value);
    }

    [Test]
    public async Task MaxConcurrency_bounds_the_calls_running_at_once()
    {
        var running = 0;
        var peak = 0;
        var firstTwo = new Countdown(2);
        var gates = Enumerable.Range(0, 5).Select(_ => new Gate()).ToArray();
        var task = new LambdaTask<int, int>("bounded", async (i, token) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            firstTwo.Signal();
            await gates[i].WaitAsync(token);
            Interlocked.Decrement(ref running);
            return i;
        });

        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ =>
        {
            var all = Workflow.Parallel(new BatchOptions { MaxConcurrency = 2 }, Enumerable.Range(0, 5).Select(task.Call).ToArray());
            await firstTwo.Reached;
            foreach (var gate in gates)
            {
                gate.Open();
            }

            return await all;
        });

        Assert.That(ctx.Output, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(peak, Is.EqualTo(2));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void An_invalid_MaxConcurrency_is_rejected_with_a_clear_message(int value)
    {
        Assert.That(() => new BatchOptions { MaxConcurrency = value },
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains($"MaxConcurrency must be at least 1 (got {value})"));
    }

    [Test]
    public async Task An_empty_parallel_returns_an_empty_array()
    {
        var ctx = await LambdaTask.RunWorkflow<int, int[]>(0, async _ => await Workflow.Parallel<int>());

        Assert.That(ctx.Output, Is.Empty);
        Assert.That(ctx.HasSucceeded, Is.True);
    }

    [Test]
    public async Task Calls_of_different_result_types_run_at_once_as_a_typed_tuple()
    {
        var count = LambdaTask.Of<int, int>("count", x => x + 1);
        var hi = LambdaTask.Of<string, string>("say_hi", n => $"Hi, {n}");

        var ctx = await LambdaTask.RunWorkflow<int, string>(0, async _ =>
        {
            var (n, greeting) = await Workflow.Parallel((count.Call(3), hi.Call("Ann")));
            var (m, again) = await (count.Call(4), hi.Call("Bo"));
            return $"{n} {greeting} {m} {again}";
        });

        Assert.That(ctx.Output, Is.EqualTo("4 Hi, Ann 5 Hi, Bo"));
    }

    [Test]
    public async Task A_null_call_is_rejected_with_its_position()
    {
        var hi = LambdaTask.Of<string, string>("say_hi", n => n);

        var thrown = await Assert.ThrowsAsync<ArgumentNullException>(() => Workflow.Parallel(hi.Call("a"), null!));

        Assert.That(thrown!.Message, Does.Contain("Call 2 of Parallel is null"));
    }

    [Test]
    public async Task A_whole_batch_timeout_cancels_the_running_calls_and_throws_a_TimeoutException()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var started = new Gate();
        var stuck = new LambdaTask<int, int>("stuck", async (x, token) =>
        {
            started.Open();
            await Task.Delay(Timeout.Infinite, token);
            return x;
        });
        var workflow = new WorkflowHandle<int, int[]>("timed", async _ =>
        {
            var running = Workflow.Parallel(new BatchOptions { Timeout = TimeSpan.FromSeconds(5) }, stuck.Call(1));
            await started.WaitAsync();
            clock.Advance(TimeSpan.FromSeconds(5));
            return await running;
        });

        var ctx = await workflow.RunAsync(0, new RunOptions { TimeProvider = clock });

        Assert.That(ctx.Error, Is.InstanceOf<TimeoutException>().With.Message.Contains("Parallel did not finish within its batch timeout of 00:00:05"));
        Assert.That(ctx.Events.Where(e => e.Name == "stuck").Select(e => e.Type).Last(), Is.EqualTo(ExecutionEventType.TaskCancelled));
    }

    internal static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
