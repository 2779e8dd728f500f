namespace Flux.Runtime.Tests.Options;

public class FallbackRollbackTests
{
    private static readonly TaskOptions NoWait = new() { Retries = 2, RetryDelay = TimeSpan.Zero };

    private static ValueTask<int> Fail(string message) => ValueTask.FromException<int>(new InvalidOperationException(message));

    [Test]
    public async Task The_fallback_runs_once_the_retries_are_exhausted_gets_the_arguments_and_its_result_is_the_task_result()
    {
        var calls = 0;
        var fallbackArguments = new List<int>();
        var task = new OptionsTask<int, int>(
            "with_fallback",
            (_, _) => Fail($"attempt {++calls}"),
            NoWait,
            fallback: (x, _) =>
            {
                fallbackArguments.Add(x);
                return ValueTask.FromResult(-x);
            });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(5));

        Assert.That(ctx.Output, Is.EqualTo(-5));
        Assert.That(calls, Is.EqualTo(3), "every attempt ran before the fallback");
        Assert.That(fallbackArguments, Is.EqualTo(new[] { 5 }));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "with_fallback")[^3..], Is.EqualTo(new[]
        {
            ExecutionEventType.TaskFallbackStarted, ExecutionEventType.TaskFallbackCompleted, ExecutionEventType.TaskCompleted,
        }));
        var completed = ctx.Events.Last(e => e.Name == "with_fallback");
        Assert.That(completed.Value, Is.EqualTo(-5), "TaskCompleted carries the fallback's value");
    }

    [Test]
    public async Task The_rollback_runs_when_the_task_finally_fails_and_the_original_failure_is_thrown()
    {
        var rolledBack = new List<int>();
        var calls = 0;
        var task = new OptionsTask<int, int>(
            "with_rollback",
            (_, _) => Fail($"attempt {++calls}"),
            NoWait,
            rollback: (x, _) =>
            {
                rolledBack.Add(x);
                return ValueTask.CompletedTask;
            });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(9));

        Assert.That(rolledBack, Is.EqualTo(new[] { 9 }), "the rollback compensates this call, once");
        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.InnerException!.Message, Is.EqualTo("attempt 3"), "the last attempt's exception");
        Assert.That(error.Attempts, Is.EqualTo(3));
        Assert.That(error.RollbackError, Is.Null);
        Assert.That(OptionsWorkflow.TypesOf(ctx, "with_rollback")[^3..], Is.EqualTo(new[]
        {
            ExecutionEventType.TaskRollbackStarted, ExecutionEventType.TaskRollbackCompleted, ExecutionEventType.TaskFailed,
        }));
    }

    [Test]
    public async Task A_rollback_does_not_run_when_the_task_succeeds_after_a_retry()
    {
        var rolledBack = 0;
        var calls = 0;
        var task = new OptionsTask<int, int>(
            "recovers",
            (x, _) => ++calls == 1 ? Fail("once") : ValueTask.FromResult(x),
            NoWait,
            rollback: (_, _) =>
            {
                rolledBack++;
                return ValueTask.CompletedTask;
            });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1));

        Assert.That(ctx.Output, Is.EqualTo(1));
        Assert.That(rolledBack, Is.Zero);
    }

    [Test]
    public async Task With_both_a_successful_fallback_rescues_the_call_and_the_rollback_does_not_run()
    {
        var rolledBack = 0;
        var task = new OptionsTask<int, int>(
            "both_rescued",
            (_, _) => Fail("down"),
            NoWait,
            fallback: (x, _) => ValueTask.FromResult(x * 10),
            rollback: (_, _) =>
            {
                rolledBack++;
                return ValueTask.CompletedTask;
            });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(4));

        Assert.That(ctx.Output, Is.EqualTo(40));
        Assert.That(rolledBack, Is.Zero, "the call did not fail, so there is nothing to compensate");
        Assert.That(OptionsWorkflow.TypesOf(ctx, "both_rescued"), Does.Not.Contain(ExecutionEventType.TaskRollbackStarted));
    }

    [Test]
    public async Task With_both_a_failing_fallback_is_followed_by_the_rollback()
    {
        var rolledBack = 0;
        var task = new OptionsTask<int, int>(
            "both_failed",
            (_, _) => Fail("down"),
            NoWait,
            fallback: (_, _) => ValueTask.FromException<int>(new ArgumentException("no cached copy")),
            rollback: (_, _) =>
            {
                rolledBack++;
                return ValueTask.CompletedTask;
            });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(4));

        Assert.That(rolledBack, Is.EqualTo(1));
        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.InnerException!.Message, Is.EqualTo("down"));
        Assert.That(error.FallbackError, Is.TypeOf<ArgumentException>());
        Assert.That(OptionsWorkflow.TypesOf(ctx, "both_failed")[^6..], Is.EqualTo(new[]
        {
            ExecutionEventType.TaskRetryStarted,
            ExecutionEventType.TaskFallbackStarted,
            ExecutionEventType.TaskFallbackFailed,
            ExecutionEventType.TaskRollbackStarted,
            ExecutionEventType.TaskRollbackCompleted,
            ExecutionEventType.TaskFailed,
        }));
    }

    [Test]
    public async Task A_failing_fallback_keeps_the_original_failure_as_the_inner_exception()
    {
        var task = new OptionsTask<int, int>(
            "bad_fallback",
            (_, _) => Fail("service down"),
            new TaskOptions { Retries = 1, RetryDelay = TimeSpan.Zero },
            fallback: (_, _) => ValueTask.FromException<int>(new KeyNotFoundException("no cached copy")));

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1));

        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(error.InnerException!.Message, Is.EqualTo("service down"));
        Assert.That(error.FallbackError, Is.TypeOf<KeyNotFoundException>());
        Assert.That(error.Attempts, Is.EqualTo(2));
        Assert.That(error.Message, Is.EqualTo(
            $"Task 'bad_fallback' failed after 2 attempts in workflow 'options_workflow' (execution {ctx.ExecutionId}): "
            + "InvalidOperationException: service down; its fallback failed too: KeyNotFoundException: no cached copy"));
        var fallbackFailed = ctx.Events.Single(e => e.Type == ExecutionEventType.TaskFallbackFailed);
        Assert.That(fallbackFailed.Value, Is.SameAs(error.FallbackError));
        Assert.That(ctx.Events.Single(e => e.Type == ExecutionEventType.TaskFailed).Value, Is.SameAs(error));
    }

    [Test]
    public async Task A_failing_rollback_does_not_hide_the_original_failure()
    {
        var task = new OptionsTask<int, int>(
            "bad_rollback",
            (_, _) => Fail("charge failed"),
            rollback: (_, _) => ValueTask.FromException(new IOException("refund failed")));

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(1));

        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.InnerException!.Message, Is.EqualTo("charge failed"));
        Assert.That(error.RollbackError, Is.TypeOf<IOException>());
        Assert.That(error.Message, Does.EndWith("InvalidOperationException: charge failed; its rollback failed: IOException: refund failed"));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "bad_rollback"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskRollbackStarted, ExecutionEventType.TaskRollbackFailed, ExecutionEventType.TaskFailed,
        }));
        Assert.That(ctx.Events.Single(e => e.Type == ExecutionEventType.TaskRollbackFailed).Value, Is.SameAs(error.RollbackError));
    }

    [Test]
    public async Task A_nested_task_failure_is_not_wrapped_again_by_the_outer_task()
    {
        var inner = new OptionsTask<int, int>("inner", (_, _) => Fail("deep"));
        var outer = new OptionsTask<int, int>("outer", async (x, _) => await inner.Call(x), new TaskOptions { Retries = 1, RetryDelay = TimeSpan.Zero });

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await outer.Call(1));

        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.TaskName, Is.EqualTo("inner"), "the innermost failing task is named");
        Assert.That(error.InnerException!.Message, Is.EqualTo("deep"));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "inner"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskFailed, ExecutionEventType.TaskStarted, ExecutionEventType.TaskFailed,
        }), "the outer task retried, calling the inner task again");
    }

    [Test]
    public async Task A_task_with_only_a_fallback_falls_back_on_its_first_failure()
    {
        var task = new OptionsTask<int, string>(
            "only_fallback",
            (_, _) => ValueTask.FromException<string>(new InvalidOperationException("x")),
            fallback: (x, _) => ValueTask.FromResult($"default {x}"));

        var ctx = await OptionsWorkflow.Run(new TestClock(), async _ => await task.Call(2));

        Assert.That(ctx.Output, Is.EqualTo("default 2"));
        Assert.That(OptionsWorkflow.TypesOf(ctx, "only_fallback"), Is.EqualTo(new[]
        {
            ExecutionEventType.TaskStarted, ExecutionEventType.TaskFallbackStarted, ExecutionEventType.TaskFallbackCompleted, ExecutionEventType.TaskCompleted,
        }));
    }
}
