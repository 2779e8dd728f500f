using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Execution;

public class WorkflowRunTests
{
    private static readonly LambdaTask<string, string> SayHello = LambdaTask.Of<string, string>("say_hello", name => $"Hello, {name}");

    [Test]
    public async Task A_successful_run_has_its_output_state_and_events()
    {
        var workflow = new WorkflowHandle<string, string>("greet", async ctx => await SayHello.Call(ctx.Input));

        var ctx = await workflow.RunAsync("Joe");

        Assert.That(ctx.Output, Is.EqualTo("Hello, Joe"));
        Assert.That(ctx.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That((ctx.HasFinished, ctx.HasSucceeded, ctx.HasFailed), Is.EqualTo((true, true, false)));
        Assert.That(ctx.Error, Is.Null);
        Assert.That(ctx.WorkflowName, Is.EqualTo("greet"));
        Assert.That(ctx.Input, Is.EqualTo("Joe"));
        Assert.That(ctx.Events.Select(e => e.Type), Is.EqualTo(new[]
        {
            ExecutionEventType.WorkflowStarted,
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskCompleted,
            ExecutionEventType.WorkflowCompleted,
        }));
        var started = ctx.Events[1];
        Assert.That(started.Name, Is.EqualTo("say_hello"));
        Assert.That(started.Value, Is.EqualTo("Joe"));
        Assert.That(ctx.Events[2].Value, Is.EqualTo("Hello, Joe"));
        Assert.That(ctx.Events[2].SourceId, Is.EqualTo(started.SourceId));
        Assert.That(ctx.Events[0].SourceId, Is.EqualTo($"greet_{ctx.ExecutionId}"));
        Assert.That(ctx.Events[3].Value, Is.EqualTo("Hello, Joe"));
    }

    [Test]
    public async Task A_failed_run_does_not_throw_and_reports_the_task_and_the_workflow()
    {
        var boom = LambdaTask.Of<int, int>("divide", x => 10 / x);
        var workflow = new WorkflowHandle<int, int>("math", async ctx => await boom.Call(ctx.Input));

        var ctx = await workflow.RunAsync(0, new RunOptions { ExecutionId = "exec-1" });

        Assert.That(ctx.State, Is.EqualTo(ExecutionState.Failed));
        Assert.That((ctx.HasFinished, ctx.HasSucceeded, ctx.HasFailed), Is.EqualTo((true, false, true)));
        var error = ctx.Error as TaskFailedException;
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.TaskName, Is.EqualTo("divide"));
        Assert.That(error.WorkflowName, Is.EqualTo("math"));
        Assert.That(error.ExecutionId, Is.EqualTo("exec-1"));
        Assert.That(error.InnerException, Is.InstanceOf<DivideByZeroException>());
        Assert.That(error.Message, Does.Contain("Task 'divide' failed in workflow 'math' (execution exec-1)"));
        Assert.That(ctx.Events.Select(e => e.Type), Is.EqualTo(new[]
        {
            ExecutionEventType.WorkflowStarted,
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskFailed,
            ExecutionEventType.WorkflowFailed,
        }));
        Assert.That(ctx.Events[2].Value, Is.SameAs(error));
    }

    [Test]
    public async Task RunOrThrow_throws_a_WorkflowFailedException_with_the_cause_inside()
    {
        var workflow = new WorkflowHandle<int, int>("bad", _ => throw new InvalidOperationException("no"));

        var thrown = await Assert.ThrowsAsync<WorkflowFailedException>(() => workflow.RunOrThrowAsync(1));

        Assert.That(thrown!.WorkflowName, Is.EqualTo("bad"));
        Assert.That(thrown.InnerException, Is.InstanceOf<InvalidOperationException>());
        Assert.That(thrown.Message, Does.Contain("Workflow 'bad'").And.Contain("no"));
    }

    [Test]
    public async Task An_exception_thrown_by_the_workflow_body_itself_is_the_error()
    {
        var workflow = new WorkflowHandle<int, int>("body", _ => throw new FormatException("bad input"));

        var ctx = await workflow.RunAsync(1);

        Assert.That(ctx.Error, Is.InstanceOf<FormatException>());
        Assert.Throws<WorkflowFailedException>(() => ctx.GetOutputOrThrow());
    }

    [Test]
    public async Task A_null_input_is_rejected_before_anything_runs_when_the_workflow_does_not_accept_null()
    {
        var ran = false;
        var workflow = new WorkflowHandle<string, string>("strict", ctx => { ran = true; return new ValueTask<string>(ctx.Input); }, acceptsNullInput: false);

        var thrown = await Assert.ThrowsAsync<ArgumentNullException>(() => workflow.RunAsync(null!));

        Assert.That(thrown!.Message, Does.Contain("Workflow 'strict' takes a non-null String input"));
        Assert.That(ran, Is.False);
    }

    [Test]
    public async Task Cancelling_a_running_workflow_cancels_the_running_task_and_marks_the_execution_cancelled()
    {
        var started = new Gate();
        var blocked = new LambdaTask<int, int>("wait_forever", async (x, token) =>
        {
            started.Open();
            await Task.Delay(Timeout.Infinite, token);
            return x;
        });
        using var cancellation = new CancellationTokenSource();
        var workflow = new WorkflowHandle<int, int>("cancellable", async ctx => await blocked.Call(ctx.Input));

        var running = workflow.RunAsync(1, cancellation.Token);
        await started.WaitAsync();
        await cancellation.CancelAsync();
        var ctx = await running;

        Assert.That(ctx.State, Is.EqualTo(ExecutionState.Cancelled));
        Assert.That((ctx.HasFinished, ctx.HasSucceeded, ctx.HasFailed), Is.EqualTo((true, false, false)));
        Assert.That(ctx.Events.Select(e => e.Type), Is.EqualTo(new[]
        {
            ExecutionEventType.WorkflowStarted,
            ExecutionEventType.TaskStarted,
            ExecutionEventType.TaskCancelled,
            ExecutionEventType.WorkflowCancelled,
        }));
        Assert.Throws<OperationCanceledException>(() => ctx.ThrowIfFailed());
    }

    [Test]
    public async Task Tasks_see_the_running_execution_as_the_ambient_context()
    {
        ExecutionContext? seen = null;
        var probe = LambdaTask.Of<int, int>("probe", x => { seen = Workflow.Context; return x; });

        var ctx = await LambdaTask.RunWorkflow<int, int>(1, async _ => await probe.Call(1));

        Assert.That(seen, Is.SameAs(ctx));
        Assert.That(ExecutionContext.Current, Is.Null);
    }

    [Test]
    public async Task The_clock_of_the_events_is_the_run_option_time_provider()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var workflow = new WorkflowHandle<string, string>("greet", async ctx => await SayHello.Call(ctx.Input));

        var ctx = await workflow.RunAsync("Ann", new RunOptions { TimeProvider = clock });

        Assert.That(ctx.Events.Select(e => e.Time), Is.All.EqualTo(clock.GetUtcNow()));
        Assert.That(ctx.TimeProvider, Is.SameAs(clock));
    }

    [Test]
    public async Task A_workflow_handle_can_be_run_untyped_by_a_host()
    {
        WorkflowHandle workflow = new WorkflowHandle<string, string>("greet", async ctx => await SayHello.Call(ctx.Input));

        var ctx = await workflow.RunUntypedAsync("Bo");

        Assert.That(((ExecutionContext<string, string>)ctx).Output, Is.EqualTo("Hello, Bo"));
        await Assert.ThrowsAsync<ArgumentException>(() => workflow.RunUntypedAsync(42));
    }
}
