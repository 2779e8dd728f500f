using System.Text;
using System.Text.Json;
using Flux.Durable.Tests.Support;

namespace Flux.Durable.Tests;

/// <summary>A durable run: what it stores, when, and how.</summary>
[TestFixture(StoreKind.InMemory)]
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.Postgres)]
public sealed class DurableRunTests(StoreKind kind) : DurableTest(kind)
{
    private static readonly WorkflowHandle<int, int> Chain = new("chain", async ctx =>
    {
        var x = ctx.Input;
        for (var i = 0; i < 3; i++)
        {
            x = await T.AddTask.Call(x, i);
        }

        return x;
    });

    [Test]
    public async Task A_run_stores_every_event_numbered_in_order_and_its_summary()
    {
        var ctx = await Chain.RunAsync(1, Options("run-1"));

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(ctx.Output, Is.EqualTo(4));
        var stored = await EventsOf("run-1");
        Assert.That(stored.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, stored.Count).Select(i => (long)i)));
        Assert.That(stored.Select(e => e.Type), Is.EqualTo(ctx.Events.Select(e => e.Type)));
        Assert.That(stored.Select(e => e.CallId), Is.EqualTo(ctx.Events.Select(e => e.IsTaskEvent ? e.CallId.ToString() : null)));
        Assert.That(await TimelineOf("run-1"), Is.EqualTo(new[]
        {
            "WorkflowStarted", "TaskStarted Add", "TaskCompleted Add", "TaskStarted Add", "TaskCompleted Add",
            "TaskStarted Add", "TaskCompleted Add", "WorkflowCompleted",
        }));

        var record = await Store.GetAsync("run-1");
        Assert.That(record!.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(Encoding.UTF8.GetString(record.Output!), Is.EqualTo("4"));
        Assert.That(record.FinishedAt, Is.EqualTo(Clock.GetUtcNow()));
        Assert.That(record.Owner, Is.Null, "the claim is released at the end");
        Assert.That(record.LastSequence, Is.EqualTo(stored.Count));
    }

    [Test]
    public async Task TaskStarted_holds_the_position_and_the_arguments_as_a_JSON_array()
    {
        var workflow = new WorkflowHandle<Order, Receipt>("payloads", async ctx =>
        {
            await T.GreetTask.Call("Ann");
            return await T.ChargeTask.Call(ctx.Input);
        });

        await workflow.RunAsync(new Order("o-1", 12.5m), Options("payloads-1"));

        var stored = await EventsOf("payloads-1");
        Assert.That(Encoding.UTF8.GetString(stored[0].Payload!), Is.EqualTo("""{"Id":"o-1","Amount":12.5}"""));
        Assert.That(Encoding.UTF8.GetString(stored[1].Payload!), Is.EqualTo("""{"position":0,"arguments":["Ann"]}"""));
        Assert.That(Encoding.UTF8.GetString(stored[2].Payload!), Is.EqualTo("\"Hello, Ann\""));
        Assert.That(Encoding.UTF8.GetString(stored[3].Payload!), Is.EqualTo("""{"position":1,"arguments":[{"Id":"o-1","Amount":12.5}]}"""));
        Assert.That(Encoding.UTF8.GetString(stored[^1].Payload!), Does.StartWith("""{"OrderId":"o-1","Charged":12.5,"By":"Charge_"""));
    }

    [Test]
    public async Task A_call_with_several_parameters_stores_one_array_element_per_parameter()
    {
        await Chain.RunAsync(7, Options("args-1"));

        var started = (await EventsOf("args-1")).Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => Encoding.UTF8.GetString(e.Payload!));
        Assert.That(started, Is.EqualTo(new[]
        {
            """{"position":0,"arguments":[7,0]}""", """{"position":1,"arguments":[7,1]}""", """{"position":2,"arguments":[8,2]}""",
        }));
    }

    [Test]
    public async Task A_completion_is_committed_before_the_workflow_sees_its_result()
    {
        string[] seenByWorkflow = [];
        string[] seenByOuterBody = [];
        var workflow = new WorkflowHandle<int, int>("commit_order", async ctx =>
        {
            var sum = await T.AddTask.Call(1, 2);
            seenByWorkflow = await TimelineOf(ctx.ExecutionId);
            return sum;
        });

        await workflow.RunAsync(0, Options("commit-1"));

        Assert.That(seenByWorkflow, Is.EqualTo(new[] { "WorkflowStarted", "TaskStarted Add", "TaskCompleted Add" }));

        // A call made inside a task body is committed before that body goes on too.
        var nested = new WorkflowHandle<int, int>("commit_nested", async ctx => await NestedProbe.Call(ctx.ExecutionId));
        NestedProbe.Reader = TimelineOf;
        await nested.RunAsync(0, Options("commit-2"));
        seenByOuterBody = NestedProbe.Seen;
        Assert.That(seenByOuterBody, Does.Contain("TaskCompleted Add"));
    }

    [Test]
    public async Task The_completions_of_a_Map_share_commits()
    {
        var gated = new GatedStore(Store);
        var workflow = new WorkflowHandle<int, int[]>("group_commit", async ctx => await T.SquareTask.Map(Enumerable.Range(0, 100)));
        var held = gated.HoldNextAppend();

        var run = workflow.RunAsync(0, Options("group-1") with { Store = gated });
        await held;
        await Probe.WhenRuns("Square", 100);
        gated.Release();
        var ctx = await run.Guard();

        Assert.That(ctx.Output, Has.Length.EqualTo(100));
        Assert.That(gated.AppendedEvents, Is.EqualTo(201), "every TaskStarted and TaskCompleted, and the terminal event, are appended");
        Assert.That(gated.Appends, Is.LessThanOrEqualTo(3),
            "the items that completed while a commit was under way share the next one; the terminal event comes with or after it");
        Assert.That((await EventsOf("group-1")).Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, 202).Select(i => (long)i)));
    }

    [Test]
    public async Task A_failed_run_stores_its_failure_and_summary()
    {
        var workflow = new WorkflowHandle<int, int>("fails", async _ => await T.BoomTask.Call("no stock"));

        var ctx = await workflow.RunAsync(0, Options("fails-1"));

        Assert.That(ctx.HasFailed, Is.True);
        var record = await Store.GetAsync("fails-1");
        Assert.That(record!.State, Is.EqualTo(ExecutionState.Failed));
        Assert.That(record.ErrorType, Is.EqualTo("Flux.TaskFailedException"));
        Assert.That(record.ErrorMessage, Does.Contain("InvalidOperationException: no stock"));
        var failed = (await EventsOf("fails-1")).Single(e => e.Type == ExecutionEventType.TaskFailed);
        using var json = JsonDocument.Parse(failed.Payload!);
        Assert.That(json.RootElement.GetProperty("type").GetString(), Is.EqualTo("Flux.TaskFailedException"));
        Assert.That(json.RootElement.GetProperty("task").GetString(), Is.EqualTo("Boom"));
        var inner = json.RootElement.GetProperty("inner")[0];
        Assert.That(inner.GetProperty("type").GetString(), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(inner.GetProperty("message").GetString(), Is.EqualTo("no stock"));
        Assert.That(inner.GetProperty("stackTrace").GetString(), Does.Contain("Boom"));
    }

    [Test]
    public async Task A_type_without_JSON_metadata_is_a_clear_error_before_the_body_runs()
    {
        var workflow = new WorkflowHandle<int, string>("secrets", async _ => await T.RevealTask.Call(new Secret("x")));

        var ctx = await workflow.RunAsync(0, Options("secrets-1"));

        Assert.That(ctx.HasFailed, Is.True);
        Assert.That(ctx.Error, Is.TypeOf<PayloadSerializationException>());
        Assert.That(ctx.Error!.Message, Does.Contain("Task 'Reveal' takes, as parameter 1, a 'Secret'"));
        Assert.That(ctx.Error.Message, Does.Contain("[JsonSerializable(typeof(Secret))]"));
        Assert.That(await TimelineOf("secrets-1"), Is.EqualTo(new[] { "WorkflowStarted", "WorkflowFailed" }), "the call never started");

        var takesSecrets = new WorkflowHandle<Secret, int>("takes_secrets", _ => ValueTask.FromResult(1));
        var refused = await Assert.ThrowsAsync<PayloadSerializationException>(() => takesSecrets.RunAsync(new Secret("y"), Options("secrets-2")));
        Assert.That(refused!.Message, Does.StartWith("Workflow 'takes_secrets' takes as input a 'Secret'"));
        Assert.That(await Store.GetAsync("secrets-2"), Is.Null, "nothing was stored");
    }

    [Test]
    public async Task An_execution_id_is_used_once()
    {
        await Chain.RunAsync(1, Options("once"));

        await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(() => Chain.RunAsync(1, Options("once")));
    }

    [Test]
    public async Task The_claim_is_held_and_renewed_while_the_run_goes_on()
    {
        var workflow = new WorkflowHandle<int, int>("long", async _ => await T.WaitTask.Call("release"));
        var store = new GatedStore(Store);
        var run = workflow.RunAsync(0, Options("long-1") with { Store = store, LeaseDuration = TimeSpan.FromSeconds(30) });
        await Probe.WhenReached("release");

        var before = await Store.GetAsync("long-1");
        Assert.That(before!.Owner, Is.EqualTo("owner-1"));
        Assert.That(before.LeaseExpiresAt, Is.EqualTo(Clock.GetUtcNow() + TimeSpan.FromSeconds(30)));

        var renewal = store.NextRenewal();
        Clock.Advance(TimeSpan.FromSeconds(10));
        await renewal;
        var renewed = await Store.GetAsync("long-1");
        Assert.That(renewed!.LeaseExpiresAt, Is.EqualTo(Clock.GetUtcNow() + TimeSpan.FromSeconds(30)));

        Probe.Open("release");
        var ctx = await run.Guard();
        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That((await Store.GetAsync("long-1"))!.Owner, Is.Null);
    }

    [Test]
    public async Task CurrentCall_is_the_stored_call_id_inside_the_body()
    {
        var workflow = new WorkflowHandle<Order, Receipt>("idempotency", async ctx => await T.ChargeTask.Call(ctx.Input));

        var ctx = await workflow.RunAsync(new Order("o-9", 3m), Options("key-1"));

        var stored = (await EventsOf("key-1")).First(e => e.Type == ExecutionEventType.TaskStarted);
        Assert.That(ctx.Output!.By, Is.EqualTo(stored.CallId));
        Assert.That(ctx.Output.By, Does.Match("^Charge_[0-9a-f]{16}$"));
    }
}

/// <summary>A task whose body calls another task and then reads the store: what it sees is committed.</summary>
public static partial class NestedProbe
{
    public static Func<string, Task<string[]>> Reader { get; set; } = _ => Task.FromResult(Array.Empty<string>());

    public static string[] Seen { get; private set; } = [];

    public static TaskCall<int> Call(string executionId) => ReadAfterAddTask.Call(executionId);

    [Task]
    public static async Task<int> ReadAfterAdd(string executionId)
    {
        var sum = await T.AddTask.Call(2, 3);
        Seen = await Reader(executionId);
        return sum;
    }
}
