using System.Collections.Concurrent;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>The observer hook: every recorded event, in order with its number, and the progress of batches.</summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class ObserverTests(StoreKind kind) : DurableTest(kind)
{
    private sealed class Recorder : IExecutionObserver
    {
        public ConcurrentQueue<(long Sequence, ExecutionEventType Type, string? CallId)> Events { get; } = new();

        public ConcurrentQueue<BatchProgress> Progress { get; } = new();

        public void OnEvent(ExecutionContext execution, long sequence, ExecutionEvent executionEvent) =>
            Events.Enqueue((sequence, executionEvent.Type, executionEvent.IsTaskEvent ? executionEvent.CallId.ToString() : null));

        public void OnProgress(ExecutionContext execution, BatchProgress progress) => Progress.Enqueue(progress);
    }

    private static readonly WorkflowHandle<int, int> Mapping = new("mapping", async ctx =>
    {
        var squares = await T.SquareTask.Map(Enumerable.Range(1, ctx.Input));
        return await T.AddTask.Call(squares.Sum(), 0);
    });

    [Test]
    public async Task A_durable_run_shows_every_event_with_its_stored_number()
    {
        var recorder = new Recorder();

        await Mapping.RunAsync(3, Options("observed-1") with { Observer = recorder });

        var stored = await EventsOf("observed-1");
        Assert.That(recorder.Events.Select(e => e.Sequence), Is.EqualTo(stored.Select(e => e.Sequence)));
        Assert.That(recorder.Events.Select(e => e.Type), Is.EqualTo(stored.Select(e => e.Type)));
        Assert.That(recorder.Events.Select(e => e.CallId), Is.EqualTo(stored.Select(e => e.CallId)));
    }

    [Test]
    public async Task A_transient_run_is_observed_too_and_Map_reports_its_progress()
    {
        var recorder = new Recorder();

        var ctx = await Mapping.RunAsync(4, new RunOptions { Observer = recorder, TimeProvider = Clock });

        Assert.That(recorder.Events.Select(e => e.Type), Is.EqualTo(ctx.Events.Select(e => e.Type)));
        Assert.That(recorder.Events.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, ctx.Events.Count).Select(i => (long)i)));
        var progress = recorder.Progress.ToArray();
        Assert.That(progress.Select(p => p.Done).Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(progress.Select(p => (p.Batch, p.TaskName, p.Total)).Distinct(), Is.EqualTo(new[] { ("map:Square", (string?)"Square", 4) }));
    }

    [Test]
    public async Task An_observer_that_throws_changes_nothing()
    {
        var ctx = await Mapping.RunAsync(2, Options("observed-2") with { Observer = new Throwing() });

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(ctx.Output, Is.EqualTo(5));
    }

    private sealed class Throwing : IExecutionObserver
    {
        public void OnEvent(ExecutionContext execution, long sequence, ExecutionEvent executionEvent) => throw new InvalidOperationException("observer bug");

        public void OnProgress(ExecutionContext execution, BatchProgress progress) => throw new InvalidOperationException("observer bug");
    }
}
