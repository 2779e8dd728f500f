namespace Flux.Samples;

/// <summary>A fallback: when every attempt failed, the last known price stands in for the live one.</summary>
public static partial class FallbackSample
{
    [Task(Retries = 1, RetryDelay = "10ms", Fallback = nameof(LastKnownPrice))]
    public static decimal LivePrice(string sku) => throw new HttpRequestException($"pricing service has no answer for {sku}");

    private static decimal LastKnownPrice(string sku) => sku.Length * 1.25m;

    [Workflow(Name = "fallback_workflow")]
    public static async Task<decimal> Price(ExecutionContext<string> ctx) => await LivePriceTask.Call(ctx.Input);

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        var ctx = await PriceWorkflow.RunAsync(SampleUsageException.Single(input));

        await EventReport.WriteAsync(ctx, "LivePrice", output);
        await output.WriteLineAsync(ctx.HasSucceeded ? $"result: {ctx.Output}" : $"error: {ctx.Error!.Message}");
    }
}
