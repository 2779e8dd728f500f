using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>
/// The dispatch hook: each attempt of a body runs through <see cref="RunOptions.TaskDispatcher"/> (here a worker in the same
/// process, over JSON, as a cluster's would be), while the engine keeps ids, events, retries and replay.
/// </summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
public sealed class DispatchTests(StoreKind kind) : DurableTest(kind)
{
    /// <summary>A worker that runs task bodies from their JSON arguments, with the same JSON options, and keeps what it was sent.</summary>
    private sealed class Worker(params TaskHandle[] tasks) : ITaskDispatcher
    {
        public ConcurrentQueue<(string Task, string Arguments, string CallId)> Calls { get; } = new();

        public async ValueTask<ReadOnlyMemory<byte>> RunAsync(string taskName, ReadOnlyMemory<byte> argumentsJson, string callId, CancellationToken cancellationToken)
        {
            Calls.Enqueue((taskName, Encoding.UTF8.GetString(argumentsJson.Span), callId));
            var task = tasks.Single(t => t.Name == taskName);
            return await task.InvokeBodyJsonAsync(argumentsJson, callId, TestJson.Default.Options, cancellationToken);
        }
    }

    [Test]
    public async Task Each_body_runs_through_the_dispatcher_with_JSON_and_its_call_id()
    {
        var worker = new Worker(T.ChargeTask, T.AddTask);
        var workflow = new WorkflowHandle<Order, string>("dispatched", async ctx =>
        {
            var receipt = await T.ChargeTask.Call(ctx.Input);
            var sum = await T.AddTask.Call(2, 3);
            return $"{receipt.By}|{sum}";
        });

        var ctx = await workflow.RunAsync(new Order("o-3", 2m), Options("dispatch-1") with { TaskDispatcher = worker });

        var calls = worker.Calls.ToArray();
        Assert.That(calls.Select(c => (c.Task, c.Arguments)), Is.EqualTo(new[] { ("Charge", """[{"Id":"o-3","Amount":2}]"""), ("Add", "[2,3]") }));
        var stored = (await EventsOf("dispatch-1")).Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.CallId).ToArray();
        Assert.That(calls.Select(c => c.CallId), Is.EqualTo(stored));
        Assert.That(ctx.Output, Is.EqualTo($"{stored[0]}|5"), "Workflow.CurrentCall inside the dispatched body is the call's id");
    }

    [Test]
    public async Task The_engine_keeps_retries_and_replay_around_dispatched_attempts()
    {
        var worker = new Worker(T.FlakyTask, T.WaitTask);
        var workflow = new WorkflowHandle<string, int>("dispatched_retries", async ctx =>
        {
            var flaky = await T.FlakyTask.Call(2);
            return flaky + await T.WaitTask.Call(ctx.Input);
        });

        var crashing = new CrashingStore(Store);
        var run = workflow.RunAsync("g", Options("dispatch-2", owner: "process-A") with { Store = crashing, TaskDispatcher = worker });
        await Probe.WhenReached("g");
        crashing.Crash();
        Probe.Open("g");
        await Assert.ThrowsAsync<ExecutionStoreException>(() => run.Guard());

        Assert.That(worker.Calls.Count(c => c.Task == "Flaky"), Is.EqualTo(3), "one dispatch per attempt: the engine retried twice");
        Assert.That(await TimelineOf("dispatch-2"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Flaky", "TaskRetryFailed Flaky", "TaskRetryStarted Flaky", "TaskRetryFailed Flaky",
            "TaskRetryStarted Flaky", "TaskRetryCompleted Flaky", "TaskCompleted Flaky",
        }));

        Clock.Advance(TimeSpan.FromMinutes(1));
        var ctx = await workflow.ResumeAsync("dispatch-2", Options(owner: "process-B") with { TaskDispatcher = worker });

        Assert.That(ctx.Output, Is.EqualTo(3 + 2));
        Assert.That(worker.Calls.Count(c => c.Task == "Flaky"), Is.EqualTo(3), "the completed call replayed: nothing was dispatched again");
    }

    [Test]
    public async Task A_body_that_throws_on_the_worker_fails_the_call_as_usual()
    {
        var worker = new Worker(T.BoomTask);
        var workflow = new WorkflowHandle<string, int>("dispatched_failure", async ctx => await T.BoomTask.Call(ctx.Input));

        var ctx = await workflow.RunAsync("remote", Options("dispatch-3") with { TaskDispatcher = worker });

        Assert.That(ctx.Error, Is.TypeOf<TaskFailedException>());
        Assert.That(ctx.Error!.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(ctx.Error.InnerException!.Message, Is.EqualTo("remote"));
    }

    [Test]
    public async Task InvokeBodyAsync_runs_exactly_one_attempt_with_the_given_call_id()
    {
        var first = await Assert.ThrowsAsync<TimeoutException>(async () => await T.FlakyTask.InvokeBodyAsync([1], "worker-call", default));
        Assert.That(first!.Message, Is.EqualTo("attempt 1 failed"), "no retry: the body's own exception");
        Assert.That(await T.FlakyTask.InvokeBodyAsync([1], "worker-call", default), Is.EqualTo(2));

        var receipt = (Receipt)(await T.ChargeTask.InvokeBodyAsync([new Order("o-5", 1m)], "charge-from-elsewhere", default))!;
        Assert.That(receipt.By, Is.EqualTo("charge-from-elsewhere"));
        var json = await T.AddTask.InvokeBodyJsonAsync("[4,5]"u8.ToArray(), "c", TestJson.Default.Options, default);
        Assert.That(Encoding.UTF8.GetString(json.Span), Is.EqualTo("9"));
        var wrong = await Assert.ThrowsAsync<ArgumentException>(async () => await T.AddTask.InvokeBodyJsonAsync("[4]"u8.ToArray(), "c", TestJson.Default.Options, default));
        Assert.That(wrong!.Message, Does.Contain("Task 'Add' cannot read the arguments it was sent for call 'c'"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await T.AddTask.InvokeBodyAsync(["four", 5], null, default));
    }

    [Test]
    public async Task A_transient_run_can_dispatch_too()
    {
        var worker = new Worker(T.AddTask);
        var workflow = new WorkflowHandle<int, int>("transient_dispatch", async ctx => await T.AddTask.Call(ctx.Input, 1));

        var ctx = await workflow.RunAsync(41, new RunOptions { TaskDispatcher = worker, Json = TestJson.Default.Options });

        Assert.That(ctx.Output, Is.EqualTo(42));
        Assert.That(worker.Calls, Has.Count.EqualTo(1));
        _ = JsonSerializer.Serialize(1);
    }
}
