using System.Diagnostics;

namespace Flux.Benchmarks;

/// <summary>What the durable benchmarks run and where: a fresh SQLite file (WAL, synchronous=NORMAL) per benchmark class.</summary>
internal static class DurableFixture
{
    public static string NewFile(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-durable-benchmarks", $"{name}-{Guid.NewGuid():n}");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "flux.db");
    }

    public static void Delete(string file) => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

    public static RunOptions Options(IExecutionStore store) => new() { Store = store, Json = BenchJson.Default.Options };

    /// <summary>
    /// The chain's floor: the store alone appending the same two events per call as a durable chain does, awaiting each
    /// append (one commit per call), with no engine.
    /// </summary>
    public static async Task StoreAppendsAlone(IExecutionStore store, int calls)
    {
        var id = Guid.NewGuid().ToString("n");
        var time = DateTimeOffset.UtcNow;
        await store.CreateAsync(
            new ExecutionRecord { ExecutionId = id, WorkflowName = "store_alone", State = ExecutionState.Running, CreatedAt = time, UpdatedAt = time },
            [new StoredEvent(1, ExecutionEventType.WorkflowStarted, time, null, "store_alone", "0"u8.ToArray())]);
        var sequence = 1L;
        for (var i = 0; i < calls; i++)
        {
            var call = $"AddOne_{i:x16}";
            await store.AppendAsync(id, [
                new StoredEvent(++sequence, ExecutionEventType.TaskStarted, DateTimeOffset.UtcNow, call, "AddOne", "{\"position\":0,\"arguments\":[1]}"u8.ToArray()),
                new StoredEvent(++sequence, ExecutionEventType.TaskCompleted, DateTimeOffset.UtcNow, call, "AddOne", "2"u8.ToArray()),
            ]);
        }
    }

    /// <summary>N sequential calls in the workflow body: every completion is committed before the next call starts.</summary>
    public static readonly WorkflowHandle<int, int> Chain = new("durable_chain", async ctx =>
    {
        var x = 0;
        for (var i = 0; i < ctx.Input; i++)
        {
            x = await BenchTasks.AddOneTask.Call(x);
        }

        return x;
    });

    /// <summary>A Map of N trivial items; completions share commits and the Map awaits the last one.</summary>
    public static readonly WorkflowHandle<int, int> Map = new("durable_map", async ctx =>
        (await BenchTasks.AddOneTask.Map(Enumerable.Range(0, ctx.Input))).Length);

    /// <summary>A Map of N items, then a pause: resuming it replays the N completed calls, then finishes.</summary>
    public static readonly WorkflowHandle<int, int> MapThenPause = new("durable_replay", async ctx =>
    {
        var results = await BenchTasks.AddOneTask.Map(Enumerable.Range(0, ctx.Input));
        return results.Length + await Workflow.Pause<int>("end");
    });
}

/// <summary>
/// A sequential chain of durable calls on SQLite, against the store alone appending the same two events per call and
/// awaiting each append (the floor: one commit per call). Results are per call.
/// </summary>
[MemoryDiagnoser]
public class DurableChainBenchmarks
{
    private const int Calls = 1000;
    private SqliteExecutionStore _store = null!;
    private string _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = DurableFixture.NewFile("chain");
        _store = new SqliteExecutionStore($"Data Source={_file}");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        DurableFixture.Delete(_file);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public Task StoreAppendsAlone() => DurableFixture.StoreAppendsAlone(_store, Calls);

    [Benchmark(OperationsPerInvoke = Calls)]
    public async Task<int> DurableChain() => (await DurableFixture.Chain.RunAsync(Calls, DurableFixture.Options(_store))).GetOutputOrThrow();
}

/// <summary>A durable Map of 100,000 trivial items on SQLite against the same Map in memory (transient). Results are per item.</summary>
[MemoryDiagnoser]
public class DurableMapBenchmarks
{
    private const int Items = 100_000;
    private SqliteExecutionStore _store = null!;
    private string _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = DurableFixture.NewFile("map");
        _store = new SqliteExecutionStore($"Data Source={_file}");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        DurableFixture.Delete(_file);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public async Task<int> TransientMap() => (await DurableFixture.Map.RunAsync(Items)).GetOutputOrThrow();

    [Benchmark(OperationsPerInvoke = Items)]
    public async Task<int> DurableMap() => (await DurableFixture.Map.RunAsync(Items, DurableFixture.Options(_store))).GetOutputOrThrow();
}

/// <summary>
/// Replay of an execution with N completed calls (a Map of N items, then a pause) from SQLite: resuming it reads the
/// log, indexes it, replays every call by id without running it, and finishes. The resume runs through a store that
/// reads the real file but keeps nothing it is given (<see cref="ReadOnlyStore"/>), so every iteration replays the
/// same log. The baseline reads the same events from the store and does nothing with them. Results are per call.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private SqliteExecutionStore _store = null!;
    private string _file = null!;
    private string _id = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Calls { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _file = DurableFixture.NewFile("replay");
        _store = new SqliteExecutionStore($"Data Source={_file}");
        _id = $"replay-{Calls}";
        var paused = await DurableFixture.MapThenPause.RunAsync(Calls, DurableFixture.Options(_store) with { ExecutionId = _id });
        if (!paused.IsPaused)
        {
            throw new InvalidOperationException($"The execution to replay did not pause: {paused.State} {paused.Error}");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        DurableFixture.Delete(_file);
    }

    [Benchmark(Baseline = true)]
    public async Task<long> ReadEventsAlone()
    {
        long last = 0;
        await foreach (var e in _store.ReadEventsAsync(_id))
        {
            last = e.Sequence;
        }

        return last;
    }

    [Benchmark]
    public async Task<int> Replay()
    {
        var ctx = await DurableFixture.MapThenPause.ResumeAsync(_id, 1, DurableFixture.Options(new ReadOnlyStore(_store)));
        return ctx.GetOutputOrThrow();
    }
}

/// <summary>Reads a real store; claims, appends and releases succeed without writing, so a replay can be measured again and again.</summary>
internal sealed class ReadOnlyStore(IExecutionStore inner) : IExecutionStore
{
    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default) => default;

    public ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default) => default;

    public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) => inner.GetAsync(executionId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public async ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
        await inner.GetAsync(executionId, cancellationToken) is { } record ? record with { Owner = owner, LeaseExpiresAt = leaseExpiresAt, Version = record.Version + 1 } : null;

    public async ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
        await inner.GetAsync(executionId, cancellationToken);

    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default) => default;

    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) => ValueTask.FromResult(0);
}

/// <summary>
/// The durable figures measured with a stopwatch (<c>dotnet run -c Release -- durable-figures [repeats]</c>), each next
/// to its baseline measured the same way in the same run, best of <c>repeats</c> (3 by default): quicker than
/// BenchmarkDotNet on a busy machine, and the only way to see the 1,000,000-call replay's peak memory. Each figure is
/// given as wall time and as the process's CPU time (user + system): on a machine shared with other builds the wall
/// time includes waiting for a core, the CPU time does not.
/// </summary>
internal static class DurableFigures
{
    public static async Task RunAsync(TextWriter output, int repeats)
    {
        output.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()}, best of {repeats}");
        var file = DurableFixture.NewFile("figures");
        await using (var store = new SqliteExecutionStore($"Data Source={file}"))
        {
            var options = DurableFixture.Options(store);
            await DurableFixture.Chain.RunAsync(100, options);
            await DurableFixture.StoreAppendsAlone(store, 100);
            const int calls = 5_000;
            var floor = await Best(repeats, () => DurableFixture.StoreAppendsAlone(store, calls));
            var chain = await Best(repeats, () => DurableFixture.Chain.RunAsync(calls, options));
            Report(output, "durable chain, 5,000 calls", calls, "calls", chain, "store appends alone", floor);

            const int items = 100_000;
            await DurableFixture.Map.RunAsync(1_000, options);
            await DurableFixture.Map.RunAsync(1_000);
            var transient = await Best(repeats, () => DurableFixture.Map.RunAsync(items));
            var map = await Best(repeats, () => DurableFixture.Map.RunAsync(items, options));
            Report(output, "durable Map, 100,000 items", items, "items", map, "the same Map in memory", transient);

            foreach (var count in new[] { 1_000, 100_000, 1_000_000 })
            {
                var id = $"figures-{count}";
                await DurableFixture.MapThenPause.RunAsync(count, options with { ExecutionId = id });
                var read = await Best(repeats, async () =>
                {
                    await foreach (var e in store.ReadEventsAsync(id))
                    {
                        _ = e.Sequence;
                    }
                });
                var replay = await Best(repeats, async () =>
                {
                    var ctx = await DurableFixture.MapThenPause.ResumeAsync(id, 1, DurableFixture.Options(new ReadOnlyStore(store)));
                    if (!ctx.HasSucceeded)
                    {
                        throw new InvalidOperationException($"The replay did not finish: {ctx.State} {ctx.Error}");
                    }
                });
                Report(output, $"replay of {count:N0} calls", count, "calls", replay, "reading its events alone", read);
            }

            output.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB; load average {LoadAverage()}");
        }

        DurableFixture.Delete(file);
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> Best(int repeats, Func<Task> run)
    {
        var best = (Wall: TimeSpan.MaxValue, Cpu: TimeSpan.MaxValue);
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await run();
            var wall = watch.Elapsed;
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            best = (wall < best.Wall ? wall : best.Wall, used < best.Cpu ? used : best.Cpu);
        }

        return best;
    }

    private static void Report(TextWriter output, string what, int count, string unit, (TimeSpan Wall, TimeSpan Cpu) measured, string baselineName, (TimeSpan Wall, TimeSpan Cpu) baseline)
    {
        static string Per(TimeSpan time, int count) => $"{time.TotalMilliseconds * 1000 / count,8:N2} us";
        static string Rate(TimeSpan time, int count) => $"{count / time.TotalSeconds,10:N0}/s";
        output.WriteLine(
            $"{what,-28} wall {Per(measured.Wall, count)} ({Rate(measured.Wall, count)} {unit}), cpu {Per(measured.Cpu, count)} ({Rate(measured.Cpu, count)}); " +
            $"baseline {baselineName}: wall {Per(baseline.Wall, count)}, cpu {Per(baseline.Cpu, count)}; ratio wall {measured.Wall / baseline.Wall:N2}, cpu {measured.Cpu / baseline.Cpu:N2}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
