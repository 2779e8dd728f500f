using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Flux.Orleans.Tests;

/// <summary>
/// Why task workers are keyed slots with their own placement rather than stateless workers: these pin what each choice
/// does on a two-silo cluster (the figures of Orleans' other strategies are in the report of issue 11).
/// </summary>
[TestFixture]
public sealed class PlacementFindingsTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    [Test]
    public async Task A_stateless_worker_called_from_a_silo_runs_on_that_silo_only()
    {
        var fromPrimary = FluxCluster.Services(Cluster.Primary).GetRequiredService<IGrainFactory>();
        var silos = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(_ => fromPrimary.GetGrain<IStatelessWhereGrain>(0).WhereAsync()));
        Assert.That(silos.Distinct(), Is.EqualTo(new[] { FluxCluster.Name(Cluster.Primary) }));
    }

    [Test]
    public async Task Worker_slots_spread_exactly_evenly_over_the_silos()
    {
        var fromPrimary = FluxCluster.Services(Cluster.Primary).GetRequiredService<IGrainFactory>();
        var request = new TaskCallRequest("Square", "[2]"u8.ToArray(), "Square_placement");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(slot => fromPrimary.GetGrain<ITaskWorkerGrain>(slot).RunAsync(request, default)));
        var perSilo = outcomes.GroupBy(static o => o.Silo).ToDictionary(static g => g.Key, static g => g.Count());
        Assert.That(perSilo, Is.EquivalentTo(new Dictionary<string, int>
        {
            [FluxCluster.Name(Cluster.Primary)] = 32,
            [FluxCluster.Name(Cluster.Secondary)] = 32,
        }));
    }
}

public interface IStatelessWhereGrain : IGrainWithIntegerKey
{
    Task<string> WhereAsync();
}

[StatelessWorker(4)]
public sealed class StatelessWhereGrain(ILocalSiloDetails silo) : Grain, IStatelessWhereGrain
{
    public Task<string> WhereAsync() => Task.FromResult(silo.SiloAddress.ToString());
}
