namespace Flux.Orleans.Tests;

/// <summary>
/// One two-silo cluster for every fixture that leaves the cluster as it found it (starting one takes seconds); a test
/// that stops a silo starts its own.
/// </summary>
[SetUpFixture]
public sealed class SharedCluster
{
    private static FluxCluster? s_cluster;

    /// <summary>The shared cluster; a fixture's tests fail with this message if it could not start.</summary>
    public static FluxCluster Cluster => s_cluster ?? throw new InvalidOperationException("The shared cluster did not start: see the setup failure.");

    [OneTimeSetUp]
    public async Task StartAsync() => s_cluster = await FluxCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_cluster is not null)
        {
            await s_cluster.DisposeAsync();
        }
    }
}
