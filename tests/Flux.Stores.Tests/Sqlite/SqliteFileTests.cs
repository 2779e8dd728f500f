using System.Security.Cryptography;
using Flux.Stores.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace Flux.Stores.Tests.Sqlite;

/// <summary>What only the SQLite store has: the file, its schema and migrations, WAL, damaged files, group commit.</summary>
public sealed class SqliteFileTests
{
    private TempFolder _folder = null!;

    private string DbPath => _folder.File("flux.db");

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private SqliteExecutionStore Open(SqliteExecutionStoreOptions? options = null) =>
        new(options ?? new SqliteExecutionStoreOptions { ConnectionString = $"Data Source={DbPath}" });

    private SqliteConnection Raw()
    {
        var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A store file with a few executions and events, closed (its log checkpointed into the file).</summary>
    private async Task WriteSampleFile(int executions = 50)
    {
        await using var store = Open();
        for (var i = 0; i < executions; i++)
        {
            await store.CreateAsync(TestData.Execution($"e{i}", createdAt: TestData.T0.AddSeconds(i)), [TestData.Started()]);
            await store.AppendAsync($"e{i}", TestData.Events(2, 20, tag: $"e{i}"));
        }
    }

    [Test]
    public async Task The_file_is_in_WAL_mode_and_marked_as_a_Flux_store_of_the_current_version()
    {
        await using var store = Open();
        using var raw = Raw();

        Assert.That(Scalar(raw, "PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(Scalar(raw, "PRAGMA application_id"), Is.EqualTo(0x466C7578L));
        Assert.That(Scalar(raw, "PRAGMA user_version"), Is.EqualTo((long)SqliteExecutionStore.SchemaVersion));
        Assert.That(store.Path, Is.EqualTo(Path.GetFullPath(DbPath)));
    }

    [Test]
    public async Task Times_are_stored_as_UTC_ticks_and_enums_by_name()
    {
        await using (var store = Open())
        {
            var local = TestData.T0.ToOffset(TimeSpan.FromHours(3));
            await store.CreateAsync(TestData.Execution("e1", createdAt: local), [TestData.Started(local)]);
        }

        using var raw = Raw();
        Assert.That(Scalar(raw, "SELECT created_at FROM executions"), Is.EqualTo(TestData.T0.UtcTicks));
        Assert.That(Scalar(raw, "SELECT state FROM executions"), Is.EqualTo("Running"));
        Assert.That(Scalar(raw, "SELECT type FROM events"), Is.EqualTo("WorkflowStarted"));
        Assert.That(Scalar(raw, "SELECT time FROM events"), Is.EqualTo(TestData.T0.UtcTicks));
    }

    [Test]
    public async Task A_file_from_schema_version_one_is_migrated_and_keeps_its_executions()
    {
        using (var raw = Raw())
        {
            // Version 1's DDL exactly as it shipped, frozen here so that a change to the store's copy is caught.
            using var command = raw.CreateCommand();
            command.CommandText = """
                CREATE TABLE executions (
                    id INTEGER PRIMARY KEY, execution_id TEXT NOT NULL UNIQUE, workflow_name TEXT NOT NULL, state TEXT NOT NULL,
                    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER, parent_execution_id TEXT,
                    parent_call_id TEXT, output BLOB, error_type TEXT, error_message TEXT, paused_at TEXT, wake_at INTEGER,
                    owner TEXT, lease_expires_at INTEGER, cancel_requested_at INTEGER, version INTEGER NOT NULL, last_sequence INTEGER NOT NULL);
                CREATE TABLE events (
                    execution INTEGER NOT NULL, sequence INTEGER NOT NULL, type TEXT NOT NULL, time INTEGER NOT NULL,
                    call_id TEXT, name TEXT NOT NULL, payload BLOB, PRIMARY KEY (execution, sequence)) WITHOUT ROWID;
                PRAGMA application_id = 1181513080;
                PRAGMA user_version = 1;
                INSERT INTO executions (id, execution_id, workflow_name, state, created_at, updated_at, wake_at, version, last_sequence)
                VALUES (7, 'old-one', 'billing', 'Paused', 638775617665358979, 638775617665358979, 638776481665358979, 4, 2);
                INSERT INTO events VALUES (7, 1, 'WorkflowStarted', 638775617665358979, NULL, 'billing', CAST('{"order":1}' AS BLOB));
                INSERT INTO events VALUES (7, 2, 'WorkflowPaused', 638775617665358980, NULL, 'billing', CAST('"approval"' AS BLOB));
                """;
            command.ExecuteNonQuery();
        }

        await using (var store = Open())
        {
            var record = (await store.GetAsync("old-one"))!;
            Assert.That((record.WorkflowName, record.State, record.Version, record.LastSequence), Is.EqualTo(("billing", ExecutionState.Paused, 4L, 2L)));
            Assert.That(record.CreatedAt, Is.EqualTo(TestData.T0));
            var log = await store.ReadAll("old-one");
            Assert.That(log.Select(e => e.Type), Is.EqualTo(new[] { ExecutionEventType.WorkflowStarted, ExecutionEventType.WorkflowPaused }));
            Assert.That(log[1].Payload, Is.EqualTo(TestData.Json("\"approval\"")));
            Assert.That((await store.QueryAsync(new ExecutionQuery { WakeAtOrBefore = TestData.T0.AddDays(1) })).Items.Single().ExecutionId, Is.EqualTo("old-one"));
            await store.AppendAsync("old-one", [TestData.Event(3)]);
        }

        using var check = Raw();
        Assert.That(Scalar(check, "PRAGMA user_version"), Is.EqualTo((long)SqliteExecutionStore.SchemaVersion));
        Assert.That(Scalar(check, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'executions_by_wake_at'"), Is.EqualTo(1L), "migration 2 added the indexes");
        Assert.That(Scalar(check, "PRAGMA integrity_check"), Is.EqualTo("ok"));
    }

    [Test]
    public async Task A_file_from_a_newer_schema_is_refused_untouched()
    {
        await WriteSampleFile(1);
        using (var raw = Raw())
        {
            Scalar(raw, $"PRAGMA user_version = {SqliteExecutionStore.SchemaVersion + 5}");
        }

        var before = Hash(DbPath);

        var error = Assert.Throws<ExecutionStoreException>(() => Open());

        Assert.That(error!.Message, Does.Contain(Path.GetFullPath(DbPath)));
        Assert.That(error.Message, Does.Contain($"schema version {SqliteExecutionStore.SchemaVersion + 5}"));
        Assert.That(error.Message, Does.Contain($"supports versions up to {SqliteExecutionStore.SchemaVersion}"));
        Assert.That(error.Message, Does.Contain("Upgrade the Flux.Sqlite package"));
        Assert.That(Hash(DbPath), Is.EqualTo(before));
    }

    [Test]
    public void A_database_of_another_program_is_refused_untouched()
    {
        using (var raw = Raw())
        {
            Scalar(raw, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }

        var before = Hash(DbPath);

        var error = Assert.Throws<ExecutionStoreException>(() => Open());

        Assert.That(error!.Message, Does.Contain(Path.GetFullPath(DbPath)).And.Contain("another program"));
        Assert.That(Hash(DbPath), Is.EqualTo(before));
    }

    [Test]
    public void A_file_that_is_not_a_database_is_refused_untouched()
    {
        File.WriteAllText(DbPath, string.Concat(Enumerable.Repeat("These are my notes, not a database. ", 20)));
        var before = Hash(DbPath);

        var error = Assert.Throws<ExecutionStoreException>(() => Open());

        Assert.That(error!.Message, Does.Contain(Path.GetFullPath(DbPath)).And.Contain("not a SQLite database"));
        Assert.That(Hash(DbPath), Is.EqualTo(before));
    }

    [TestCase(0.5)]
    [TestCase(0.9)]
    public async Task A_truncated_file_is_refused_untouched(double kept)
    {
        await WriteSampleFile();
        var length = new FileInfo(DbPath).Length;
        using (var file = new FileStream(DbPath, FileMode.Open))
        {
            file.SetLength((long)(length * kept));
        }

        var before = Hash(DbPath);

        var error = Assert.Throws<ExecutionStoreException>(() => Open());

        Assert.That(error!.Message, Does.Contain(Path.GetFullPath(DbPath)));
        Assert.That(error.Message, Does.Contain("truncated"));
        Assert.That(error.Message, Does.Contain("restore the file from a backup"));
        Assert.That(Hash(DbPath), Is.EqualTo(before));
    }

    [Test]
    public async Task A_file_truncated_inside_its_header_is_refused_untouched()
    {
        await WriteSampleFile(1);
        File.WriteAllBytes(DbPath, File.ReadAllBytes(DbPath)[..60]);
        var before = Hash(DbPath);

        var error = Assert.Throws<ExecutionStoreException>(() => Open());

        Assert.That(error!.Message, Does.Contain("60 bytes long, shorter than a SQLite header"));
        Assert.That(Hash(DbPath), Is.EqualTo(before));
    }

    /// <summary>Overwrites every page after the first (the schema) with garbage: the tables are damaged, the header is not.</summary>
    private async Task WriteDamagedFile()
    {
        await WriteSampleFile();
        long pageSize;
        using (var raw = Raw())
        {
            pageSize = (long)Scalar(raw, "PRAGMA page_size")!;
        }

        var bytes = File.ReadAllBytes(DbPath);
        bytes.AsSpan((int)pageSize).Fill(0xA5);
        File.WriteAllBytes(DbPath, bytes);
    }

    [Test]
    public async Task A_damaged_file_gives_a_clear_error_when_read_and_is_left_untouched()
    {
        await WriteDamagedFile();
        var before = Hash(DbPath);

        await using (var store = Open())
        {
            var error = await Assert.ThrowsAsync<ExecutionStoreException>(async () => await store.GetAsync("e1"));
            Assert.That(error!.Message, Does.Contain(Path.GetFullPath(DbPath)).And.Contain("is damaged"));
            Assert.That(error.Message, Does.Contain("Flux did not change or repair the file"));
            Assert.That(error.Message, Does.Contain(".recover"));
            Assert.That(error.InnerException, Is.TypeOf<SqliteException>());

            var readError = await Assert.ThrowsAsync<ExecutionStoreException>(async () => await store.ReadAll("e1"));
            Assert.That(readError!.Message, Does.Contain("is damaged").And.Contain("'e1'"));
        }

        Assert.That(Hash(DbPath), Is.EqualTo(before));
    }

    [Test]
    public async Task A_damaged_file_is_refused_when_opened_with_an_integrity_check()
    {
        await WriteDamagedFile();
        var before = Hash(DbPath);

        var error = Assert.Throws<ExecutionStoreException>(() => Open(new SqliteExecutionStoreOptions { ConnectionString = $"Data Source={DbPath}", CheckIntegrityOnOpen = true }));

        Assert.That(error!.Message, Does.Contain(Path.GetFullPath(DbPath)).And.Contain("is damaged"));
        Assert.That(Hash(DbPath), Is.EqualTo(before));
    }

    [Test]
    public async Task A_whole_file_passes_the_integrity_check_on_open()
    {
        await WriteSampleFile(3);
        await using var store = Open(new SqliteExecutionStoreOptions { ConnectionString = $"Data Source={DbPath}", CheckIntegrityOnOpen = true });
        Assert.That(await store.GetAsync("e2"), Is.Not.Null);
    }

    [Test]
    public async Task An_empty_file_becomes_a_new_store()
    {
        File.WriteAllBytes(DbPath, []);
        await using var store = Open();
        await store.CreateAsync(TestData.Execution("e1"), [TestData.Started()]);
        Assert.That(await store.GetAsync("e1"), Is.Not.Null);
    }

    [TestCase("Data Source=:memory:")]
    [TestCase("Data Source=shared;Mode=Memory")]
    [TestCase("Cache=Shared")]
    public void A_connection_string_without_a_file_is_refused(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteExecutionStore(connectionString));
        Assert.That(error!.Message, Does.Contain("InMemoryExecutionStore"));
    }

    [Test]
    public async Task Several_instances_opening_a_new_file_at_once_create_the_schema_once()
    {
        var opening = Enumerable.Range(0, 6).Select(_ => Task.Run(() => Open())).ToArray();
        var stores = await Task.WhenAll(opening);
        try
        {
            await Task.WhenAll(stores.Select((s, i) => s.CreateAsync(TestData.Execution($"e{i}"), [TestData.Started()]).AsTask()));
            Assert.That((await stores[0].QueryAsync(new ExecutionQuery())).Items, Has.Count.EqualTo(6));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }

        using var raw = Raw();
        Assert.That(Scalar(raw, "PRAGMA user_version"), Is.EqualTo((long)SqliteExecutionStore.SchemaVersion));
    }

    [Test]
    public async Task Appends_that_arrive_together_share_commits()
    {
        const int executions = 500;
        await using var store = Open();
        for (var i = 0; i < executions; i++)
        {
            await store.CreateAsync(TestData.Execution($"e{i}"), [TestData.Started()]);
        }

        var before = store.Statistics;

        // Another connection holds the write lock, so the store's writer cannot commit: every append queues behind it.
        // Nothing awaits an append before the lock is released (an awaiting caller would commit on this thread).
        var appends = new ValueTask[executions];
        using (var blocker = Raw())
        {
            Scalar(blocker, "BEGIN IMMEDIATE");
            for (var i = 0; i < executions; i++)
            {
                appends[i] = store.AppendAsync($"e{i}", TestData.Events(2, 2, tag: $"e{i}"));
            }

            Scalar(blocker, "ROLLBACK");
        }

        foreach (var append in appends)
        {
            await append;
        }

        var after = store.Statistics;
        Assert.That(after.Appends - before.Appends, Is.EqualTo(executions));
        Assert.That(after.Events - before.Events, Is.EqualTo(2 * executions));
        Assert.That(after.Commits - before.Commits, Is.LessThanOrEqualTo(2), "the first batch may hold what was queued when the writer began; the rest is one batch");
        Assert.That((await store.ReadAll("e499")).Select(e => e.CallId), Is.EqualTo(new[] { null, "e499_2", "e499_3" }));
    }

    [Test]
    public async Task A_write_that_fails_inside_a_batch_fails_alone()
    {
        await using var store = Open();
        await store.CreateAsync(TestData.Execution("e1"), [TestData.Started()]);
        await store.CreateAsync(TestData.Execution("e2"), [TestData.Started()]);

        ValueTask good1, bad, good2;
        using (var blocker = Raw())
        {
            Scalar(blocker, "BEGIN IMMEDIATE");
            good1 = store.AppendAsync("e1", [TestData.Event(2)]);
            bad = store.AppendAsync("e2", [TestData.Event(5)]);
            good2 = store.AppendAsync("e2", [TestData.Event(2)]);
            Scalar(blocker, "ROLLBACK");
        }

        await good1;
        await good2;
        await Assert.ThrowsAsync<EventSequenceException>(async () => await bad);
        Assert.That((await store.GetAsync("e2"))!.LastSequence, Is.EqualTo(2));
    }

    [Test]
    public async Task Full_durability_is_accepted_and_writes_the_same_file()
    {
        await using (var store = Open(new SqliteExecutionStoreOptions { ConnectionString = $"Data Source={DbPath}", Durability = SqliteDurability.Full }))
        {
            await store.CreateAsync(TestData.Execution("e1"), [TestData.Started()]);
        }

        await using var reopened = Open();
        Assert.That(await reopened.GetAsync("e1"), Is.Not.Null);
    }

    [Test]
    public async Task A_disposed_store_refuses_writes_and_keeps_what_was_queued()
    {
        var store = Open();
        await store.CreateAsync(TestData.Execution("e1"), [TestData.Started()]);
        var queued = store.AppendAsync("e1", [TestData.Event(2)]).AsTask();
        await store.DisposeAsync();

        await queued;
        Assert.Throws<ObjectDisposedException>(() => store.AppendAsync("e1", [TestData.Event(3)]));
        await using var reopened = Open();
        Assert.That((await reopened.GetAsync("e1"))!.LastSequence, Is.EqualTo(2));
    }
}
