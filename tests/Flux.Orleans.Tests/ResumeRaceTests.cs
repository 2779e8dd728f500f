using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Flux.Orleans.Tests;

/// <summary>Two clients, each through its own silo's gateway, resume one paused execution at once: exactly one runs it.</summary>
[TestFixture]
public sealed class ResumeRaceTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    [Test]
    public async Task Of_two_clients_resuming_one_paused_execution_exactly_one_wins_and_the_other_is_told_why()
    {
        const string id = "race-1";
        var gate = Gates.Get(id);
        var paused = await Cluster.Flux.RunAsync("approval_workflow", PatternTests.Element(id), id);
        Assert.That(paused.State, Is.EqualTo(ExecutionState.Paused));
        var first = await Client(Cluster.Primary);
        var second = await Client(Cluster.Secondary);

        var attempts = await Task.WhenAll(
            Attempt(first, "ann"),
            Attempt(second, "bob"));

        var winners = attempts.Where(static a => a.Error is null).ToArray();
        var losers = attempts.Where(static a => a.Error is not null).ToArray();
        Assert.That(winners, Has.Length.EqualTo(1), "exactly one resume runs the execution");
        Assert.That(losers, Has.Length.EqualTo(1));
        Assert.That(winners[0].Record!.State, Is.EqualTo(ExecutionState.Running));
        Assert.That(losers[0].Error, Is.TypeOf<ExecutionClaimException>());
        var claim = (ExecutionClaimException)losers[0].Error!;
        Assert.That(claim.ExecutionId, Is.EqualTo(id));
        Assert.That(claim.Message, Does.Contain($"'{id}'").And.Contain("was not applied"));

        await gate.WhenStarted.WaitAsync(TimeSpan.FromSeconds(30));
        gate.Release();
        await first.WatchAsync(id).ToArrayAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var done = (await first.GetAsync(id))!;

        Assert.That(done.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(PatternTests.Output<string>(done), Is.EqualTo($"{id} approved by {winners[0].Approver}"));
        Assert.That(gate.Runs, Is.EqualTo(1), "the workflow went on once");
        var events = await LogChecks.ReadContiguousAsync(Cluster.Store, id);
        Assert.That(events.Count(static e => e.Type == ExecutionEventType.WorkflowResumed), Is.EqualTo(1));
    }

    private static async Task<(string Approver, ExecutionRecord? Record, Exception? Error)> Attempt(IFluxClient client, string approver)
    {
        try
        {
            return (approver, await client.ResumeAsync("race-1", PatternTests.Element(approver), wait: false), null);
        }
        catch (Exception error)
        {
            return (approver, null, error);
        }
    }

    private static async Task<IFluxClient> Client(SiloHandle gateway)
    {
        var client = await Cluster.ConnectClientAsync(gateway);
        return client.ServiceProvider.GetRequiredService<IFluxClient>();
    }
}
