namespace Flux.Runtime.Tests.Options;

public class CacheTests
{
    private static readonly TaskOptions Cached = new() { Cache = true };

    [Test]
    public async Task A_second_call_with_the_same_arguments_is_a_hit_across_executions_and_still_records_its_events()
    {
        var cache = new TaskCache();
        var runs = 0;
        var task = new OptionsTask<int, int>("square", (x, _) => { runs++; return ValueTask.FromResult(x * x); }, Cached);

        var first = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(4), cache: cache);
        var second = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(4) + await task.Call(4), cache: cache);

        Assert.That(first.Output, Is.EqualTo(16));
        Assert.That(second.Output, Is.EqualTo(32));
        Assert.That(runs, Is.EqualTo(1), "the body ran once; the other calls were hits");
        Assert.That(OptionsWorkflow.TypesOf(second, "square"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskCompleted, ExecutionEventType.TaskStarted, ExecutionEventType.TaskCompleted,
        }));
        var ids = second.Events.Where(e => e.Name == "square" && e.Type == ExecutionEventType.TaskStarted).Select(e => e.CallId.Occurrence);
        Assert.That(ids, Is.EqualTo(new[] { 0, 1 }), "a hit is still its own call, with its own occurrence");
        Assert.That(second.Events.Where(e => e.Type == ExecutionEventType.TaskCompleted).Select(e => e.Value), Is.EqualTo(new object[] { 16, 16 }));
        Assert.That(cache.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Other_arguments_miss()
    {
        var runs = 0;
        var task = new OptionsTask<int, int>("double", (x, _) => { runs++; return ValueTask.FromResult(2 * x); }, Cached);

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1) + await task.Call(2) + await task.Call(1), cache: new TaskCache());

        Assert.That(ctx.Output, Is.EqualTo(2 + 4 + 2));
        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_null_result_is_cached_like_any_other_value()
    {
        var runs = 0;
        var task = new OptionsTask<string, string?>("lookup", (_, _) => { runs++; return ValueTask.FromResult<string?>(null); }, Cached);

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => (await task.Call("missing"), await task.Call("missing")), cache: new TaskCache());

        Assert.That(ctx.Output, Is.EqualTo((default(string), default(string))));
        Assert.That(runs, Is.EqualTo(1), "unlike Python flux, null is a hit");
    }

    [Test]
    public async Task A_fallback_result_is_not_cached_and_a_failure_is_not_cached()
    {
        var runs = 0;
        var task = new OptionsTask<int, int>(
            "fragile",
            (x, _) => ++runs == 1 ? ValueTask.FromException<int>(new InvalidOperationException("first")) : ValueTask.FromResult(x),
            Cached,
            fallback: (_, _) => ValueTask.FromResult(-1));

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => new[] { await task.Call(3), await task.Call(3), await task.Call(3) }, cache: new TaskCache());

        Assert.That(ctx.Output, Is.EqualTo(new[] { -1, 3, 3 }), "the fallback's -1 was not cached; the body's 3 was");
        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public async Task A_result_from_a_successful_retry_is_cached()
    {
        var runs = 0;
        var task = new OptionsTask<int, int>(
            "retried",
            (x, _) => ++runs == 1 ? ValueTask.FromException<int>(new InvalidOperationException("first")) : ValueTask.FromResult(x),
            new TaskOptions { Cache = true, Retries = 1, RetryDelay = TimeSpan.Zero });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(8) + await task.Call(8), cache: new TaskCache());

        Assert.That(ctx.Output, Is.EqualTo(16));
        Assert.That(runs, Is.EqualTo(2));
    }

    [Test]
    public async Task Clear_forgets_one_task_s_results_or_all_of_them()
    {
        var cache = new TaskCache();
        var runs = new Dictionary<string, int> { ["cleared"] = 0, ["kept"] = 0 };
        var cleared = new OptionsTask<int, int>("cleared", (x, _) => { runs["cleared"]++; return ValueTask.FromResult(x); }, Cached);
        var kept = new OptionsTask<int, int>("kept", (x, _) => { runs["kept"]++; return ValueTask.FromResult(x); }, Cached);
        Task<ExecutionContext<int, int>> Both() => OptionsWorkflow.Run(new TestClock(), async _ => await cleared.Call(1) + await kept.Call(1), cache: cache);

        await Both();
        cache.Clear("cleared");
        await Both();
        Assert.That(runs, Is.EqualTo(new Dictionary<string, int> { ["cleared"] = 2, ["kept"] = 1 }));

        cache.Clear();
        Assert.That(cache.Count, Is.Zero);
        await Both();
        Assert.That(runs, Is.EqualTo(new Dictionary<string, int> { ["cleared"] = 3, ["kept"] = 2 }));
    }

    [Test]
    public async Task Each_cache_is_its_own_scope_and_a_run_without_one_uses_the_default()
    {
        var runs = 0;
        var task = new OptionsTask<int, int>($"scoped_{Guid.NewGuid():N}", (x, _) => { runs++; return ValueTask.FromResult(x); }, Cached);

        await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1), cache: new TaskCache());
        await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1), cache: new TaskCache());
        Assert.That(runs, Is.EqualTo(2), "two hosts with their own caches share nothing");

        await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1));
        await task.Call(1);
        Assert.That(runs, Is.EqualTo(3), "a run without a cache of its own and a call outside a workflow share the default cache");
        RunOptions.Default.Cache!.Clear(task.Name);
    }

    [Test]
    public async Task Without_the_option_nothing_is_cached()
    {
        var runs = 0;
        var cachedTask = new OptionsTask<int, int>("toggle", (x, _) => { runs++; return ValueTask.FromResult(x); }, Cached);
        var plain = cachedTask.WithOptions(TaskOptions.Default);

        await OptionsWorkflow.Run(new TestClock(), async _ => await plain.Call(1) + await plain.Call(1), cache: new TaskCache());

        Assert.That(runs, Is.EqualTo(2));
    }
}

public class CacheArgumentTests
{
    /// <summary>A customer whose fingerprint deliberately collides with every other customer's, as two different values might.</summary>
    private sealed class Customer(string name, decimal discount) : IStableHashable
    {
        public string Name { get; } = name;

        public decimal Discount { get; } = discount;

        public void WriteFingerprint(ref FingerprintWriter writer) => writer.Write("customer");
    }

    [Test]
    public async Task Calls_whose_arguments_differ_never_share_a_result_even_when_their_fingerprints_do()
    {
        // Both customers have the same fingerprint: only comparing the arguments themselves tells them apart.
        var runs = 0;
        var price = new OptionsTask<Customer, decimal>(
            "price",
            (c, _) =>
            {
                Interlocked.Increment(ref runs);
                return ValueTask.FromResult(100m * (1 - c.Discount));
            },
            new TaskOptions { Cache = true });
        var ann = new Customer("Ann", 0.5m);
        var bob = new Customer("Bob", 0m);

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => (await price.Call(ann), await price.Call(bob), await price.Call(ann)), cache: new TaskCache());

        Assert.That(ctx.Output, Is.EqualTo((50m, 100m, 50m)), "each customer gets their own price");
        Assert.That(runs, Is.EqualTo(2), "the third call, Ann again, is a hit");
    }

    [Test]
    public async Task Instance_tasks_of_different_instances_never_share_a_result()
    {
        var first = new Shop(1.0m);
        var second = new Shop(2.0m);
        var cache = new TaskCache();

        var ctx = await OptionsWorkflow.Run(
            new TestClock(),
            async _ => (await first.Price.Call(10), await second.Price.Call(10), await first.Price.WithOptions(new TaskOptions { Cache = true }).Call(10)),
            cache: cache);

        Assert.That(ctx.Output, Is.EqualTo((10m, 20m, 10m)));
        Assert.That((first.Runs, second.Runs), Is.EqualTo((1, 1)), "a copy of a handle with other options runs on the same instance and shares its entries");
    }

    /// <summary>An instance task as the generator writes one: the handle passes the instance it runs on to the base.</summary>
    private sealed class Shop(decimal factor)
    {
        public int Runs { get; private set; }

        private PriceHandle? _price;

        public PriceHandle Price => _price ??= new PriceHandle(this, new TaskOptions { Cache = true });

        private decimal PriceOf(int amount)
        {
            Runs++;
            return amount * factor;
        }

        public sealed class PriceHandle(Shop target, TaskOptions options) : TaskHandle<int, decimal>("Price", options, target)
        {
            public override IReadOnlyList<Type> ParameterTypes { get; } = [typeof(int)];

            public TaskCall<decimal> Call(int amount) => CreateCall(amount);

            public PriceHandle WithOptions(TaskOptions options) => new(target, options);

            protected override ValueTask<decimal> InvokeAsync(int arguments, CancellationToken cancellationToken) => ValueTask.FromResult(target.PriceOf(arguments));

            protected override void WriteFingerprint(ref FingerprintWriter writer, int arguments) => writer.Write(arguments);

            protected override int ConvertArguments(ReadOnlySpan<object?> arguments) => (int)arguments[0]!;
        }
    }
}
