namespace Flux.Runtime.Tests.Options;

/// <summary>Tasks whose options, fallback and rollback are declared in <c>[Task(...)]</c> and wired by the source generator.</summary>
public static partial class GeneratedOptionsFixture
{
    internal static int Attempts;
    internal static readonly List<string> Rollbacks = [];

    [Task(Retries = 2, RetryDelay = "1s", RetryBackoff = 3, Fallback = nameof(PriceFromCache))]
    public static async Task<decimal> Price(string sku, CancellationToken token)
    {
        Attempts++;
        await Task.Yield();
        throw new HttpRequestException($"price service down for {sku}");
    }

    public static decimal PriceFromCache(string sku) => sku.Length;

    [Task(Timeout = "5s", Rollback = nameof(Release))]
    public static async Task<string> Reserve(string sku, CancellationToken token)
    {
        await Task.Delay(Timeout.Infinite, token);
        return sku;
    }

    public static Task Release(string sku, CancellationToken token)
    {
        lock (Rollbacks)
        {
            Rollbacks.Add(sku);
        }

        return Task.CompletedTask;
    }
}

[NonParallelizable]
public class GeneratedOptionsTests
{
    [SetUp]
    public void Reset()
    {
        GeneratedOptionsFixture.Attempts = 0;
        GeneratedOptionsFixture.Rollbacks.Clear();
    }

    [Test]
    public async Task Declared_retries_wait_on_the_execution_clock_then_the_declared_fallback_supplies_the_result()
    {
        var clock = new TestClock();

        var run = OptionsWorkflow.Run(clock, async _ => await GeneratedOptionsFixture.PriceTask.Call("abc"));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.WaitForTimersAsync(2);
        clock.Advance(TimeSpan.FromSeconds(3));
        var ctx = await run.Guard();

        Assert.That(ctx.Output, Is.EqualTo(3m));
        Assert.That(GeneratedOptionsFixture.Attempts, Is.EqualTo(3));
        Assert.That(clock.DueTimes, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) }));
        Assert.That(OptionsWorkflow.TypesOf(ctx, GeneratedOptionsFixture.PriceTask.Name)[^3..], Is.EqualTo(new[]
        {
            ExecutionEventType.TaskFallbackStarted, ExecutionEventType.TaskFallbackCompleted, ExecutionEventType.TaskCompleted,
        }));
    }

    [Test]
    public async Task WithOptions_changes_the_options_of_a_generated_task_for_one_use()
    {
        var clock = new TestClock();
        var once = GeneratedOptionsFixture.PriceTask.WithOptions(TaskOptions.Default);

        var ctx = await OptionsWorkflow.Run(clock, async _ => await once.Call("abcd")).Guard();

        Assert.That(ctx.Output, Is.EqualTo(4m), "the declared fallback is part of the task, not of its options");
        Assert.That(GeneratedOptionsFixture.Attempts, Is.EqualTo(1));
        Assert.That(GeneratedOptionsFixture.PriceTask.Options.Retries, Is.EqualTo(2), "the original handle keeps its options");
    }

    [Test]
    public async Task A_declared_timeout_fails_the_call_and_the_declared_rollback_compensates_it()
    {
        var clock = new TestClock();

        var run = OptionsWorkflow.Run(clock, async _ => await GeneratedOptionsFixture.ReserveTask.Call("sku-1"));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(5));
        var ctx = await run.Guard();

        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.InnerException, Is.TypeOf<TaskTimeoutException>());
        Assert.That(GeneratedOptionsFixture.Rollbacks, Is.EqualTo(new[] { "sku-1" }));
    }
}
