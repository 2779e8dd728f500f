using System.Diagnostics;

namespace Flux.Orleans.Tests;

/// <summary>A durable Map of 10,000 items on the two-silo cluster: every item once, on both silos, logged without gaps.</summary>
[TestFixture]
public sealed class MapAcrossSilosTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    [Test]
    public async Task A_durable_map_of_ten_thousand_items_spreads_over_both_silos()
    {
        const int count = 10_000;
        const string batch = "map-10k";
        var touches = Touches.Create(batch);
        var clock = Stopwatch.StartNew();

        var record = await Cluster.Flux.RunAsync("touch_map", PatternTests.Element(new TouchInput(batch, count)), batch).WaitAsync(TimeSpan.FromSeconds(60));

        TestContext.Out.WriteLine($"{count} items in {clock.Elapsed.TotalSeconds:F1} s.");
        Assert.That(PatternTests.Output<long>(record), Is.EqualTo((long)count * (count - 1) / 2));
        var runs = touches.Runs();
        Assert.That(runs.Select(static r => r.Item).Order(), Is.EqualTo(Enumerable.Range(0, count)), "every item ran exactly once");
        var perSilo = runs.GroupBy(static r => r.Silo).ToDictionary(static g => g.Key, static g => g.Count());
        TestContext.Out.WriteLine(string.Join(", ", perSilo.Select(static p => $"{p.Key}: {p.Value} items")));
        Assert.That(perSilo.Keys, Is.EquivalentTo(new[] { FluxCluster.Name(Cluster.Primary), FluxCluster.Name(Cluster.Secondary) }), "both silos did work");

        var events = await LogChecks.ReadContiguousAsync(Cluster.Store, batch);
        LogChecks.OneStartAndOneCompletionPerItem(events, count);
    }
}
