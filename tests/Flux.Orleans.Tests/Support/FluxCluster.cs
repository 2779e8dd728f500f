using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Flux.Orleans.Tests;

/// <summary>
/// A real two-silo Orleans cluster in this process (TestingHost, development clustering: an in-memory membership table
/// on the primary silo), with Flux on every silo and on the cluster's client.
/// </summary>
public sealed class FluxCluster : IAsyncDisposable
{
    /// <summary>The bound on concurrent task calls per silo that every test cluster runs with.</summary>
    public const int BoundPerSilo = 4;

    private readonly List<IHost> _clients = new();

    private FluxCluster(TestCluster cluster, TimeSpan startup)
    {
        Cluster = cluster;
        StartupTime = startup;
    }

    public TestCluster Cluster { get; }

    /// <summary>How long the two silos and the client took to start (reported, never asserted).</summary>
    public TimeSpan StartupTime { get; }

    public SiloHandle Primary => Cluster.Primary!;

    public SiloHandle Secondary => Cluster.SecondarySilos[0];

    public static async Task<FluxCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);

        // Real sockets, as in production, so other clients can reach a silo's gateway over TCP.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        var clock = Stopwatch.StartNew();
        await cluster.DeployAsync();
        return new FluxCluster(cluster, clock.Elapsed);
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
                .AddFlux())
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
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddFlux(flux => flux
                .AddTasks(FluxCatalog.TryGetTask)
                .AddWorkflows(FluxCatalog.TryGetWorkflow)
                .Configure(options =>
                {
                    options.MaxConcurrentTaskCallsPerSilo = BoundPerSilo;
                    options.WorkerSlots = 16;
                }));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddFlux(flux => flux.Configure(options => options.WorkerSlots = 16));
    }
}
