using System.Collections.Concurrent;

namespace Flux.Samples;

/// <summary>A rollback: a payment that fails after holding funds releases the hold; the workflow still fails.</summary>
public static partial class RollbackSample
{
    private static readonly ConcurrentDictionary<string, decimal> s_holds = new();

    [Task]
    public static string ReserveStock(string order) => $"stock reserved for {order}";

    [Task(Rollback = nameof(ReleaseHold))]
    public static string ChargeCard(string order)
    {
        s_holds[order] = 99.90m;
        throw new InvalidOperationException("card declined after the hold was placed");
    }

    private static void ReleaseHold(string order) => s_holds.TryRemove(order, out _);

    [Workflow(Name = "rollback_workflow")]
    public static async Task<string> Checkout(ExecutionContext<string> ctx)
    {
        var reserved = await ReserveStockTask.Call(ctx.Input);
        var charged = await ChargeCardTask.Call(ctx.Input);
        return $"{reserved}; {charged}";
    }

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        var order = SampleUsageException.Single(input);
        var ctx = await CheckoutWorkflow.RunAsync(order);

        await EventReport.WriteAsync(ctx, "ReserveStock", output);
        await EventReport.WriteAsync(ctx, "ChargeCard", output);
        await output.WriteLineAsync($"hold left on the card: {(s_holds.ContainsKey(order) ? "yes" : "no")}");
        await output.WriteLineAsync(ctx.HasSucceeded ? $"result: {ctx.Output}" : $"error: {ctx.Error!.Message}");
    }
}
