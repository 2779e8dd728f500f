using Flux.AspNetCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Flux.AspNetCore.Tests.Support;

/// <summary>
/// Starts <see cref="TestApp"/> with a <see cref="FluxClient"/> over a new SQLite file (deleted on dispose) running
/// the test workflows; <see cref="Client"/> is what the API uses, for the test to arrange and check executions.
/// </summary>
public sealed class FluxAppFactory : WebApplicationFactory<FluxAppFactory.EntryPoint>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "flux-web-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteExecutionStore _store;

    public FluxAppFactory()
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "flux.db");
        _store = new SqliteExecutionStore($"Data Source={DatabasePath}");
        Client = new FluxClient(_store, FluxCatalog.Workflows, new RunOptions { Json = TestJson.Default.Options });
    }

    /// <summary>The SQLite file the executions are stored in.</summary>
    public string DatabasePath { get; }

    public FluxClient Client { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The test application has no files of its own: its content root is the test's output directory.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => services.AddSingleton<IFluxClient>(Client));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Client.DisposeAsync();
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The type WebApplicationFactory finds the test application's entry point by (<see cref="TestApp.Main"/>).</summary>
    public sealed class EntryPoint;
}
