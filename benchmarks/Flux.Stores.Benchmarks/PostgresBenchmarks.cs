using Npgsql;
using NpgsqlTypes;

namespace Flux.Stores.Benchmarks;

/// <summary>
/// The PostgreSQL store against hand-written Npgsql doing the same writes and reads on the same server: a sequential
/// chain of single-event appends (each its own commit), a durable Map's 10,000 items appended by 64 concurrent workers
/// (group commit), and reading 100,000 events back. Results are per append (chain) or per event (batch, read).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PostgresBenchmarks
{
    private const int Chain = 200;
    private const int Items = 10_000;
    private const int ReadEvents = 100_000;
    private string _schema = null!;
    private PostgresExecutionStore _store = null!;
    private NpgsqlDataSource _raw = null!;
    private long _chainSequence;
    private long _rawSequence;
    private long _mapSequence;
    private int _execution;

    [GlobalSetup]
    public async Task Setup()
    {
        _schema = StoreFixtures.NewSchema();
        _store = new PostgresExecutionStore(new PostgresExecutionStoreOptions { ConnectionString = StoreFixtures.PostgresConnectionString, Schema = _schema });
        await _store.CreateAsync(StoreFixtures.Execution("chain"), []);
        await _store.CreateAsync(StoreFixtures.Execution("long"), []);
        for (var first = 1; first <= ReadEvents; first += 1000)
        {
            var chunk = Enumerable.Range(first, 1000).Select(s => s % 2 == 1 ? StoreFixtures.Started(s, s / 2) : StoreFixtures.Completed(s, (s - 1) / 2)).ToArray();
            await _store.AppendAsync("long", chunk);
        }

        var builder = new NpgsqlDataSourceBuilder(StoreFixtures.PostgresConnectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        _raw = builder.Build();
        await using var create = _raw.CreateCommand($"""
            CREATE TABLE "{_schema}".raw_events (execution bigint NOT NULL, sequence bigint NOT NULL, type text NOT NULL, time bigint NOT NULL,
                call_id text, name text NOT NULL, payload bytea, PRIMARY KEY (execution, sequence))
            """);
        await create.ExecuteNonQueryAsync();
    }

    [IterationSetup(Targets = [nameof(FluxMapLikeAppends), nameof(HandWrittenInsertsInOneTransaction)])]
    public void NewExecution()
    {
        _mapSequence = 0;
        _store.CreateAsync(StoreFixtures.Execution($"map{++_execution}"), []).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        Console.WriteLine($"// Flux PostgreSQL store: {_store.Statistics}");
        await _store.DisposeAsync();
        await using (var drop = _raw.CreateCommand($"DROP SCHEMA \"{_schema}\" CASCADE"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _raw.DisposeAsync();
    }

    private NpgsqlBatchCommand RawInsert(long sequence, string type, int item)
    {
        var command = new NpgsqlBatchCommand($"INSERT INTO \"{_schema}\".raw_events VALUES (1, $1, $2, $3, $4, 'work', $5)");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = StoreFixtures.Time.UtcTicks });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"map:work[{item}]/work_{item:x16}" });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = StoreFixtures.Payload, NpgsqlDbType = NpgsqlDbType.Bytea });
        return command;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Chain)]
    [BenchmarkCategory("chain")]
    public async Task HandWrittenInsertPerCommit()
    {
        for (var i = 0; i < Chain; i++)
        {
            await using var batch = _raw.CreateBatch();
            batch.BatchCommands.Add(RawInsert(++_rawSequence, "TaskCompleted", i));
            await batch.ExecuteNonQueryAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    [BenchmarkCategory("chain")]
    public async Task FluxSequentialAppends()
    {
        for (var i = 0; i < Chain; i++)
        {
            await _store.AppendAsync("chain", [StoreFixtures.Completed(++_chainSequence, i)]);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2 * Items)]
    [BenchmarkCategory("batch")]
    public async Task HandWrittenInsertsInOneTransaction()
    {
        await using var batch = _raw.CreateBatch();
        for (var i = 0; i < Items; i++)
        {
            batch.BatchCommands.Add(RawInsert(++_rawSequence, "TaskStarted", i));
            batch.BatchCommands.Add(RawInsert(++_rawSequence, "TaskCompleted", i));
        }

        await batch.ExecuteNonQueryAsync();
    }

    [Benchmark(OperationsPerInvoke = 2 * Items)]
    [BenchmarkCategory("batch")]
    public Task FluxMapLikeAppends() =>
        StoreFixtures.MapLikeAppends(_store, $"map{_execution}", Items, workers: 64, () => _mapSequence + 1, n => _mapSequence += n);

    [Benchmark(Baseline = true, OperationsPerInvoke = ReadEvents)]
    [BenchmarkCategory("read")]
    public async Task<int> HandWrittenReader()
    {
        await using var command = _raw.CreateCommand($"""
            SELECT e.sequence, e.type, e.time, e.call_id, e.name, e.payload FROM "{_schema}".events e
            WHERE e.execution = (SELECT id FROM "{_schema}".executions WHERE execution_id = 'long') ORDER BY e.sequence
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync())
        {
            var e = new StoredEvent(
                reader.GetInt64(0),
                Enum.Parse<ExecutionEventType>(reader.GetString(1)),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<byte[]>(5));
            count += e.Payload!.Length > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = ReadEvents)]
    [BenchmarkCategory("read")]
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
