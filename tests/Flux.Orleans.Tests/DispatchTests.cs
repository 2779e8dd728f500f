using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Flux.Orleans.Tests;

/// <summary>The hook the engine sends task calls through, over the shared two-silo cluster.</summary>
[TestFixture]
public sealed class DispatchTests
{
    private static FluxCluster Cluster => ClusterFixture.Cluster;

    /// <summary>The dispatcher of the primary silo: where the engine, inside an execution grain, sends calls from.</summary>
    private static ITaskDispatcher Dispatcher => FluxCluster.Services(Cluster.Primary).GetRequiredService<ITaskDispatcher>();

    [Test]
    public async Task A_batch_of_10_000_calls_runs_on_both_silos_with_at_most_the_bound_at_once_on_each()
    {
        const int count = 10_000;
        var batch = Batches.Create(nameof(A_batch_of_10_000_calls_runs_on_both_silos_with_at_most_the_bound_at_once_on_each), FluxCluster.BoundPerSilo);
        var primary = FluxCluster.Name(Cluster.Primary);
        var secondary = FluxCluster.Name(Cluster.Secondary);
        using var queued = new QueuedCalls(Cluster.Primary, Cluster.Secondary);

        var calls = Enumerable.Range(0, count)
            .Select(item => Dispatcher.RunAsync("Gated", Json.Arguments(batch.Name, item), $"Gated_{item}", CancellationToken.None).AsTask())
            .ToArray();

        // Both silos run as many bodies as they may, and more calls wait at each: the bound holds them back.
        await Task.WhenAll(batch.Full(primary), batch.Full(secondary), queued.On(Cluster.Primary), queued.On(Cluster.Secondary))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(batch.RunningItems(primary), Has.Length.EqualTo(FluxCluster.BoundPerSilo));
        Assert.That(batch.RunningItems(secondary), Has.Length.EqualTo(FluxCluster.BoundPerSilo));

        batch.OpenGate();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(results.Select(Json.Read<int>), Is.EqualTo(Enumerable.Range(0, count).Select(static item => item * 2)));
        var runs = batch.Runs();
        Assert.That(runs.Select(static r => r.Item).Order(), Is.EqualTo(Enumerable.Range(0, count)), "every item ran once");
        var perSilo = runs.GroupBy(static r => r.Silo).ToDictionary(static g => g.Key, static g => g.Count());
        TestContext.Out.WriteLine("Calls per silo: " + string.Join(", ", perSilo.Select(static p => $"{p.Key} = {p.Value}")));
        Assert.That(perSilo.Keys, Is.EquivalentTo(new[] { primary, secondary }));
        Assert.That(batch.MaxRunning(primary), Is.EqualTo(FluxCluster.BoundPerSilo));
        Assert.That(batch.MaxRunning(secondary), Is.EqualTo(FluxCluster.BoundPerSilo));
    }

    [Test]
    public async Task A_call_with_several_arguments_returns_the_result_as_json()
    {
        var result = await Dispatcher.RunAsync("Describe", Json.Arguments("ann", 3, 0.5), "Describe_1", CancellationToken.None);
        Assert.That(Json.Read<string>(result), Is.EqualTo("ann:3:0.5"));
    }

    [Test]
    public async Task A_client_dispatches_too()
    {
        var dispatcher = Cluster.Cluster.Client.ServiceProvider.GetRequiredService<ITaskDispatcher>();
        var result = await dispatcher.RunAsync("Square", Json.Arguments(12), "Square_client", CancellationToken.None);
        Assert.That(Json.Read<int>(result), Is.EqualTo(144));
    }

    [Test]
    public async Task A_body_that_throws_fails_the_call_with_the_original_exception_described()
    {
        var error = (await Assert.ThrowsAsync<TaskBodyFailedException>(async () =>
            await Dispatcher.RunAsync("Explode", Json.Arguments("boom"), "Explode_1", CancellationToken.None)))!;
        Assert.That(error.TaskName, Is.EqualTo("Explode"));
        Assert.That(error.CallId, Is.EqualTo("Explode_1"));
        Assert.That(error.Failure.Type, Is.EqualTo(typeof(InvalidOperationException).FullName));
        Assert.That(error.Failure.Message, Is.EqualTo("boom"));
        Assert.That(error.Failure.StackTrace, Does.Contain(nameof(ClusterTasks.Explode)));
        Assert.That(error.Failure.Inner.Single().Type, Is.EqualTo(typeof(FormatException).FullName));
        Assert.That(error.Message, Does.Contain("boom").And.Contain("Explode_1"));
    }

    [Test]
    public async Task A_task_no_silo_knows_is_refused_with_the_fix()
    {
        var error = (await Assert.ThrowsAsync<TaskDispatchException>(async () =>
            await Dispatcher.RunAsync("NoSuchTask", Json.Arguments(), "NoSuchTask_1", CancellationToken.None)))!;
        Assert.That(error.Message, Does.Contain("'NoSuchTask'").And.Contain("NoSuchTask_1").And.Contain("AddTasks(FluxCatalog.TryGetTask)"));
    }

    [Test]
    public async Task Arguments_that_do_not_fit_the_task_are_refused_naming_the_task()
    {
        var error = (await Assert.ThrowsAsync<TaskDispatchException>(async () =>
            await Dispatcher.RunAsync("Square", Json.Arguments(1, 2), "Square_2", CancellationToken.None)))!;
        Assert.That(error.Message, Does.Contain("Task 'Square'").And.Contain("1 argument(s)"));
    }

    [Test]
    public async Task Cancelling_a_call_cancels_its_body_on_the_silo()
    {
        var batch = Batches.Create(nameof(Cancelling_a_call_cancels_its_body_on_the_silo), boundPerSilo: 1);
        using var cancel = new CancellationTokenSource();
        var call = Dispatcher.RunAsync("Gated", Json.Arguments(batch.Name, 1), "Gated_cancel", cancel.Token).AsTask();
        await batch.Started.WaitAsync(TimeSpan.FromSeconds(30));

        await cancel.CancelAsync();

        Assert.That(async () => await call.WaitAsync(TimeSpan.FromSeconds(30)), Throws.InstanceOf<OperationCanceledException>());
        await batch.WhenRuns(1).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(batch.Runs().Select(static r => (r.Item, r.Completed)), Is.EqualTo(new[] { (1, false) }), "the body saw the cancellation");
    }

    /// <summary>Signals when a call has to wait at a silo's bound.</summary>
    private sealed class QueuedCalls : IDisposable
    {
        private readonly List<(SiloTaskLimiter Limiter, Action Handler)> _subscriptions = new();
        private readonly Dictionary<string, TaskCompletionSource> _queued = new();

        public QueuedCalls(params SiloHandle[] silos)
        {
            foreach (var silo in silos)
            {
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var limiter = FluxCluster.Services(silo).GetRequiredService<SiloTaskLimiter>();
                Action handler = () => signal.TrySetResult();
                limiter.CallQueued += handler;
                _subscriptions.Add((limiter, handler));
                _queued[FluxCluster.Name(silo)] = signal;
            }
        }

        public Task On(SiloHandle silo) => _queued[FluxCluster.Name(silo)].Task;

        public void Dispose()
        {
            foreach (var (limiter, handler) in _subscriptions)
            {
                limiter.CallQueued -= handler;
            }
        }
    }
}
