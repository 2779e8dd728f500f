namespace Flux.Benchmarks;

/// <summary>
/// Map over trivial asynchronous items against Parallel.ForEachAsync at the same concurrency; the cost per
/// item must stay flat as the input grows (results are per item: OperationsPerInvoke is the item count).
/// </summary>
[MemoryDiagnoser]
public class MapBenchmarks
{
    private const int Concurrency = BatchOptions.DefaultAsyncConcurrency;
    private static readonly BatchOptions Options = new() { MaxConcurrency = Concurrency };
    private int[] _items = [];

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup() => _items = Enumerable.Range(0, Items).ToArray();

    [Benchmark(Baseline = true)]
    public async Task<int[]> ParallelForEachAsync()
    {
        var results = new int[_items.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, _items.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, _) => results[i] = await BenchTasks.Direct.AddOneYielding(_items[i]));
        return results;
    }

    [Benchmark]
    public Task<int[]> FluxMap() => BenchTasks.InWorkflow(() => BenchTasks.AddOneYieldingTask.Map(_items, Options));
}
