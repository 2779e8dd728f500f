using Flux.Stores.Tests.Postgres;

namespace Flux.Orleans.Tests;

/// <summary>
/// What every test of this project runs on: the test PostgreSQL server (the store tests' fixture: <c>FLUX_POSTGRES</c>,
/// or a server started with scripts/postgres.sh), then one two-silo cluster for every fixture that leaves the cluster as
/// it found it (starting one takes seconds); a test that stops a silo starts its own.
/// </summary>
[SetUpFixture]
public sealed class ClusterFixture
{
    private static FluxCluster? s_cluster;
    private readonly PostgresServer _postgres = new();

    /// <summary>The connection string of the test PostgreSQL server.</summary>
    public static string ConnectionString => PostgresServer.ConnectionString;

    /// <summary>The shared cluster; a fixture's tests fail with this message if it could not start.</summary>
    public static FluxCluster Cluster => s_cluster ?? throw new InvalidOperationException("The shared cluster did not start: see the setup failure.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await _postgres.Start();
        s_cluster = await FluxCluster.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            if (s_cluster is not null)
            {
                await s_cluster.DisposeAsync();
            }
        }
        finally
        {
            await _postgres.Stop();
        }
    }
}
