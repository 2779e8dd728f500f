namespace Flux.Samples;

/// <summary>The seed's performance advice "Batch processing for large datasets": map in batches of 1000.</summary>
public static partial class BatchedMapSample
{
    private const int BatchSize = 1000;

    [Workflow(Name = "optimized_mapping")]
    public static async Task<string[]> OptimizedMapping(ExecutionContext<string[]> ctx)
    {
        var results = new List<string>(ctx.Input.Length);
        foreach (var batch in ctx.Input.Chunk(BatchSize))
        {
            results.AddRange(await MapSample.ProcessItemTask.Map(batch));
        }

        return [.. results];
    }

    internal static async Task RunAsync(string[] input, TextWriter output)
    {
        var count = SampleUsageException.ParseInt(input);
        var items = Enumerable.Range(0, count).Select(i => $"item-{i}").ToArray();
        var ctx = await OptimizedMappingWorkflow.RunAsync(items);
        var results = ctx.GetOutputOrThrow();
        await output.WriteLineAsync(
            $"{results.Length} items in {(count + BatchSize - 1) / BatchSize} batch(es); last: {results.LastOrDefault() ?? "(none)"}");
    }
}
