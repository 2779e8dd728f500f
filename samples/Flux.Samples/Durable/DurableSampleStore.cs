using System.Text;
using System.Text.Json.Serialization;

namespace Flux.Samples;

/// <summary>
/// The SQLite store a durable sample runs on: a file of its own in a temporary folder, deleted when the sample ends, so
/// that <c>all</c> can run every sample again and again.
/// </summary>
internal sealed class DurableSampleStore : IAsyncDisposable
{
    private readonly string _folder;

    public DurableSampleStore()
    {
        _folder = Path.Combine(Path.GetTempPath(), "flux-samples", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(_folder);
        File = Path.Combine(_folder, "flux.db");
        Store = new SqliteExecutionStore($"Data Source={File}");
    }

    /// <summary>The store's file.</summary>
    public string File { get; }

    public SqliteExecutionStore Store { get; }

    /// <summary>The options of a durable run on this store with the samples' JSON metadata.</summary>
    public RunOptions Options(string? executionId = null) => new() { Store = Store, Json = DurableSampleJson.Default.Options, ExecutionId = executionId };

    /// <summary>An execution's stored events as "Type Name" lines, "Type" for workflow events.</summary>
    public async Task<List<string>> TimelineAsync(string executionId)
    {
        var lines = new List<string>();
        await foreach (var e in Store.ReadEventsAsync(executionId))
        {
            lines.Add(e.CallId is null ? $"{e.Sequence,2} {e.Type}" : $"{e.Sequence,2} {e.Type} {e.Name}");
        }

        return lines;
    }

    /// <summary>The stored JSON of the first event of <paramref name="type"/> for the call named <paramref name="name"/>.</summary>
    public async Task<string?> PayloadAsync(string executionId, ExecutionEventType type, string name)
    {
        await foreach (var e in Store.ReadEventsAsync(executionId))
        {
            if (e.Type == type && e.Name == name && e.Payload is { } payload)
            {
                return Encoding.UTF8.GetString(payload);
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The reflection-free JSON metadata of the durable samples' workflow and task types.</summary>
[JsonSerializable(typeof(Expense))]
[JsonSerializable(typeof(Approval))]
[JsonSerializable(typeof(Shipment))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(double))]
internal sealed partial class DurableSampleJson : JsonSerializerContext
{
}
