using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Flux.Orleans.Tests;

/// <summary>
/// A real two-silo Orleans cluster in this process (TestingHost, development clustering: an in-memory membership table
/// on the primary silo), with Flux on every silo and on the cluster's client, keeping its executions in the test
/// PostgreSQL server, in a schema of its own (so that two clusters never see each other's executions). Each silo has its
/// own store instance, as separate processes would.
/// </summary>
public sealed class FluxCluster : IAsyncDisposable
{
    /// <summary>The bound on concurrent task calls per silo that every test cluster runs with.</summary>
    public const int BoundPerSilo = 4;

    private readonly List<IHost> _clients = new();

    private const string SchemaKey = "FluxTestSchema";

    private FluxCluster(TestCluster cluster, TimeSpan startup, string schema)
    {
        Cluster = cluster;
        StartupTime = startup;
        Schema = schema;
    }

    /// <summary>The PostgreSQL schema this cluster's store uses.</summary>
    public string Schema { get; }

    /// <summary>The cluster's <see cref="IFluxClient"/>, on the TestingHost client.</summary>
    public IFluxClient Flux => Cluster.Client.ServiceProvider.GetRequiredService<IFluxClient>();

    /// <summary>A store on this cluster's schema, for the test to read what the silos wrote.</summary>
    public IExecutionStore Store => _store ??= NewStore(Schema);

    private IExecutionStore? _store;

    public TestCluster Cluster { get; }

    /// <summary>How long the two silos and the client took to start (reported, never asserted).</summary>
    public TimeSpan StartupTime { get; }

    public SiloHandle Primary => Cluster.Primary!;

    public SiloHandle Secondary => Cluster.SecondarySilos[0];

    public static async Task<FluxCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        var schema = $"orleans_{Guid.NewGuid():n}"[..20];
        builder.Properties[SchemaKey] = schema;

        // Real sockets, as in production, so other clients can reach a silo's gateway over TCP.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        var clock = Stopwatch.StartNew();
        await cluster.DeployAsync();
        return new FluxCluster(cluster, clock.Elapsed, schema);
    }

    /// <summary>The services of a silo (it runs in this process).</summary>
    public static IServiceProvider Services(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services;

    /// <summary>The name a silo's task worker reports in <see cref="TaskWorkerCall.Silo"/>.</summary>
    public static string Name(SiloHandle silo) => silo.SiloAddress.ToString();

    /// <summary>Starts another client that reaches the cluster through <paramref name="gateway"/> only.</summary>
    public async Task<IClusterClient> ConnectClientAsync(SiloHandle gateway)
    {
        var options = Cluster.Options;
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .UseStaticClustering(gateway.GatewayAddress.Endpoint)
                .Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId;
                    cluster.ServiceId = options.ServiceId;
                })
                .AddFlux(flux => flux
                    .AddWorkflows(FluxCatalog.Workflows)
                    .UseStore(_ => NewStore(Schema))))
            .Build();
        await host.StartAsync();
        _clients.Add(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.StopAsync();
            client.Dispose();
        }

        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (_store is IAsyncDisposable store)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>The silo the execution's grain is active on, or null.</summary>
    public async Task<string?> SiloOf(string executionId)
    {
        var grain = Cluster.Client.GetGrain<IFluxExecutionGrain>(executionId);
        var address = await Cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        return address?.ToString();
    }

    private static IExecutionStore NewStore(string schema) =>
        new PostgresExecutionStore(new PostgresExecutionStoreOptions { ConnectionString = ClusterFixture.ConnectionString, Schema = schema });

    private static string SchemaOf(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()[SchemaKey] ?? throw new InvalidOperationException("The test cluster's schema was not configured.");

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddFlux(flux => flux
                .AddTasks(FluxCatalog.TryGetTask)
                .AddWorkflows(FluxCatalog.Workflows)
                .UseStore(static services => NewStore(SchemaOf(services)))
                .Configure(options =>
                {
                    options.MaxConcurrentTaskCallsPerSilo = BoundPerSilo;
                    options.WorkerSlots = 16;
                }));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddFlux(flux => flux
                .AddWorkflows(FluxCatalog.Workflows)
                .UseStore(_ => NewStore(configuration[SchemaKey]!))
                .Configure(options => options.WorkerSlots = 16));
    }
}
