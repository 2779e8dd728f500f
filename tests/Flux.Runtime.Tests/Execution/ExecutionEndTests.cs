using Flux.Runtime.Tests.Options;
using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Execution;

/// <summary>Nothing of an execution runs or records after its terminal event.</summary>
public class ExecutionEndTests
{
    [Test]
    public async Task A_call_the_body_did_not_await_is_cancelled_and_awaited_before_the_run_ends()
    {
        var started = new Gate();
        var forgotten = new LambdaTask<int, int>("forgotten", async (x, token) =>
        {
            started.Open();
            await Task.Delay(Timeout.Infinite, token);
            return x;
        });

        var ctx = await LambdaTask.RunWorkflow<int, int>(1, async c =>
        {
            _ = forgotten.Call(c.Input).RunAsync();
            await started.WaitAsync();
            return c.Input;
        }).Guard();

        Assert.That(ctx.HasSucceeded, Is.True);
        Assert.That(ctx.Events.Select(e => (e.Type, e.Name)), Is.EqualTo(new[]
        {
            (ExecutionEventType.WorkflowStarted, "test_workflow"),
            (ExecutionEventType.TaskStarted, "forgotten"),
            (ExecutionEventType.TaskCancelled, "forgotten"),
            (ExecutionEventType.WorkflowCompleted, "test_workflow"),
        }));
        Assert.That(ctx.CancellationToken.IsCancellationRequested, Is.True, "the run's token is cancelled once it ended");
    }

    [Test]
    public async Task What_an_abandoned_body_does_after_the_end_is_not_recorded()
    {
        var clock = new TestClock();
        var release = new Gate();
        var lateCallDone = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var late = new OptionsTask<int, int>("late", (x, _) => ValueTask.FromResult(x));
        var stuck = new OptionsTask<int, int>(
            "stuck",
            async (x, _) =>
            {
                await release.WaitAsync(); // ignores its token: the timeout abandons it
                try
                {
                    var result = await late.Call(x);
                    lateCallDone.SetResult(null);
                    return result;
                }
                catch (Exception error)
                {
                    lateCallDone.SetResult(error);
                    throw;
                }
            },
            new TaskOptions { Timeout = TimeSpan.FromSeconds(1) });

        var run = OptionsWorkflow.Run(clock, async _ => await stuck.Call(1));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromSeconds(1));
        var ctx = await run.Guard();
        var eventsAtTheEnd = ctx.Events.Count;
        release.Open();
        var lateError = await lateCallDone.Task.Guard();

        Assert.That(ctx.HasFailed, Is.True);
        Assert.That(lateError, Is.InstanceOf<OperationCanceledException>(), "the late call runs on the ended run's cancelled token");
        Assert.That(ctx.Events, Has.Count.EqualTo(eventsAtTheEnd));
        Assert.That(ctx.Events[^1].Type, Is.EqualTo(ExecutionEventType.WorkflowFailed));
        Assert.That(ctx.Events.Any(e => e.Name == "late"), Is.False);
    }

    [Test]
    public async Task A_cancellation_callback_that_throws_while_the_run_stops_its_strays_fails_an_otherwise_successful_run()
    {
        var started = new Gate();
        var stray = new LambdaTask<int, int>("stray", async (x, token) =>
        {
            using var registration = token.Register(() => throw new InvalidCastException("callback broke"));
            started.Open();
            await Task.Delay(Timeout.Infinite, token);
            return x;
        });

        var ctx = await LambdaTask.RunWorkflow<int, int>(1, async c =>
        {
            _ = stray.Call(c.Input).RunAsync();
            await started.WaitAsync();
            return c.Input;
        }).Guard();

        Assert.That(ctx.HasFailed, Is.True, "nothing is swallowed");
        Assert.That(ctx.Error, Is.TypeOf<InvalidCastException>().With.Message.EqualTo("callback broke"));
    }
}
