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
    public async Task StoreAppendsAlone()
    {
        var id = Guid.NewGuid().ToString("n");
        var time = DateTimeOffset.UtcNow;
        await _store.CreateAsync(
            new ExecutionRecord { ExecutionId = id, WorkflowName = "store_alone", State = ExecutionState.Running, CreatedAt = time, UpdatedAt = time },
            [new StoredEvent(1, ExecutionEventType.WorkflowStarted, time, null, "store_alone", "0"u8.ToArray())]);
        var sequence = 1L;
        for (var i = 0; i < Calls; i++)
        {
            var call = $"AddOne_{i:x16}";
            await _store.AppendAsync(id, [
                new StoredEvent(++sequence, ExecutionEventType.TaskStarted, DateTimeOffset.UtcNow, call, "AddOne", "{\"position\":0,\"arguments\":[1]}"u8.ToArray()),
                new StoredEvent(++sequence, ExecutionEventType.TaskCompleted, DateTimeOffset.UtcNow, call, "AddOne", "2"u8.ToArray()),
            ]);
        }
    }

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
/// The durable figures measured once each with a stopwatch (<c>dotnet run -c Release -- durable-figures</c>): quicker
/// than BenchmarkDotNet for a first look, and the only way to see the 1,000,000-call replay's peak memory.
/// </summary>
internal static class DurableFigures
{
    public static async Task RunAsync(TextWriter output)
    {
        var file = DurableFixture.NewFile("figures");
        await using (var store = new SqliteExecutionStore($"Data Source={file}"))
        {
            var options = DurableFixture.Options(store);
            await DurableFixture.Chain.RunAsync(100, options);
            var watch = Stopwatch.StartNew();
            await DurableFixture.Chain.RunAsync(5_000, options);
            output.WriteLine($"durable chain: {5_000 / watch.Elapsed.TotalSeconds:N0} calls/s");

            await DurableFixture.Map.RunAsync(1_000, options);
            watch.Restart();
            await DurableFixture.Map.RunAsync(100_000, options);
            output.WriteLine($"durable map:   {100_000 / watch.Elapsed.TotalSeconds:N0} items/s ({store.Statistics.WritesPerCommit:N1} writes per commit so far)");

            foreach (var calls in new[] { 1_000, 100_000, 1_000_000 })
            {
                var id = $"figures-{calls}";
                await DurableFixture.MapThenPause.RunAsync(calls, options with { ExecutionId = id });
                watch.Restart();
                var read = 0L;
                await foreach (var e in store.ReadEventsAsync(id))
                {
                    read = e.Sequence;
                }

                var readTime = watch.Elapsed;
                watch.Restart();
                var ctx = await DurableFixture.MapThenPause.ResumeAsync(id, 1, DurableFixture.Options(new ReadOnlyStore(store)));
                var replay = watch.Elapsed;
                output.WriteLine(
                    $"replay {calls,9:N0} calls: {replay.TotalMilliseconds * 1000 / calls:N2} us/call ({ctx.State}; reading {read:N0} events alone: {readTime.TotalMilliseconds * 1000 / calls:N2} us/call); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MB");
            }
        }

        DurableFixture.Delete(file);
    }
}
