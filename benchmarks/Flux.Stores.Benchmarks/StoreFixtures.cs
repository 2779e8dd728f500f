namespace Flux.Stores.Benchmarks;

/// <summary>What every store benchmark writes and reads: small events like a task call's, and fresh files or schemas.</summary>
internal static class StoreFixtures
{
    public static readonly byte[] Payload = "{\"value\":12345,\"name\":\"item\"}"u8.ToArray();
    public static readonly DateTimeOffset Time = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static string NewFile(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-store-benchmarks", $"{name}-{Guid.NewGuid():n}");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "flux.db");
    }

    public static void DeleteFile(string path) => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("FLUX_POSTGRES") ?? throw new InvalidOperationException("FLUX_POSTGRES is not set (Program starts a server when it is not).");

    public static string NewSchema() => $"bench_{Guid.NewGuid():n}";

    public static ExecutionRecord Execution(string id) => new()
    {
        ExecutionId = id,
        WorkflowName = "benchmark",
        State = ExecutionState.Running,
        CreatedAt = Time,
        UpdatedAt = Time,
    };

    public static StoredEvent Completed(long sequence, int item) =>
        new(sequence, ExecutionEventType.TaskCompleted, Time, $"map:work[{item}]/work_{item:x16}", "work", Payload);

    public static StoredEvent Started(long sequence, int item) =>
        new(sequence, ExecutionEventType.TaskStarted, Time, $"map:work[{item}]/work_{item:x16}", "work", Payload);

    /// <summary>
    /// A durable Map's writes: <paramref name="workers"/> concurrent workers take items, number each item's two events
    /// and queue their append under one lock (as an engine keeps a log's order), then await it outside the lock.
    /// </summary>
    public static async Task MapLikeAppends(IExecutionStore store, string executionId, int items, int workers, Func<long> nextSequence, Action<long> advance)
    {
        var gate = new object();
        var next = -1;
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Run(async () =>
            {
                int item;
                while ((item = Interlocked.Increment(ref next)) < items)
                {
                    ValueTask append;
                    lock (gate)
                    {
                        var first = nextSequence();
                        advance(2);
                        append = store.AppendAsync(executionId, [Started(first, item), Completed(first + 1, item)]);
                    }

                    await append;
                }
            });
        }

        await Task.WhenAll(tasks);
    }
}
