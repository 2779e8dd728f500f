using System.Text;
using Flux.Hosting.Tests.Support;
using Flux.Stores.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Hosting.Tests.Postgres;

/// <summary>Starts the PostgreSQL server of the store tests (or uses <c>FLUX_POSTGRES</c>) for the tests of this namespace only.</summary>
[SetUpFixture]
public sealed class PostgresForHostTests
{
    private readonly PostgresServer _server = new();

    [OneTimeSetUp]
    public Task Start() => _server.Start();

    [OneTimeTearDown]
    public Task Stop() => _server.Stop();
}

/// <summary>AddFlux(f => f.UsePostgreSql(...)) in a real host over a real PostgreSQL server.</summary>
[NonParallelizable]
public sealed class PostgresHostTests
{
    [Test]
    public async Task At_start_the_host_resumes_an_execution_a_crash_left_running_in_PostgreSQL()
    {
        Gates.Reset();
        var clock = new FakeTimeProvider(TestHost.Start);
        var options = new PostgresExecutionStoreOptions { ConnectionString = PostgresServer.ConnectionString, Schema = "host_" + Guid.NewGuid().ToString("N")[..12] };
        await using (var first = new PostgresExecutionStore(options))
        {
            await Crash.LeaveRunningAsync(first, W.GreetThenWait, "pg", "pg-crashed-1", clock, _ => Gates.WhenReached("pg"));
        }

        Gates.Open("pg");
        clock.Advance(RunOptions.DefaultLeaseDuration + TimeSpan.FromSeconds(1));
        using var host = TestHost.Build(clock, services => services.AddFlux(f => f.UsePostgreSql(options).AddWorkflows([W.GreetThenWait])));
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFluxClient>();

        var record = await TestHost.StoredEndAsync(client, "pg-crashed-1");

        Assert.That(record.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(record.Output!), Is.EqualTo("\"Hello, pg (2)\""));
        Assert.That(Gates.Runs("Greet(pg)"), Is.EqualTo(1), "the completed call was replayed from PostgreSQL, not run again");
        await host.StopAsync();
    }
}
