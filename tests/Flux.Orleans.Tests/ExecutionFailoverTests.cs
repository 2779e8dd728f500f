using System.Diagnostics;

namespace Flux.Orleans.Tests;

/// <summary>
/// The silo that runs an execution stops in the middle of its Map: the execution moves to the other silo, resumes from
/// its log and completes; no call whose completion was committed runs again, and the log has nothing missing or
/// doubled. Stops a silo, so it has its own cluster.
/// </summary>
[TestFixture]
public sealed class ExecutionFailoverTests
{
    private FluxCluster? _cluster;

    private FluxCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start.");

    [OneTimeSetUp]
    public async Task StartCluster() => _cluster = await FluxCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    public async Task Stopping_the_silo_of_an_execution_mid_map_completes_it_on_the_other_without_running_a_completed_call_again()
    {
        const int count = 3_000;
        const int holdAfter = 1_000;
        var primary = FluxCluster.Name(Cluster.Primary);
        var secondary = FluxCluster.Name(Cluster.Secondary);
        var id = await IdPlacedOn(secondary);
        var touches = Touches.Create(id, holdAfter, holdWhenWaiting: 2 * FluxCluster.BoundPerSilo);

        var run = Cluster.Flux.RunAsync("touch_map", PatternTests.Element(new TouchInput(id, count)), id);
        await touches.Holding.WaitAsync(TimeSpan.FromSeconds(60));
        var committedBefore = (await Cluster.Store.ReadEventsAsync(id).ToArrayAsync())
            .Where(static e => e.Type == ExecutionEventType.TaskCompleted)
            .Select(static e => LogChecks.MapItem(e.CallId)!.Value)
            .ToHashSet();
        var runsBefore = touches.Runs().Length;
        TestContext.Out.WriteLine($"Before the stop: {runsBefore} bodies ran, {committedBefore.Count} completions committed.");

        var clock = Stopwatch.StartNew();
        await Cluster.Cluster.StopSiloAsync(Cluster.Secondary);
        TestContext.Out.WriteLine($"The execution's silo stopped in {clock.Elapsed.TotalSeconds:F1} s.");
        touches.OpenGate();
        var record = await run.WaitAsync(TimeSpan.FromSeconds(60));
        TestContext.Out.WriteLine($"The execution completed {clock.Elapsed.TotalSeconds:F1} s after the stop began.");

        Assert.That(PatternTests.Output<long>(record), Is.EqualTo((long)count * (count - 1) / 2));
        Assert.That(await Cluster.SiloOf(id), Is.EqualTo(primary), "the execution's grain lives on the other silo now");

        var runs = touches.Runs();
        var perItem = runs.GroupBy(static r => r.Item).ToDictionary(static g => g.Key, static g => g.Count());
        Assert.That(perItem.Keys.Order(), Is.EqualTo(Enumerable.Range(0, count)), "every item ran");
        Assert.That(committedBefore.Where(item => perItem[item] != 1), Is.Empty, "no call whose completion was committed ran again");
        Assert.That(runs.Skip(runsBefore).Select(static r => r.Silo).Distinct(), Is.EqualTo(new[] { primary }), "after the stop, bodies ran on the other silo");
        var again = perItem.Count(static p => p.Value > 1);
        TestContext.Out.WriteLine($"{again} item(s) in flight at the stop ran again (at-least-once).");
        Assert.That(again, Is.LessThanOrEqualTo(count - committedBefore.Count));

        var events = await LogChecks.ReadContiguousAsync(Cluster.Store, id);
        LogChecks.OneStartAndOneCompletionPerItem(events, count);
    }

    /// <summary>An execution id whose grain Orleans places on <paramref name="silo"/> (activating it reads nothing but its absence).</summary>
    private async Task<string> IdPlacedOn(string silo)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var id = $"failover-{attempt}";
            Assert.That(await Cluster.Cluster.Client.GetGrain<IFluxExecutionGrain>(id).GetAsync(), Is.Null);
            if (await Cluster.SiloOf(id) == silo)
            {
                return id;
            }
        }

        throw new InvalidOperationException($"None of 64 executions was placed on {silo}.");
    }
}
