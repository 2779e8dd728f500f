using System.Text;
using System.Text.Json;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>The in-process client: runs by workflow name with JSON, reads, watches and resumes executions.</summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class ClientTests(StoreKind kind) : DurableTest(kind)
{
    private static readonly WorkflowHandle<int, int> Chain = new("chain", async ctx =>
        await T.AddTask.Call(await T.AddTask.Call(ctx.Input, 1), 2));

    private static readonly WorkflowHandle<string, int> Waiting = new("waiting", async ctx =>
        await T.AddTask.Call(await T.WaitTask.Call(ctx.Input), 10));

    private static readonly WorkflowHandle<Order, Receipt> Charging = new("charging", async ctx => await T.ChargeTask.Call(ctx.Input));

    private FluxClient NewClient(IExecutionStore? store = null) => new(store ?? Store, [Chain, Waiting, Charging], Options());

    private static JsonElement Json<TValue>(TValue value) => JsonSerializer.SerializeToElement(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<TValue>)TestJson.Default.Options.GetTypeInfo(typeof(TValue)));

    [Test]
    public async Task RunAsync_returns_the_finished_execution_by_name_with_JSON()
    {
        await using var client = NewClient();

        var record = await client.RunAsync("chain", JsonSerializer.SerializeToElement(4), "client-1");

        Assert.That(record.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(record.Output!), Is.EqualTo("7"));
        var receipt = await client.RunAsync("charging", Json(new Order("o-1", 5m)));
        Assert.That(Encoding.UTF8.GetString(receipt.Output!), Does.StartWith("""{"OrderId":"o-1","Charged":5,"""));
        Assert.That(client.Workflows.Select(w => w.Name), Is.EqualTo(new[] { "chain", "charging", "waiting" }));
    }

    [Test]
    public async Task StartAsync_returns_once_the_execution_is_stored_and_it_goes_on()
    {
        await using var client = NewClient();

        var started = await client.StartAsync("waiting", JsonSerializer.SerializeToElement("go"), "client-2");

        Assert.That(started.State, Is.EqualTo(ExecutionState.Running));
        Assert.That(started.Owner, Is.EqualTo("owner-1"));
        await Probe.WhenReached("go");
        Probe.Open("go");
        await client.DisposeAsync();
        var done = await client.GetAsync("client-2");
        Assert.That(done!.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(done.Output!), Is.EqualTo("11"));
    }

    [Test]
    public async Task WatchAsync_streams_every_event_live_until_the_end()
    {
        await using var client = NewClient();
        await client.StartAsync("waiting", JsonSerializer.SerializeToElement("watch"), "client-3");
        var watched = new List<StoredEvent>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in client.WatchAsync("client-3"))
            {
                watched.Add(e);
            }
        });

        await Probe.WhenReached("watch");
        Probe.Open("watch");
        await watching.Guard();

        var stored = new List<StoredEvent>();
        await foreach (var e in client.GetEventsAsync("client-3"))
        {
            stored.Add(e);
        }

        Assert.That(watched.Select(e => e.Sequence), Is.EqualTo(stored.Select(e => e.Sequence)));
        Assert.That(watched[^1].Type, Is.EqualTo(ExecutionEventType.WorkflowCompleted));
    }

    [Test]
    public async Task ResumeAsync_continues_a_crashed_execution_and_returns_a_finished_one_as_it_is()
    {
        var crashing = new CrashingStore(Store);
        await using (var crashed = NewClient(crashing))
        {
            await crashed.StartAsync("waiting", JsonSerializer.SerializeToElement("crash"), "client-4");
            await Probe.WhenReached("crash");
            crashing.Crash();
            Probe.Open("crash");
        }

        Clock.Advance(TimeSpan.FromMinutes(1));
        await using var client = NewClient();
        var resumed = await client.ResumeAsync("client-4");
        Assert.That(resumed.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(resumed.Output!), Is.EqualTo("12"), "Wait ran again: its second run counts 2");

        var again = await client.ResumeAsync("client-4");
        Assert.That(again.Version, Is.EqualTo(resumed.Version), "nothing ran or changed");
    }

    [Test]
    public async Task GetAsync_and_QueryAsync_read_the_store()
    {
        await using var client = NewClient();
        await client.RunAsync("chain", JsonSerializer.SerializeToElement(1), "q-1");
        await client.RunAsync("charging", Json(new Order("o-2", 1m)), "q-2");

        var page = await client.QueryAsync(new ExecutionQuery { WorkflowName = "chain" });

        Assert.That(page.Items.Select(r => r.ExecutionId), Is.EqualTo(new[] { "q-1" }));
        Assert.That(await client.GetAsync("nobody"), Is.Null);
    }

    [Test]
    public async Task A_name_it_does_not_know_is_a_clear_error()
    {
        await using var client = NewClient();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.RunAsync("chian", null));

        Assert.That(refused!.Message, Does.Contain("No workflow named 'chian'").And.Contain("'chain', 'charging', 'waiting'"));
    }

    [Test]
    public async Task An_instance_workflow_runs_on_the_instance_its_activator_gives_for_each_execution()
    {
        var counter = new WorkflowDescriptor("counter", typeof(int), typeof(int), instance => ((Counter)instance!).CountWorkflow, declaringType: typeof(Counter));
        var activated = new List<string>();
        Counter.Disposed = 0;
        await using var client = new FluxClient(Store, [counter], Options(), (workflow, executionId) =>
        {
            activated.Add($"{workflow.Name}:{executionId}");
            var instance = new Counter(step: 5);
            return new WorkflowActivation(instance, instance);
        });

        var record = await client.RunAsync("counter", JsonSerializer.SerializeToElement(1), "instance-1");

        Assert.That(Encoding.UTF8.GetString(record.Output!), Is.EqualTo("11"));
        Assert.That(activated, Is.EqualTo(new[] { "counter:instance-1" }));
        Assert.That(Counter.Disposed, Is.EqualTo(1), "the activation (a DI scope in a host) is disposed when the run ends");

        await using var withoutActivator = new FluxClient(Store, [counter], Options());
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => withoutActivator.RunAsync("counter", null));
        Assert.That(refused!.Message, Does.Contain("give the FluxClient a WorkflowActivator"));
    }
}
