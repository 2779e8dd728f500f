using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Hosting.Tests.Support;

/// <summary>A real host (Host.CreateApplicationBuilder) with Flux over a SQLite file, on a fake clock.</summary>
public static class TestHost
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Builds a host; <paramref name="configure"/> adds Flux and whatever else the test needs.</summary>
    public static IHost Build(FakeTimeProvider clock, Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(clock);
        configure(builder.Services);
        return builder.Build();
    }

    /// <summary>Waits until an execution's last event is stored, reading its events as they come.</summary>
    public static async Task<ExecutionRecord> StoredEndAsync(IFluxClient client, string executionId)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var _ in client.WatchAsync(executionId, 0, guard.Token))
        {
        }

        return (await client.GetAsync(executionId))!;
    }
}

/// <summary>A temporary SQLite file, deleted with its WAL files at the end of the test.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flux-hosting-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "flux.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a store the test leaked; the temp folder is cleaned by the system.
        }
    }
}
