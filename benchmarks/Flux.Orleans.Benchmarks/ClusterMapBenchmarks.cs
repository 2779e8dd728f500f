using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Flux.Orleans.Benchmarks;

/// <summary>
/// A durable Map of 100,000 trivial items: on a cluster of one silo and of two (PostgreSQL store, every task call sent
/// to a task-worker grain), against the same Map run in one process on SQLite (the baseline) and on PostgreSQL.
/// Results are per item. Every silo runs in this process, so on a 2-core machine the two silos share the same cores.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessMonitoring))]
public class ClusterMapBenchmarks
{
    /// <summary>
    /// Each invocation is a whole 100,000-item Map (seconds), so a few monitored iterations suffice; in process, because
    /// the benchmark hosts its clusters itself and building a separate benchmark executable timed out on this busy machine.
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private const int Items = 100_000;
    private Scenario _sqlite = null!;
    private Scenario _postgres = null!;
    private Scenario _oneSilo = null!;
    private Scenario _twoSilos = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _sqlite = Scenario.Sqlite();
        _postgres = Scenario.Postgres();
        _oneSilo = await Scenario.ClusterAsync(1);
        _twoSilos = await Scenario.ClusterAsync(2);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var scenario in new[] { _sqlite, _postgres, _oneSilo, _twoSilos })
        {
            await scenario.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public Task<int> SingleProcessSqlite() => _sqlite.RunAsync(Items);

    [Benchmark(OperationsPerInvoke = Items)]
    public Task<int> SingleProcessPostgres() => _postgres.RunAsync(Items);

    [Benchmark(OperationsPerInvoke = Items)]
    public Task<int> ClusterOneSilo() => _oneSilo.RunAsync(Items);

    [Benchmark(OperationsPerInvoke = Items)]
    public Task<int> ClusterTwoSilos() => _twoSilos.RunAsync(Items);
}
