using System.Text;
using System.Text.Json;
using Flux.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Hosting.Tests;

/// <summary>AddFlux in a real host over a real SQLite file: crash recovery at start, due timers, options, the client.</summary>
[NonParallelizable]
public sealed class HostTests
{
    private FakeTimeProvider _clock = null!;
    private TempDatabase _db = null!;

    [SetUp]
    public void SetUp()
    {
        Gates.Reset();
        _clock = new FakeTimeProvider(TestHost.Start);
        _db = new TempDatabase();
    }

    [TearDown]
    public void TearDown() => _db.Dispose();

    [Test]
    public async Task At_start_the_host_resumes_an_execution_a_crash_left_running()
    {
        // A first process runs the workflow until its second task, then dies: its writes stop, its run is abandoned.
        await using (var first = new SqliteExecutionStore(_db.ConnectionString))
        {
            await Crash.LeaveRunningAsync(first, W.GreetThenWait, "ada", "crashed-1", _clock, _ => Gates.WhenReached("ada"));
        }

        Assert.That(Gates.Runs("Greet(ada)"), Is.EqualTo(1));
        Gates.Open("ada");
        _clock.Advance(RunOptions.DefaultLeaseDuration + TimeSpan.FromSeconds(1)); // process-A's lease has expired

        var finished = new Finished();
        using var host = TestHost.Build(_clock, services => services
            .AddSingleton<IExecutionObserver>(finished)
            .AddFlux(f => f.UseSqlite(_db.Path).AddWorkflows([W.GreetThenWait])));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();

        var record = await TestHost.StoredEndAsync(client, "crashed-1");

        Assert.That(record.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(record.Output!), Is.EqualTo("\"Hello, ada (2)\""), "the wait ran again (it had not finished); the greeting was replayed");
        Assert.That(Gates.Runs("Greet(ada)"), Is.EqualTo(1), "the completed call was not run again");
        await host.StopAsync();
    }

    [Test]
    public async Task A_sleep_is_left_in_the_store_until_its_timer_is_due_then_the_host_fires_it()
    {
        await using (var first = new SqliteExecutionStore(_db.ConnectionString))
        {
            await Crash.LeaveRunningAsync(first, W.Sleeper, "bob", "sleepy-1", _clock, crashing => crashing.WhenWakeStored);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var finished = new Finished();
        using var host = TestHost.Build(_clock, services => services
            .AddSingleton<IExecutionObserver>(finished)
            .AddFlux(f => f.UseSqlite(_db.Path).AddWorkflows([W.Sleeper]).Configure(o => o.SweepInterval = TimeSpan.FromMinutes(1))));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();

        var waiting = await client.GetAsync("sleepy-1");
        Assert.That(waiting!.State, Is.EqualTo(ExecutionState.Running));
        Assert.That(waiting.Owner, Is.EqualTo("process-A"), "a sleep that is not due is not taken: it would hold memory for nothing");
        Assert.That(waiting.WakeAt, Is.EqualTo(TestHost.Start + TimeSpan.FromMinutes(10)));

        _clock.Advance(TimeSpan.FromMinutes(9)); // the timer is due; the host's next sweep fires it
        Assert.That(await finished.Of("sleepy-1"), Is.EqualTo(ExecutionEventType.WorkflowCompleted));
        var record = await TestHost.StoredEndAsync(client, "sleepy-1");

        Assert.That(record.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(record.Output!), Is.EqualTo("\"Hello, bob\""));
        var events = new List<StoredEvent>();
        await foreach (var e in client.GetEventsAsync("sleepy-1"))
        {
            events.Add(e);
        }

        Assert.That(events.Count(e => e.Type == ExecutionEventType.TaskStarted && e.Name == "flux:sleep"), Is.EqualTo(1), "the sleep was not started again");
        Assert.That(events.Single(e => e.Type == ExecutionEventType.TaskCompleted && e.Name == "flux:sleep").Time, Is.EqualTo(TestHost.Start + TimeSpan.FromMinutes(10)));
        await host.StopAsync();
    }

    [Test]
    public async Task While_it_runs_the_host_takes_over_an_execution_once_its_crashed_owners_lease_expires()
    {
        var finished = new Finished();
        using var host = TestHost.Build(_clock, services => services
            .AddSingleton<IExecutionObserver>(finished)
            .AddFlux(f => f.UseSqlite(_db.Path).AddWorkflows([W.GreetThenWait]).Configure(o => o.SweepInterval = TimeSpan.FromSeconds(20))));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();

        // Another process on the same file crashes while the host runs.
        await using (var other = new SqliteExecutionStore(_db.ConnectionString))
        {
            await Crash.LeaveRunningAsync(other, W.GreetThenWait, "eve", "crashed-2", _clock, _ => Gates.WhenReached("eve"));
        }

        Gates.Open("eve");
        _clock.Advance(TimeSpan.FromSeconds(20)); // a sweep: process-A's lease (30 s) still holds
        Assert.That((await client.GetAsync("crashed-2"))!.Owner, Is.EqualTo("process-A"), "a claim whose lease holds is left alone");
        _clock.Advance(TimeSpan.FromSeconds(20)); // the next sweep: the lease has expired

        Assert.That(await finished.Of("crashed-2"), Is.EqualTo(ExecutionEventType.WorkflowCompleted));
        var record = await TestHost.StoredEndAsync(client, "crashed-2");
        Assert.That(Encoding.UTF8.GetString(record.Output!), Is.EqualTo("\"Hello, eve (2)\""));
        Assert.That(Gates.Runs("Greet(eve)"), Is.EqualTo(1));
        await host.StopAsync();
    }

    [Test]
    public async Task The_client_from_DI_runs_and_reads_executions_in_the_SQLite_file()
    {
        using var host = TestHost.Build(_clock, services => services
            .AddFlux(f => f.UseSqlite(_db.Path).AddWorkflows([W.GreetThenWait, W.Sleeper])));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();
        Gates.Open("cy");

        var record = await client.RunAsync("greet_then_wait", JsonSerializer.SerializeToElement("cy"), "run-1");

        Assert.That(record.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(client.Workflows.Select(w => w.Name), Is.EqualTo(new[] { "greet_then_wait", "sleeper" }));
        Assert.That((await client.QueryAsync(new ExecutionQuery { WorkflowName = "greet_then_wait" })).Items.Select(r => r.ExecutionId), Is.EqualTo(new[] { "run-1" }));
        Assert.That(host.Services.GetRequiredService<IExecutionStore>(), Is.InstanceOf<SqliteExecutionStore>());
        Assert.That(File.Exists(_db.Path), Is.True);
        await host.StopAsync();
    }

    [Test]
    public async Task Bad_options_stop_the_host_at_start_with_a_message_that_names_the_setting()
    {
        using var host = TestHost.Build(_clock, services => services
            .AddFlux(f => f.UseSqlite(_db.Path).Configure(o =>
            {
                o.LeaseDuration = TimeSpan.Zero;
                o.SweepBatchSize = 5000;
            })));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(refused!.Message, Does.Contain("FluxOptions.LeaseDuration is 00:00:00: it must be at least 1 second"));
        Assert.That(refused.Message, Does.Contain("FluxOptions.SweepBatchSize is 5000: it must be between 1 and 1000"));
    }

    [Test]
    public async Task UsePostgreSql_registers_the_PostgreSQL_store_of_the_connection_string()
    {
        await using var services = new ServiceCollection()
            .AddFlux(f => f.UsePostgreSql("Host=db.invalid;Port=5433;Database=orders;Username=flux;Password=hunter2"))
            .BuildServiceProvider();

        var store = services.GetRequiredService<IExecutionStore>();

        Assert.That(store, Is.InstanceOf<PostgresExecutionStore>());
        Assert.That(store.ToString(), Does.Contain("'flux' on db.invalid:5433/orders").And.Not.Contain("hunter2"));
        var empty = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddFlux(f => f.UsePostgreSql("")));
        Assert.That(empty!.Message, Does.Contain("UsePostgreSql needs the connection string"));
    }

    [Test]
    public void A_host_without_a_store_or_with_two_is_refused_when_Flux_is_added()
    {
        var services = new ServiceCollection();

        var none = Assert.Throws<InvalidOperationException>(() => services.AddFlux(f => f.AddWorkflows([W.Sleeper])));
        var two = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddFlux(f => f.UseSqlite(_db.Path).UseInMemoryStore()));
        var twice = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddFlux(f => f.UseInMemoryStore().AddWorkflows([W.Sleeper, W.Sleeper])));
        var empty = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddFlux(f => f.UseSqlite(" ")));

        Assert.That(none!.Message, Does.Contain("AddFlux needs an execution store: call UseSqlite(\"flux.db\")"));
        Assert.That(two!.Message, Does.Contain($"two execution stores (SQLite file {_db.Path} and in-memory store)"));
        Assert.That(twice!.Message, Does.Contain("two workflows named 'sleeper'"));
        Assert.That(empty!.Message, Does.Contain("UseSqlite needs the path of the SQLite file"));
    }

    [Test]
    public async Task A_host_stopped_again_after_it_was_disposed_does_not_throw()
    {
        // WebApplicationFactory stops the host, and so does the application's Run, which disposes it in between.
        var host = TestHost.Build(_clock, services => services.AddFlux(f => f.UseSqlite(_db.Path).AddWorkflows([W.Sleeper])));
        await host.StartAsync();
        await host.StopAsync();
        host.Dispose();

        await Assert.ThatAsync(() => host.StopAsync(), Throws.Nothing);
    }
}
