using Microsoft.Data.Sqlite;

namespace Flux.Stores.Benchmarks;

/// <summary>
/// A sequential chain of durable single-event appends (each awaited before the next, as a workflow's sequential
/// calls do) against the same inserts written by hand with Microsoft.Data.Sqlite, one transaction each, on the same
/// WAL settings. Per append: OperationsPerInvoke is the chain's length.
/// </summary>
[MemoryDiagnoser]
public class SqliteAppendBenchmarks
{
    private const int Chain = 1000;
    private string _path = null!;
    private SqliteExecutionStore _store = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _insert = null!;
    private long _sequence;
    private long _rawSequence;

    [GlobalSetup]
    public async Task Setup()
    {
        _path = StoreFixtures.NewFile("append");
        _store = new SqliteExecutionStore($"Data Source={_path}");
        await _store.CreateAsync(StoreFixtures.Execution("chain"), []);

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
        _insert.CommandText = "INSERT INTO events VALUES (1, $sequence, 'TaskCompleted', $time, $call, 'work', $payload)";
        _insert.Parameters.Add(new SqliteParameter("$sequence", null));
        _insert.Parameters.Add(new SqliteParameter("$time", StoreFixtures.Time.UtcTicks));
        _insert.Parameters.Add(new SqliteParameter("$call", null));
        _insert.Parameters.Add(new SqliteParameter("$payload", StoreFixtures.Payload));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _insert.Dispose();
        _raw.Dispose();
        await _store.DisposeAsync();
        StoreFixtures.DeleteFile(_path);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Chain)]
    public void HandWrittenInsertAndCommit()
    {
        for (var i = 0; i < Chain; i++)
        {
            using var transaction = _raw.BeginTransaction();
            _insert.Transaction = transaction;
            _insert.Parameters[0].Value = ++_rawSequence;
            _insert.Parameters[2].Value = $"work_{i:x16}";
            _insert.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public async Task FluxSequentialAppends()
    {
        for (var i = 0; i < Chain; i++)
        {
            await _store.AppendAsync("chain", [StoreFixtures.Completed(++_sequence, i)]);
        }
    }
}
