using System.Text.Json;
using System.Text.Json.Serialization;
using Flux.Orleans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Flux.Orleans.Benchmarks;

/// <summary>The workflow every scenario runs: a durable Map of N trivial asynchronous items.</summary>
public static partial class MapWork
{
    [Task]
    public static async Task<int> AddOne(int x)
    {
        await Task.Yield();
        return x + 1;
    }

    [Workflow(Name = "bench_map")]
    public static async Task<int> MapAll(ExecutionContext<int> ctx) => (await AddOneTask.Map(Enumerable.Range(0, ctx.Input))).Length;
}

[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int[]))]
public sealed partial class BenchJson : JsonSerializerContext
{
}

/// <summary>One place to run the Map: in this process over a store, or through a cluster's <see cref="IFluxClient"/>.</summary>
public sealed class Scenario : IAsyncDisposable
{
    private const string SchemaKey = "FluxBenchSchema";
    private readonly TestCluster? _cluster;
    private readonly IExecutionStore[] _stores;
    private readonly IFluxClient _client;

    private Scenario(string name, IFluxClient client, IExecutionStore[] stores, TestCluster? cluster)
    {
        Name = name;
        _client = client;
        _stores = stores;
        _cluster = cluster;
    }

    public string Name { get; }

    /// <summary>The commits of every store instance of the scenario (one per silo on a cluster).</summary>
    public long Commits => _stores.Sum(static store => Statistics(store).Commits);

    /// <summary>The events committed by every store instance of the scenario.</summary>
    public long Events => _stores.Sum(static store => Statistics(store).Events);

    public static Scenario Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "flux-orleans-benchmarks", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        var store = new SqliteExecutionStore($"Data Source={Path.Combine(folder, "flux.db")}");
        return new Scenario("single process, SQLite", new FluxClient(store, [MapWork.MapAllWorkflow], Options()), [store], null);
    }

    public static Scenario Postgres()
    {
        var store = NewPostgres(NewSchema());
        return new Scenario("single process, PostgreSQL", new FluxClient(store, [MapWork.MapAllWorkflow], Options()), [store], null);
    }

    public static async Task<Scenario> ClusterAsync(int silos)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties[SchemaKey] = NewSchema();
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var stores = cluster.Silos.Select(static silo => ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<IExecutionStore>()).ToArray();
        var client = cluster.Client.ServiceProvider.GetRequiredService<IFluxClient>();
        return new Scenario($"cluster, {silos} silo{(silos == 1 ? "" : "s")}, PostgreSQL", client, stores, cluster);
    }

    /// <summary>Runs the Map of <paramref name="items"/> items to its end and returns its length.</summary>
    public async Task<int> RunAsync(int items)
    {
        var record = await _client.RunAsync("bench_map", JsonSerializer.SerializeToElement(items, BenchJson.Default.Int32));
        return record.State == ExecutionState.Succeeded
            ? JsonSerializer.Deserialize(record.Output, BenchJson.Default.Int32)
            : throw new InvalidOperationException($"{Name}: the Map ended {record.State}: {record.ErrorType} {record.ErrorMessage}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
            return;
        }

        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private static RunOptions Options() => new() { Json = BenchJson.Default.Options };

    private static ExecutionStoreStatistics Statistics(IExecutionStore store) => store switch
    {
        SqliteExecutionStore sqlite => sqlite.Statistics,
        PostgresExecutionStore postgres => postgres.Statistics,
        _ => new ExecutionStoreStatistics(),
    };

    private static string NewSchema() => $"bench_{Guid.NewGuid():n}"[..20];

    private static PostgresExecutionStore NewPostgres(string schema) => new(new PostgresExecutionStoreOptions
    {
        ConnectionString = Environment.GetEnvironmentVariable("FLUX_POSTGRES") ?? throw new InvalidOperationException("FLUX_POSTGRES is not set."),
        Schema = schema,
    });

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddFlux(flux => flux
                .AddTasks(FluxCatalog.TryGetTask)
                .AddWorkflows(FluxCatalog.Workflows)
                .UseStore(static services => NewPostgres(services.GetRequiredService<IConfiguration>()[SchemaKey]!))
                .Configure(static options => options.Json = BenchJson.Default.Options));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddFlux(flux => flux
                .AddWorkflows(FluxCatalog.Workflows)
                .UseStore(_ => NewPostgres(configuration[SchemaKey]!))
                .Configure(static options => options.Json = BenchJson.Default.Options));
    }
}
