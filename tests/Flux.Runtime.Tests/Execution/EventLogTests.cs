using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Execution;

public class EventLogTests
{
    [TestCase(0)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(255)]
    [TestCase(1500)]
    public async Task The_log_keeps_every_event_in_order_across_its_chunks(int calls)
    {
        var echo = LambdaTask.Of<int, int>("echo", x => x);

        var ctx = await LambdaTask.RunWorkflow<int, int>(calls, async c =>
        {
            for (var i = 0; i < c.Input; i++)
            {
                await echo.Call(i);
            }

            return c.Input;
        });

        var events = ctx.Events;
        Assert.That(events, Has.Count.EqualTo(2 + (2 * calls)));
        Assert.That(events[0].Type, Is.EqualTo(ExecutionEventType.WorkflowStarted));
        Assert.That(events[^1].Type, Is.EqualTo(ExecutionEventType.WorkflowCompleted));
        var values = events.Where(e => e.Type == ExecutionEventType.TaskCompleted).Select(e => (int)e.Value!);
        Assert.That(values, Is.EqualTo(Enumerable.Range(0, calls)));
    }
}
