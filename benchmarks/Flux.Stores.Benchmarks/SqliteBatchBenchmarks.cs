using Microsoft.Data.Sqlite;

namespace Flux.Stores.Benchmarks;

/// <summary>
/// Many appends at once (group commit): a durable Map's 10,000 items, two events each, appended by 64 concurrent
/// workers, and the same 10,000 appends queued before any is awaited; against the same 20,000 rows inserted by hand in
/// one transaction. Per event: OperationsPerInvoke is the number of events.
/// </summary>
[MemoryDiagnoser]
public class SqliteBatchBenchmarks
{
    private const int Items = 10_000;
    private string _path = null!;
    private SqliteExecutionStore _store = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _insert = null!;
    private long _sequence;
    private long _rawSequence;
    private int _execution;

    [GlobalSetup]
    public void Setup()
    {
        _path = StoreFixtures.NewFile("batch");
        _store = new SqliteExecutionStore($"Data Source={_path}");
        _raw = new SqliteConnection($"Data Source={_path}-raw;Pooling=False");
        _raw.Open();
        using (var setup = _raw.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                CREATE TABLE events (execution INTEGER NOT NULL, sequence INTEGER NOT NULL, type TEXT NOT NULL, time INTEGER NOT NULL,
                    call_id TEXT, name TEXT NOT NULL, payload BLOB, PRIMARY KEY (execution, sequence)) WITHOUT ROWID;
                """;
            setup.ExecuteNonQuery();
        }

        _insert = _raw.CreateCommand();
        _insert.CommandText = "INSERT INTO events VALUES (1, $sequence, $type, $time, $call, 'work', $payload)";
        _insert.Parameters.Add(new SqliteParameter("$sequence", null));
        _insert.Parameters.Add(new SqliteParameter("$type", null));
        _insert.Parameters.Add(new SqliteParameter("$time", StoreFixtures.Time.UtcTicks));
        _insert.Parameters.Add(new SqliteParameter("$call", null));
        _insert.Parameters.Add(new SqliteParameter("$payload", StoreFixtures.Payload));
    }

    [IterationSetup]
    public void NewExecution()
    {
        _sequence = 0;
        _store.CreateAsync(StoreFixtures.Execution($"map{++_execution}"), []).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _insert.Dispose();
        _raw.Dispose();
        Console.WriteLine($"// Flux SQLite store: {_store.Statistics}");
        await _store.DisposeAsync();
        StoreFixtures.DeleteFile(_path);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2 * Items)]
    public void HandWrittenInsertsInOneTransaction()
    {
        using var transaction = _raw.BeginTransaction();
        _insert.Transaction = transaction;
        for (var i = 0; i < Items; i++)
        {
            foreach (var type in (ReadOnlySpan<string>)["TaskStarted", "TaskCompleted"])
            {
                _insert.Parameters[0].Value = ++_rawSequence;
                _insert.Parameters[1].Value = type;
                _insert.Parameters[3].Value = $"map:work[{i}]/work_{i:x16}";
                _insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    [Benchmark(OperationsPerInvoke = 2 * Items)]
    public Task FluxMapLikeAppends() =>
        StoreFixtures.MapLikeAppends(_store, $"map{_execution}", Items, workers: 64, () => _sequence + 1, n => _sequence += n);

    [Benchmark(OperationsPerInvoke = 2 * Items)]
    public async Task FluxQueuedAppends()
    {
        var appends = new ValueTask[Items];
        for (var i = 0; i < Items; i++)
        {
            appends[i] = _store.AppendAsync($"map{_execution}", [StoreFixtures.Started(++_sequence, i), StoreFixtures.Completed(++_sequence, i)]);
        }

        foreach (var append in appends)
        {
            await append;
        }
    }
}
