namespace Flux.Runtime.Tests.Options;

public class CacheTests
{
    private static readonly TaskOptions Cached = new() { Cache = true };

    // Each test uses task names of its own: the cache is process-wide.
    private static string Unique(string name) => $"{name}_{Guid.NewGuid():N}";

    [Test]
    public async Task A_second_call_with_the_same_arguments_is_a_hit_across_executions_and_still_records_its_events()
    {
        var name = Unique("square");
        var runs = 0;
        var task = new OptionsTask<int, int>(name, (x, _) => { runs++; return ValueTask.FromResult(x * x); }, Cached);

        var first = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(4));
        var second = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(4) + await task.Call(4));

        Assert.That(first.Output, Is.EqualTo(16));
        Assert.That(second.Output, Is.EqualTo(32));
        Assert.That(runs, Is.EqualTo(1), "the body ran once; the other calls were hits");
        Assert.That(OptionsWorkflow.TypesOf(second, name), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskCompleted, ExecutionEventType.TaskStarted, ExecutionEventType.TaskCompleted,
        }));
        var ids = second.Events.Where(e => e.Name == name && e.Type == ExecutionEventType.TaskStarted).Select(e => e.CallId.Occurrence);
        Assert.That(ids, Is.EqualTo(new[] { 0, 1 }), "a hit is still its own call, with its own occurrence");
        Assert.That(second.Events.Where(e => e.Type == ExecutionEventType.TaskCompleted).Select(e => e.Value), Is.EqualTo(new object[] { 16, 16 }));
    }

    [Test]
    public async Task Other_arguments_miss()
    {
        var runs = 0;
        var task = new OptionsTask<int, int>(Unique("double"), (x, _) => { runs++; return ValueTask.FromResult(2 * x); }, Cached);

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1) + await task.Call(2) + await task.Call(1));

        Assert.That(ctx.Output, Is.EqualTo(2 + 4 + 2));
        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_null_result_is_cached_like_any_other_value()
    {
        var runs = 0;
        var task = new OptionsTask<string, string?>(Unique("lookup"), (_, _) => { runs++; return ValueTask.FromResult<string?>(null); }, Cached);

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => (await task.Call("missing"), await task.Call("missing")));

        Assert.That(ctx.Output, Is.EqualTo((default(string), default(string))));
        Assert.That(runs, Is.EqualTo(1), "unlike Python flux, null is a hit");
    }

    [Test]
    public async Task A_fallback_result_is_not_cached_and_a_failure_is_not_cached()
    {
        var runs = 0;
        var task = new OptionsTask<int, int>(
            Unique("fragile"),
            (x, _) => ++runs == 1 ? ValueTask.FromException<int>(new InvalidOperationException("first")) : ValueTask.FromResult(x),
            Cached,
            fallback: (_, _) => ValueTask.FromResult(-1));

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => new[] { await task.Call(3), await task.Call(3), await task.Call(3) });

        Assert.That(ctx.Output, Is.EqualTo(new[] { -1, 3, 3 }), "the fallback's -1 was not cached; the body's 3 was");
        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_result_from_a_successful_retry_is_cached()
    {
        var runs = 0;
        var task = new OptionsTask<int, int>(
            Unique("retried"),
            (x, _) => ++runs == 1 ? ValueTask.FromException<int>(new InvalidOperationException("first")) : ValueTask.FromResult(x),
            new TaskOptions { Cache = true, Retries = 1, RetryDelay = TimeSpan.Zero });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(8) + await task.Call(8));

        Assert.That(ctx.Output, Is.EqualTo(16));
        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public async Task Clear_forgets_a_task_s_results()
    {
        var name = Unique("cleared");
        var runs = 0;
        var task = new OptionsTask<int, int>(name, (x, _) => { runs++; return ValueTask.FromResult(x); }, Cached);

        await task.Call(1);
        TaskCache.Clear(name);
        await task.Call(1);
        await task.Call(1);

        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public async Task Without_the_option_nothing_is_cached()
    {
        var runs = 0;
        var cachedTask = new OptionsTask<int, int>(Unique("toggle"), (x, _) => { runs++; return ValueTask.FromResult(x); }, Cached);
        var plain = cachedTask.WithOptions(TaskOptions.Default);

        await plain.Call(1);
        await plain.Call(1);

        Assert.That(runs, Is.EqualTo(2));
    }
}
