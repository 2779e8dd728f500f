namespace Flux.Samples;

/// <summary>A parcel the child workflow ships.</summary>
/// <param name="Order">The order it belongs to.</param>
/// <param name="Tracking">The carrier's tracking number.</param>
public sealed record Shipment(string Order, string Tracking);

/// <summary>
/// A child workflow: the parent calls it like a task; it is an execution of its own (its id derives from the parent's
/// call), and the parent records one call that replays: resuming the parent does not ship twice.
/// </summary>
public static partial class ChildWorkflowSample
{
    private static int s_labels;

    [Task]
    public static string PrintLabel(string order)
    {
        Interlocked.Increment(ref s_labels);
        return $"TRK-{order.ToUpperInvariant()}";
    }

    [Workflow(Name = "ship_order")]
    public static async Task<Shipment> Ship(ExecutionContext<string> ctx) =>
        new(ctx.Input, await PrintLabelTask.Call(ctx.Input));

    [Workflow(Name = "fulfil_order")]
    public static async Task<string> Fulfil(ExecutionContext<string> ctx)
    {
        var shipment = await ShipWorkflow.CallAsync(ctx.Input);
        var note = await Workflow.Pause<string>("customer_note");
        return $"{shipment.Order} shipped as {shipment.Tracking}; note: {note}";
    }

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        var order = SampleUsageException.Single(input);
        await using var durable = new DurableSampleStore();
        s_labels = 0;
        var paused = await FulfilWorkflow.RunAsync(order, durable.Options("fulfil-1"));
        await output.WriteLineAsync($"parent 'fulfil-1' paused at '{paused.PausedAt}'; its events:");
        foreach (var line in await durable.TimelineAsync("fulfil-1"))
        {
            await output.WriteLineAsync($"  {line}");
        }

        var children = await durable.Store.QueryAsync(new ExecutionQuery { ParentExecutionId = "fulfil-1" });
        foreach (var child in children.Items)
        {
            await output.WriteLineAsync($"child '{child.ExecutionId}' ({child.WorkflowName}, {child.State}); its events:");
            foreach (var line in await durable.TimelineAsync(child.ExecutionId))
            {
                await output.WriteLineAsync($"  {line}");
            }
        }

        var done = await FulfilWorkflow.ResumeAsync("fulfil-1", "leave at the door", durable.Options());
        await output.WriteLineAsync($"after the resume, PrintLabel ran {s_labels} time(s): the parent replayed its call of the child");
        await output.WriteLineAsync($"result: {done.Output}");
    }
}
