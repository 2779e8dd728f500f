using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Flux.Orleans.Tests;

/// <summary>
/// Executions left running by an owner that is gone: one whose claim names a silo that is not in the cluster (as after a
/// crash) is taken over at once, before its lease expires; one whose owner is alive is left alone.
/// </summary>
[TestFixture]
public sealed class RecoveryTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    /// <summary>The owner id of an activation on a silo that is not (any more) in the cluster.</summary>
    private static readonly string DeadSiloOwner = $"orleans:{SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 1), 1).ToParsableString()}/@gone";

    [Test]
    public async Task The_sweep_resumes_an_execution_whose_silo_is_gone_without_waiting_for_its_lease()
    {
        await LeftRunningAsync("orphan-swept", DeadSiloOwner);
        await LeftRunningAsync("owned-elsewhere", "another-process");

        var asked = 0;
        foreach (var silo in new[] { Cluster.Primary, Cluster.Secondary })
        {
            asked += await FluxCluster.Services(silo).GetRequiredService<ExecutionRecovery>().SweepAsync(CancellationToken.None);
        }

        Assert.That(asked, Is.GreaterThanOrEqualTo(1), "one silo sweeps, and asks the orphan's grain to recover");
        await Cluster.Flux.WatchAsync("orphan-swept").ToArrayAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var swept = (await Cluster.Store.GetAsync("orphan-swept"))!;
        Assert.That(PatternTests.Output<int>(swept), Is.EqualTo(81));
        Assert.That(swept.Owner, Is.Null);
        await LogChecks.ReadContiguousAsync(Cluster.Store, "orphan-swept");

        var alive = (await Cluster.Store.GetAsync("owned-elsewhere"))!;
        Assert.That((alive.State, alive.Owner, alive.LastSequence), Is.EqualTo((ExecutionState.Running, "another-process", 1L)),
            "an owner outside the cluster whose lease holds keeps its execution");
        var refused = await Assert.ThrowsAsync<ExecutionClaimException>(async () => await Cluster.Flux.ResumeAsync("owned-elsewhere"));
        Assert.That(refused!.Message, Does.Contain("'another-process'"));
        Assert.That(await Cluster.Flux.CancelAsync("owned-elsewhere"), Is.True, "it is asked to cancel, which its owner sees at its next renewal");
        Assert.That((await Cluster.Store.GetAsync("owned-elsewhere"))!.CancelRequestedAt, Is.Not.Null);
    }

    [Test]
    public async Task Resuming_an_execution_whose_silo_is_gone_takes_it_over_at_once()
    {
        await LeftRunningAsync("orphan-resumed", DeadSiloOwner);

        var record = await Cluster.Flux.ResumeAsync("orphan-resumed").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(PatternTests.Output<int>(record), Is.EqualTo(81));
        var events = await LogChecks.ReadContiguousAsync(Cluster.Store, "orphan-resumed");
        Assert.That(events.Count(static e => e.Type == ExecutionEventType.WorkflowStarted), Is.EqualTo(1));
    }

    /// <summary>Stores a pipeline_workflow execution (input 3) as an owner that stopped right after starting it, with an hour of lease left.</summary>
    private static async Task LeftRunningAsync(string id, string owner)
    {
        var now = DateTimeOffset.UtcNow;
        await Cluster.Store.CreateAsync(
            new ExecutionRecord
            {
                ExecutionId = id,
                WorkflowName = "pipeline_workflow",
                State = ExecutionState.Running,
                CreatedAt = now,
                UpdatedAt = now,
                Owner = owner,
                LeaseExpiresAt = now.AddHours(1),
            },
            [new StoredEvent(1, ExecutionEventType.WorkflowStarted, now, null, "pipeline_workflow", "3"u8.ToArray())]);
    }
}
