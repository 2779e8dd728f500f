using System.Text.Json;

namespace Flux.Orleans.Tests;

/// <summary>
/// The seed's task patterns run on the cluster through <see cref="IFluxClient"/>, the interface a single process uses:
/// the cluster's client (<see cref="ClusterFluxClient"/>) is all that changed.
/// </summary>
[TestFixture]
public sealed class PatternTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    private static IFluxClient Client => Cluster.Flux;

    [Test]
    public void The_cluster_client_is_the_one_the_registration_gave_and_lists_the_workflows()
    {
        Assert.That(Client, Is.TypeOf<ClusterFluxClient>());
        Assert.That(Client.Workflows.Select(static w => w.Name), Is.SupersetOf(new[] { "parallel_workflow", "pipeline_workflow", "mapping_workflow", "graph_workflow" }));
        Assert.That(Client.Workflows.Select(static w => w.Name), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public async Task Parallel_runs_its_three_calls_and_keeps_their_order()
    {
        var record = await Client.RunAsync("parallel_workflow", Element("ann"));
        Assert.That(Output<string[]>(record), Is.EqualTo(new[] { "Hi, ann", "Hello, ann", "Hola, ann" }));
        var events = await LogChecks.ReadContiguousAsync(Cluster.Store, record.ExecutionId);
        Assert.That(events.Count(static e => e.Type == ExecutionEventType.TaskCompleted), Is.EqualTo(3));
    }

    [Test]
    public async Task Pipeline_passes_each_result_to_the_next_task()
    {
        var record = await Client.RunAsync("pipeline_workflow", Element(3));
        Assert.That(Output<int>(record), Is.EqualTo(81), "((3 * 2) + 3)^2");
    }

    [Test]
    public async Task Map_applies_one_task_to_every_item()
    {
        var record = await Client.RunAsync("mapping_workflow", Element(new[] { "a", "b", "c" }));
        Assert.That(Output<string[]>(record), Is.EqualTo(new[] { "A", "B", "C" }));
    }

    [Test]
    public async Task A_graph_runs_its_nodes_along_the_edges()
    {
        var record = await Client.RunAsync("graph_workflow", Element("ann"));
        Assert.That(Output<string>(record), Is.EqualTo("Hello, ann"));
    }

    [Test]
    public async Task Start_returns_once_stored_and_watching_ends_with_the_execution()
    {
        var started = await Client.StartAsync("pipeline_workflow", Element(1), "watch-1");
        Assert.That(started.ExecutionId, Is.EqualTo("watch-1"));
        Assert.That(started.State, Is.AnyOf(ExecutionState.Running, ExecutionState.Succeeded));

        var watched = await Client.WatchAsync("watch-1").ToArrayAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(watched[^1].Type, Is.EqualTo(ExecutionEventType.WorkflowCompleted));
        Assert.That(Output<int>((await Client.GetAsync("watch-1"))!), Is.EqualTo(25));
        var page = await Client.QueryAsync(new ExecutionQuery { WorkflowName = "pipeline_workflow", States = [ExecutionState.Succeeded] });
        Assert.That(page.Items.Select(static r => r.ExecutionId), Does.Contain("watch-1"));
    }

    [Test]
    public async Task A_paused_execution_resumes_with_its_value_through_the_client()
    {
        var gate = Gates.Get("pattern-approval");
        gate.Release();
        var paused = await Client.RunAsync("approval_workflow", Element("pattern-approval"));
        Assert.That(paused.State, Is.EqualTo(ExecutionState.Paused));
        Assert.That(paused.PausedAt, Is.EqualTo("approval"));

        var done = await Client.ResumeAsync(paused.ExecutionId, Element("ann"));

        Assert.That(done.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Output<string>(done), Is.EqualTo("pattern-approval approved by ann"));
    }

    [Test]
    public async Task An_input_that_does_not_fit_is_refused_before_anything_is_stored()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await Client.RunAsync("pipeline_workflow", JsonDocument.Parse("\"not a number\"").RootElement, "misfit-1"));
        Assert.That(error!.Message, Does.Contain("Workflow 'pipeline_workflow'"));
        Assert.That(await Client.GetAsync("misfit-1"), Is.Null);
    }

    internal static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value);

    internal static T Output<T>(ExecutionRecord record)
    {
        Assert.That(record.State, Is.EqualTo(ExecutionState.Succeeded), $"{record.ExecutionId}: {record.ErrorType} {record.ErrorMessage}");
        return JsonSerializer.Deserialize<T>(record.Output)!;
    }
}
