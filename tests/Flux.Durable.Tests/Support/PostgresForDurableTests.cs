using Flux.Stores.Tests.Postgres;

namespace Flux.Durable.Tests;

/// <summary>Starts the PostgreSQL server of the store tests' fixture (or uses <c>FLUX_POSTGRES</c>) for this project's PostgreSQL runs.</summary>
[SetUpFixture]
public sealed class PostgresForDurableTests
{
    private readonly PostgresServer _server = new();

    [OneTimeSetUp]
    public Task Start() => _server.Start();

    [OneTimeTearDown]
    public Task Stop() => _server.Stop();
}
