using System.Text.Json;

namespace Flux.AspNetCore.Tests.Support;

/// <summary>A test of the API: a fresh application over a fresh SQLite file for every test.</summary>
public abstract class ApiTest
{
    protected FluxAppFactory App { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [SetUp]
    public void StartApp()
    {
        Gates.Reset();
        App = new FluxAppFactory();
        Http = App.CreateClient();
    }

    [TearDown]
    public async Task StopApp()
    {
        Http?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>Waits (by watching its events, no polling) until the execution finished or paused.</summary>
    protected async Task<ExecutionRecord> SettledAsync(string id)
    {
        await foreach (var _ in App.Client.WatchAsync(id).WithCancellation(CancellationToken.None))
        {
        }

        return (await App.Client.GetAsync(id))!;
    }

    protected static JsonElement Input<T>(T value) => JsonSerializer.SerializeToElement(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)TestJson.Default.Options.GetTypeInfo(typeof(T)));
}
