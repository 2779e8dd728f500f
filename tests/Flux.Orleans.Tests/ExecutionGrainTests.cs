namespace Flux.Orleans.Tests;

/// <summary>The grain that runs one durable execution, over the shared two-silo cluster and its PostgreSQL store.</summary>
[TestFixture]
public sealed class ExecutionGrainTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    private static IFluxExecutionGrain Execution(string id, IGrainFactory? from = null) =>
        (from ?? Cluster.Cluster.Client).GetGrain<IFluxExecutionGrain>(id);

    [Test]
    public async Task Running_a_workflow_returns_its_record_with_the_output_as_json()
    {
        var record = await Execution("run-1").RunAsync("Greet", Json.Arguments("ann")[1..^1]);

        Assert.That(record.ExecutionId, Is.EqualTo("run-1"));
        Assert.That(record.WorkflowName, Is.EqualTo("Greet"));
        Assert.That(record.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Json.Read<string>(record.Output), Is.EqualTo("9 for ann"));
        Assert.That(record.FinishedAt, Is.Not.Null);
        Assert.That(record.Owner, Is.Null, "the claim was released");
        var stored = await Cluster.Store.GetAsync("run-1");
        Assert.That(stored! with { Output = null }, Is.EqualTo(record with { Output = null }), "the record is the stored one");
        Assert.That(stored.Output, Is.EqualTo(record.Output));
        var events = await Cluster.Store.ReadEventsAsync("run-1").ToArrayAsync();
        Assert.That(events.Select(static e => e.Type), Is.EqualTo(new[]
        {
            ExecutionEventType.WorkflowStarted, ExecutionEventType.TaskStarted, ExecutionEventType.TaskCompleted, ExecutionEventType.WorkflowCompleted,
        }));
    }

    [Test]
    public async Task Two_clients_on_different_silos_reach_one_activation_of_an_execution()
    {
        var gate = Gates.Get("two-clients");
        var first = await Cluster.ConnectClientAsync(Cluster.Primary);
        var second = await Cluster.ConnectClientAsync(Cluster.Secondary);
        var input = Json.Arguments("two-clients")[1..^1];

        var run = Execution("two-clients", first).RunAsync("WaitForGate", input);
        await gate.WhenStarted.WaitAsync(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(async () => await Execution("two-clients", second).RunAsync("WaitForGate", input));
        Assert.That(error!.ExecutionId, Is.EqualTo("two-clients"));
        var seenByFirst = await Execution("two-clients", first).GetAsync();
        var seenBySecond = await Execution("two-clients", second).GetAsync();
        Assert.That(seenBySecond!.State, Is.EqualTo(ExecutionState.Running));
        Assert.That(seenBySecond.Owner, Is.EqualTo(seenByFirst!.Owner).And.StartWith("orleans:"), "one activation owns it");

        var resuming = await Assert.ThrowsAsync<ExecutionClaimException>(async () => await Execution("two-clients", second).ResumeAsync());
        Assert.That(resuming!.Message, Does.Contain("'two-clients' is already running"));
        var resumed = Execution("two-clients", second).RecoverAsync(wait: true);
        gate.Release();
        var (done, alsoDone) = (await run, await resumed);

        Assert.That(done.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(alsoDone with { Output = null }, Is.EqualTo(done with { Output = null }));
        Assert.That(Json.Read<string>(done.Output), Is.EqualTo("opened two-clients"));
        Assert.That(gate.Runs, Is.EqualTo(1), "the workflow ran once");
    }

    [Test]
    public async Task Cancelling_a_running_execution_ends_it_cancelled()
    {
        var gate = Gates.Get("cancel-me");
        var started = await Execution("cancel-me").StartAsync("WaitForGate", Json.Arguments("cancel-me")[1..^1]);
        Assert.That(started.State, Is.EqualTo(ExecutionState.Running));
        await gate.WhenStarted.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(await Execution("cancel-me").CancelAsync(), Is.True);
        var record = await Execution("cancel-me").RecoverAsync(wait: true);

        Assert.That(record.State, Is.EqualTo(ExecutionState.Cancelled));
        Assert.That(record.FinishedAt, Is.Not.Null);
        Assert.That(await Execution("cancel-me").CancelAsync(), Is.False, "a finished execution cannot be cancelled");
    }

    [Test]
    public async Task An_unknown_execution_has_no_record_and_cannot_be_resumed()
    {
        Assert.That(await Execution("nobody").GetAsync(), Is.Null);
        Assert.That(await Execution("nobody").CancelAsync(), Is.False);
        var error = await Assert.ThrowsAsync<ExecutionNotFoundException>(async () => await Execution("nobody").ResumeAsync());
        Assert.That(error!.ExecutionId, Is.EqualTo("nobody"));
    }

    [Test]
    public async Task An_unknown_workflow_is_refused_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Execution("unknown-workflow").RunAsync("NoSuchWorkflow", null));
        Assert.That(error!.Message, Does.Contain("'NoSuchWorkflow'").And.Contain("AddWorkflows(FluxCatalog.TryGetWorkflow)"));
        Assert.That(await Execution("unknown-workflow").GetAsync(), Is.Null, "nothing was started");
    }

    [Test]
    public async Task An_input_that_does_not_fit_the_workflow_is_refused_naming_the_workflow()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Execution("bad-input").RunAsync("Greet", "{\"not\":\"a string\"}"u8.ToArray()));
        Assert.That(error!.Message, Does.Contain("Workflow 'Greet' takes a"));
        Assert.That(await Execution("bad-input").GetAsync(), Is.Null, "nothing was stored");
    }
}
