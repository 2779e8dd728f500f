namespace Flux.Samples;

/// <summary>
/// The seed's "Memory-efficient processing": process and store results incrementally. Here the input is
/// generated lazily and streamed through <c>MapStream</c>, so memory stays flat however many items there are.
/// </summary>
public static partial class StreamingMapSample
{
    [Task] public static long SquareNumber(long item) => item * item;

    [Task]
    public static Task<int> StoreResults(long[] batch)
    {
        // A real pipeline writes the batch to storage here; the sample only counts it.
        return Task.FromResult(batch.Length);
    }

    [Workflow(Name = "memory_efficient_mapping")]
    public static async Task<string> MemoryEfficient(ExecutionContext<int> ctx)
    {
        long stored = 0, checksum = 0;
        var batch = new List<long>(1000);
        await foreach (var squared in SquareNumberTask.MapStream(Numbers(ctx.Input)))
        {
            checksum = unchecked(checksum + squared);
            batch.Add(squared);
            if (batch.Count == 1000)
            {
                stored += await StoreResultsTask.Call([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            stored += await StoreResultsTask.Call([.. batch]);
        }

        return $"stored {stored} results, checksum {checksum}";
    }

    private static IEnumerable<long> Numbers(int count)
    {
        for (long i = 1; i <= count; i++)
        {
            yield return i;
        }
    }

    internal static async Task RunAsync(string[] input, TextWriter output) =>
        await output.WriteLineAsync(await MemoryEfficientWorkflow.RunOrThrowAsync(SampleUsageException.ParseInt(input)));
}
