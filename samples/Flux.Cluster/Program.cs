using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Flux.Cluster;
using Flux.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;

// Flux on an Orleans cluster, on one machine: two silos and a client, the executions in PostgreSQL.
//
//   export FLUX_POSTGRES="$(scripts/postgres.sh start /tmp/flux-cluster)"
//   dotnet run --project samples/Flux.Cluster -- demo 2000      two silos and a client in this process
//   dotnet run --project samples/Flux.Cluster -- silo 0         the first silo (another terminal: silo 1)
//   dotnet run --project samples/Flux.Cluster -- client 2000    a client of those two silos
//
// FLUX_CLUSTERING=adonet keeps the cluster's membership in the same PostgreSQL (Orleans' ADO.NET clustering) instead
// of the development clustering (membership held by silo 0); see samples/Flux.Cluster/README.md.
var command = args.FirstOrDefault() ?? "demo";
var connection = Environment.GetEnvironmentVariable("FLUX_POSTGRES");
if (string.IsNullOrWhiteSpace(connection))
{
    Console.Error.WriteLine("Set FLUX_POSTGRES to a PostgreSQL connection string: export FLUX_POSTGRES=\"$(scripts/postgres.sh start /tmp/flux-cluster)\"");
    return 2;
}

var cluster = new ClusterSettings(connection, Environment.GetEnvironmentVariable("FLUX_CLUSTERING") ?? "development");
await cluster.CheckAsync();
switch (command)
{
    case "silo" when args.Length > 1 && int.TryParse(args[1], out var index) && index is 0 or 1:
        using (var silo = cluster.Silo(index))
        {
            await silo.RunAsync();
        }

        return 0;
    case "client":
        return await RunClientAsync(cluster, Count(args));
    case "demo":
        var silos = new[] { cluster.Silo(0), cluster.Silo(1) };
        foreach (var silo in silos)
        {
            await silo.StartAsync();
        }

        try
        {
            return await RunClientAsync(cluster, Count(args));
        }
        finally
        {
            foreach (var silo in silos.Reverse())
            {
                await silo.StopAsync();
                silo.Dispose();
            }
        }

    default:
        Console.Error.WriteLine("usage: Flux.Cluster demo [items] | silo <0|1> | client [items]");
        return 2;
}

static int Count(string[] args) => args.Length > 1 && int.TryParse(args[1], out var count) ? count : 2_000;

static async Task<int> RunClientAsync(ClusterSettings cluster, int items)
{
    using var host = cluster.Client();
    await host.StartAsync();

    // The same IFluxClient a single process uses: only the registration differs.
    var flux = host.Services.GetRequiredService<IFluxClient>();
    var json = ClusterJson.Default;
    var clock = Stopwatch.StartNew();
    var priced = await flux.RunAsync("price_order", JsonSerializer.SerializeToElement(items, json.Int32));
    var total = JsonSerializer.Deserialize(priced.Output, json.OrderTotal)!;
    Console.WriteLine($"price_order {priced.ExecutionId}: {priced.State}, {total.Lines} lines, total {total.Amount} ({clock.Elapsed.TotalSeconds:F1} s)");

    var paused = await flux.RunAsync("approve_order", JsonSerializer.SerializeToElement("o-42", json.String));
    Console.WriteLine($"approve_order {paused.ExecutionId}: {paused.State} at '{paused.PausedAt}'");
    var approved = await flux.ResumeAsync(paused.ExecutionId, JsonSerializer.SerializeToElement("ann", json.String));
    Console.WriteLine($"approve_order {approved.ExecutionId}: {approved.State}: {JsonSerializer.Deserialize(approved.Output, json.String)}");

    await host.StopAsync();
    return priced.State == ExecutionState.Succeeded && approved.State == ExecutionState.Succeeded ? 0 : 1;
}

/// <summary>How the sample's silos and client find each other and the store.</summary>
internal sealed record ClusterSettings(string Connection, string Clustering)
{
    private const string ClusterId = "flux-sample";
    private static readonly int[] SiloPorts = [11111, 11112];
    private static readonly int[] GatewayPorts = [30000, 30001];

    private bool AdoNet => string.Equals(Clustering, "adonet", StringComparison.OrdinalIgnoreCase);

    /// <summary>With ADO.NET clustering, checks that Orleans' tables are in the database, and says how to add them if not.</summary>
    public async Task CheckAsync()
    {
        if (!AdoNet)
        {
            return;
        }

        DbProviderFactories.RegisterFactory("Npgsql", NpgsqlFactory.Instance);
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select to_regclass('orleansmembershiptable') is not null and to_regclass('orleansquery') is not null", connection);
        if (await command.ExecuteScalarAsync() is not true)
        {
            throw new InvalidOperationException(
                "FLUX_CLUSTERING=adonet needs Orleans' membership tables in the database. Apply Orleans' PostgreSQL scripts once: " +
                "src/AdoNet/Shared/PostgreSQL-Main.sql and src/AdoNet/Orleans.Clustering.AdoNet/PostgreSQL-Clustering.sql from the " +
                "dotnet/orleans repository (psql \"$FLUX_POSTGRES\" -f ...), or leave FLUX_CLUSTERING unset for the development clustering.");
        }
    }

    /// <summary>Silo <paramref name="index"/> (0 or 1): Flux's grains and workers, the store, and the clustering.</summary>
    public IHost Silo(int index) => Host.CreateDefaultBuilder()
        .ConfigureLogging(static logging => logging.SetMinimumLevel(LogLevel.Warning))
        .UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(static options => (options.ClusterId, options.ServiceId) = (ClusterId, ClusterId));
            silo.ConfigureEndpoints(IPAddress.Loopback, SiloPorts[index], GatewayPorts[index]);
            if (AdoNet)
            {
                silo.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", Connection));
            }
            else
            {
                silo.UseDevelopmentClustering(new IPEndPoint(IPAddress.Loopback, SiloPorts[0]));
            }

            silo.AddFlux(flux => flux
                .AddTasks(FluxCatalog.TryGetTask)
                .AddWorkflows(FluxCatalog.Workflows)
                .UseStore(_ => new PostgresExecutionStore(Connection))
                .Configure(options => options.Json = ClusterJson.Default.Options));
        })
        .Build();

    /// <summary>A client of the two silos, with the cluster's <see cref="IFluxClient"/>.</summary>
    public IHost Client() => Host.CreateDefaultBuilder()
        .ConfigureLogging(static logging => logging.SetMinimumLevel(LogLevel.Warning))
        .UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(static options => (options.ClusterId, options.ServiceId) = (ClusterId, ClusterId));
            if (AdoNet)
            {
                client.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", Connection));
            }
            else
            {
                client.UseStaticClustering(GatewayPorts.Select(static port => new IPEndPoint(IPAddress.Loopback, port)).ToArray());
            }

            client.AddFlux(flux => flux
                .AddWorkflows(FluxCatalog.Workflows)
                .UseStore(_ => new PostgresExecutionStore(Connection))
                .Configure(options => options.Json = ClusterJson.Default.Options));
        })
        .Build();
}
