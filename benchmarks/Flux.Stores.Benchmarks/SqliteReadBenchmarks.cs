using Microsoft.Data.Sqlite;

namespace Flux.Stores.Benchmarks;

/// <summary>
/// Reading a long log back, as a replay does: 200,000 events of one execution, against a hand-written
/// Microsoft.Data.Sqlite reader over the same rows that builds the same <see cref="StoredEvent"/>s. Per event.
/// </summary>
[MemoryDiagnoser]
public class SqliteReadBenchmarks
{
    private const int Events = 200_000;
    private string _path = null!;
    private SqliteExecutionStore _store = null!;
    private SqliteConnection _raw = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _path = StoreFixtures.NewFile("read");
        _store = new SqliteExecutionStore($"Data Source={_path}");
        await _store.CreateAsync(StoreFixtures.Execution("long"), []);
        for (var first = 1; first <= Events; first += 1000)
        {
            var chunk = Enumerable.Range(first, 1000).Select(s => s % 2 == 1 ? StoreFixtures.Started(s, s / 2) : StoreFixtures.Completed(s, (s - 1) / 2)).ToArray();
            await _store.AppendAsync("long", chunk);
        }

        _raw = new SqliteConnection($"Data Source={_path};Mode=ReadOnly;Pooling=False");
        _raw.Open();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _raw.Dispose();
        await _store.DisposeAsync();
        StoreFixtures.DeleteFile(_path);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int HandWrittenReader()
    {
        using var command = _raw.CreateCommand();
        command.CommandText = "SELECT sequence, type, time, call_id, name, payload FROM events WHERE execution = (SELECT id FROM executions WHERE execution_id = 'long') ORDER BY sequence";
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            var e = new StoredEvent(
                reader.GetInt64(0),
                Enum.Parse<ExecutionEventType>(reader.GetString(1)),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5));
            count += e.Payload!.Length > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<int> FluxReadEvents()
    {
        var count = 0;
        await foreach (var e in _store.ReadEventsAsync("long"))
        {
            count += e.Payload!.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
