using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Flux.Orleans.Tests;

/// <summary>
/// The first thing to know: the cluster starts with Flux on it. Orleans refuses to start a silo when a type that a grain
/// call carries has no serializer, so a missing <c>[GenerateSerializer]</c> fails here, before any other test.
/// </summary>
[TestFixture]
public sealed class ClusterStartTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    [Test]
    public async Task Two_silos_start_with_Flux_on_them_and_run_a_task_call()
    {
        TestContext.Out.WriteLine($"Two silos and a client started in {Cluster.StartupTime.TotalSeconds:F1} s.");
        var hosts = await Cluster.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.That(hosts, Has.Count.EqualTo(2));

        var dispatcher = FluxCluster.Services(Cluster.Primary).GetRequiredService<ITaskDispatcher>();
        var result = await dispatcher.RunAsync("Square", "[7]"u8.ToArray(), "Square_1", CancellationToken.None);
        Assert.That(System.Text.Encoding.UTF8.GetString(result.Span), Is.EqualTo("49"));
    }

    [Test]
    public void Every_type_Flux_sends_over_the_cluster_round_trips_through_the_silo_serializer()
    {
        var serializer = FluxCluster.Services(Cluster.Primary).GetRequiredService<Serializer>();
        var failure = TaskFailureInfo.From(new InvalidOperationException("outer", new FormatException("inner")));
        var outcome = new TaskCallOutcome(TaskCallOutcomeKind.Failed, "[1]"u8.ToArray(), failure, "why", "silo");
        var request = new TaskCallRequest("Square", "[3]"u8.ToArray(), "Square_1");
        var record = new ExecutionRecord
        {
            ExecutionId = "e1",
            WorkflowName = "Greet",
            State = ExecutionState.Failed,
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch.AddSeconds(1),
            FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(2),
            ParentExecutionId = "p",
            ParentCallId = "c",
            ErrorType = "T",
            ErrorMessage = "M",
            PausedAt = "pause",
            WakeAt = DateTimeOffset.UnixEpoch.AddSeconds(3),
            Owner = "o",
            LeaseExpiresAt = DateTimeOffset.UnixEpoch.AddSeconds(4),
            CancelRequestedAt = DateTimeOffset.UnixEpoch.AddSeconds(5),
            Version = 6,
            LastSequence = 7,
        };

        var outcomeCopy = serializer.Deserialize<TaskCallOutcome>(serializer.SerializeToArray(outcome))!;
        Assert.That(outcomeCopy.Kind, Is.EqualTo(outcome.Kind));
        Assert.That(outcomeCopy.ResultJson.ToArray(), Is.EqualTo(outcome.ResultJson.ToArray()));
        Assert.That(outcomeCopy.Failure!.Type, Is.EqualTo(typeof(InvalidOperationException).FullName));
        Assert.That(outcomeCopy.Failure.Inner.Single().Message, Is.EqualTo("inner"));
        Assert.That(outcomeCopy.Message, Is.EqualTo("why"));

        var requestCopy = serializer.Deserialize<TaskCallRequest>(serializer.SerializeToArray(request))!;
        Assert.That((requestCopy.TaskName, requestCopy.CallId), Is.EqualTo((request.TaskName, request.CallId)));
        Assert.That(requestCopy.ArgumentsJson.ToArray(), Is.EqualTo(request.ArgumentsJson.ToArray()));

        Assert.That(serializer.Deserialize<ExecutionRecord>(serializer.SerializeToArray(record)), Is.EqualTo(record));

        var claim = new ExecutionClaimException("e1", "orleans:owner", DateTimeOffset.UnixEpoch, "taken");
        var claimCopy = serializer.Deserialize<ExecutionClaimException>(serializer.SerializeToArray(claim))!;
        Assert.That((claimCopy.ExecutionId, claimCopy.Owner, claimCopy.LeaseExpiresAt, claimCopy.Message), Is.EqualTo(("e1", "orleans:owner", (DateTimeOffset?)DateTimeOffset.UnixEpoch, "taken")));
    }

    [Test]
    public void The_execution_record_surrogate_has_a_field_for_every_property_of_the_record()
    {
        // A property added to the core's ExecutionRecord must be carried too, or it would silently arrive empty.
        var properties = typeof(ExecutionRecord).GetProperties().Select(static p => p.Name).Where(static n => n != "EqualityContract");
        var fields = typeof(ExecutionRecordSurrogate).GetFields().Select(static f => f.Name);
        Assert.That(fields, Is.EquivalentTo(properties));
    }
}
