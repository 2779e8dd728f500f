using Flux.Runtime.Tests.Support;

namespace Flux.Runtime.Tests.Execution;

public class EventLogTests
{
    [TestCase(0)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(255)]
    [TestCase(1500)]
    [TestCase(20_000)] // past the chunks the log pins
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

    [TestCase(7)]
    [TestCase(600)]
    public async Task The_log_keeps_every_object_value_across_its_side_table_chunks(int calls)
    {
        var echo = LambdaTask.Of<string, string>("echo", x => x + "!");

        var ctx = await LambdaTask.RunWorkflow<int, int>(calls, async c =>
        {
            for (var i = 0; i < c.Input; i++)
            {
                await echo.Call(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return c.Input;
        });

        var values = ctx.Events.Where(e => e.IsTaskEvent).Select(e => (string)e.Value!);
        Assert.That(values, Is.EqualTo(Enumerable.Range(0, calls).SelectMany(i => new[] { $"{i}", $"{i}!" })));
    }

    [Test]
    public async Task Values_read_back_as_recorded_whether_kept_inline_or_as_objects()
    {
        var date = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var ctx = await LambdaTask.RunWorkflow<int, int>(0, async _ =>
        {
            await LambdaTask.Of<int, long>("widen", x => x + 1L).Call(41);
            await LambdaTask.Of<DateTime, DayOfWeek>("day", d => d.DayOfWeek).Call(date);
            await LambdaTask.Of<decimal, (int, int)>("split", m => ((int)m, 7)).Call(12.5m);
            await LambdaTask.Of<string, int?>("parse", s => int.TryParse(s, out var n) ? n : null).Call("nope");
            return 0;
        });

        var values = ctx.Events.Where(e => e.IsTaskEvent).Select(e => e.Value).ToArray();
        Assert.That(values, Is.EqualTo(new object?[] { 41, 42L, date, date.DayOfWeek, 12.5m, (12, 7), "nope", null }));
        Assert.That(values.Select(v => v?.GetType()), Is.EqualTo(new[]
        {
            typeof(int), typeof(long), typeof(DateTime), typeof(DayOfWeek), typeof(decimal), typeof((int, int)), typeof(string), null,
        }));
    }
}
