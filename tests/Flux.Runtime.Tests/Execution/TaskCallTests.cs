using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Execution;

public class TaskCallTests
{
    [Test]
    public async Task A_call_is_lazy_until_awaited()
    {
        var runs = 0;
        var task = LambdaTask.Of<int, int>("count", x => { Interlocked.Increment(ref runs); return x; });

        var ctx = await LambdaTask.RunWorkflow<int, int>(1, async _ =>
        {
            var call = task.Call(5);
            Assert.That(runs, Is.Zero);
            Assert.That(call.HasStarted, Is.False);
            var result = await call;
            Assert.That(call.HasStarted, Is.True);
            return result;
        });

        Assert.That(ctx.Output, Is.EqualTo(5));
        Assert.That(runs, Is.EqualTo(1));
    }

    [Test]
    public async Task A_call_runs_once_and_a_second_await_says_how_to_run_again()
    {
        var task = LambdaTask.Of<int, int>("once", x => x);

        var ctx = await LambdaTask.RunWorkflow<int, int>(1, async _ =>
        {
            var call = task.Call(1);
            await call;
            return await call;
        });

        Assert.That(ctx.Error, Is.InstanceOf<InvalidOperationException>());
        Assert.That(ctx.Error!.Message, Does.Contain("task 'once' was already started").And.Contain("onceTask.Call(...) again"));
    }

    [Test]
    public async Task Identical_calls_get_increasing_occurrences_and_ids_are_the_same_in_every_run()
    {
        var task = LambdaTask.Of<string, string>("echo", x => x);
        async Task<string[]> Body(ExecutionContext<string> ctx) =>
            [await task.Call("a"), await task.Call("a"), await task.Call("b")];

        var first = await LambdaTask.RunWorkflow<string, string[]>("x", Body);
        var second = await LambdaTask.RunWorkflow<string, string[]>("x", Body);

        var ids = first.Events.Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.CallId).ToArray();
        Assert.That(ids.Select(i => i.Occurrence), Is.EqualTo(new[] { 0, 1, 0 }));
        Assert.That(ids[0].Fingerprint, Is.EqualTo(ids[1].Fingerprint));
        Assert.That(ids[0].Fingerprint, Is.Not.EqualTo(ids[2].Fingerprint));
        Assert.That(ids[1].ToString(), Does.StartWith("echo_").And.EndWith("~1"));
        var again = second.Events.Where(e => e.Type == ExecutionEventType.TaskStarted).Select(e => e.SourceId);
        Assert.That(again, Is.EqualTo(ids.Select(i => i.ToString())));
    }

    [Test]
    public async Task A_task_called_outside_a_workflow_runs_and_records_nothing()
    {
        var task = LambdaTask.Of<int, int>("double", x => x * 2);

        Assert.That(await task.Call(21), Is.EqualTo(42));
    }

    [Test]
    public async Task A_task_failing_outside_a_workflow_still_names_the_task()
    {
        var task = LambdaTask.Of<int, int>("explode", _ => throw new InvalidOperationException("kaboom"));

        var thrown = await Assert.ThrowsAsync<TaskFailedException>(async () => await task.Call(1));

        Assert.That(thrown!.Message, Is.EqualTo("Task 'explode' failed: InvalidOperationException: kaboom"));
        Assert.That(thrown.WorkflowName, Is.Null);
    }

    [Test]
    public async Task A_nested_task_failure_is_not_wrapped_again_by_the_outer_task()
    {
        var inner = LambdaTask.Of<int, int>("inner", _ => throw new ArgumentException("bad"));
        var outer = LambdaTask.Of<int, int>("outer", async (x, _) => await inner.Call(x));

        var ctx = await LambdaTask.RunWorkflow<int, int>(1, async c => await outer.Call(c.Input));

        var error = (TaskFailedException)ctx.Error!;
        Assert.That(error.TaskName, Is.EqualTo("inner"));
        Assert.That(ctx.Events.Count(e => e.Type == ExecutionEventType.TaskFailed), Is.EqualTo(2));
    }

    [Test]
    public void Untyped_calls_check_the_number_and_types_of_arguments()
    {
        TaskHandle task = LambdaTask.Of<int, int>("typed", x => x);

        Assert.That(() => task.CreateCall(new object?[] { 1, 2 }), Throws.ArgumentException.With.Message.Contains("takes 1 argument(s) but was given 2"));
        Assert.That(() => task.CreateCall(new object?[] { "x" }), Throws.ArgumentException.With.Message.Contains("takes a Int32 as argument 1, but was given String"));
        Assert.That(() => task.CreateCall(new object?[] { null }), Throws.ArgumentException);
        Assert.That(task.CreateCall(new object?[] { 3 }), Is.InstanceOf<TaskCall<int>>());
    }
}
