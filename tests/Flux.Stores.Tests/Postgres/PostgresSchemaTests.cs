using Flux.Stores.Tests.Contract;
using Npgsql;

namespace Flux.Stores.Tests.Postgres;

/// <summary>What only the PostgreSQL store has: its schema, migrations, concurrent creation, group commit in round trips.</summary>
public sealed class PostgresSchemaTests
{
    private string _schema = null!;
    private readonly List<PostgresExecutionStore> _stores = [];

    [SetUp]
    public void NameSchema() => _schema = $"t_{Guid.NewGuid():n}";

    [TearDown]
    public async Task DropSchema()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _stores.Clear();
        await Execute($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE");
    }

    private PostgresExecutionStore Open(string? connectionString = null)
    {
        var store = new PostgresExecutionStore(new PostgresExecutionStoreOptions { ConnectionString = connectionString ?? PostgresServer.ConnectionString, Schema = _schema });
        _stores.Add(store);
        return store;
    }

    private static async Task<object?> Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Test]
    public async Task Stores_opening_a_new_schema_at_once_create_it_once()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Open()).ToArray();

        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        await Task.WhenAll(stores.Select((s, i) => s.CreateAsync(TestData.Execution($"e{i}"), [TestData.Started()]).AsTask()));

        Assert.That(await Execute($"SELECT string_agg(version::text, ',' ORDER BY version) FROM \"{_schema}\".schema_version"),
            Is.EqualTo(string.Join(",", Enumerable.Range(1, PostgresExecutionStore.SchemaVersion))));
        Assert.That((await stores[0].QueryAsync(new ExecutionQuery())).Items, Has.Count.EqualTo(8));
    }

    [Test]
    public async Task A_schema_from_version_one_is_migrated_and_keeps_its_executions()
    {
        // Version 1's DDL exactly as it shipped, frozen here so that a change to the store's copy is caught.
        await Execute($"""
            CREATE SCHEMA "{_schema}";
            CREATE TABLE "{_schema}".schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO "{_schema}".schema_version (version) VALUES (1);
            CREATE TABLE "{_schema}".executions (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, execution_id text COLLATE "C" NOT NULL UNIQUE,
                workflow_name text NOT NULL, state text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
                finished_at bigint, parent_execution_id text, parent_call_id text, output bytea, error_type text,
                error_message text, paused_at text, wake_at bigint, owner text, lease_expires_at bigint,
                cancel_requested_at bigint, version bigint NOT NULL, last_sequence bigint NOT NULL);
            CREATE TABLE "{_schema}".events (
                execution bigint NOT NULL, sequence bigint NOT NULL, type text NOT NULL, time bigint NOT NULL,
                call_id text, name text NOT NULL, payload bytea, PRIMARY KEY (execution, sequence));
            INSERT INTO "{_schema}".executions (execution_id, workflow_name, state, created_at, updated_at, wake_at, version, last_sequence)
            VALUES ('old-one', 'billing', 'Paused', 638775617665358979, 638775617665358979, 638776481665358979, 4, 2);
            INSERT INTO "{_schema}".events SELECT id, 1, 'WorkflowStarted', 638775617665358979, NULL, 'billing', convert_to('[1]', 'UTF8') FROM "{_schema}".executions;
            INSERT INTO "{_schema}".events SELECT id, 2, 'WorkflowPaused', 638775617665358980, NULL, 'billing', convert_to('"approval"', 'UTF8') FROM "{_schema}".executions;
            """);

        var store = Open();
        var record = (await store.GetAsync("old-one"))!;
        var log = await store.ReadAll("old-one");
        await store.AppendAsync("old-one", [TestData.Event(3)]);

        Assert.That((record.State, record.Version, record.LastSequence, record.CreatedAt), Is.EqualTo((ExecutionState.Paused, 4L, 2L, TestData.T0)));
        Assert.That(log[1].Payload, Is.EqualTo(TestData.Json("\"approval\"")));
        Assert.That((await store.QueryAsync(new ExecutionQuery { WakeAtOrBefore = TestData.T0.AddDays(1) })).Items.Single().ExecutionId, Is.EqualTo("old-one"));
        Assert.That(await Execute($"SELECT max(version) FROM \"{_schema}\".schema_version"), Is.EqualTo(PostgresExecutionStore.SchemaVersion));
        Assert.That(await Execute($"SELECT count(*) FROM pg_indexes WHERE schemaname = '{_schema}' AND indexname = 'executions_by_wake_at'"), Is.EqualTo(1L));
    }

    [Test]
    public async Task A_schema_from_a_newer_version_is_refused_untouched()
    {
        await Open().InitializeAsync();
        await Execute($"INSERT INTO \"{_schema}\".schema_version (version) VALUES ({PostgresExecutionStore.SchemaVersion + 3})");

        var store = Open();
        var error = await Assert.ThrowsAsync<ExecutionStoreException>(async () => await store.InitializeAsync());

        Assert.That(error!.Message, Does.Contain($"'{_schema}'").And.Contain($"schema version {PostgresExecutionStore.SchemaVersion + 3}"));
        Assert.That(error.Message, Does.Contain($"supports versions up to {PostgresExecutionStore.SchemaVersion}").And.Contain("Upgrade the Flux.PostgreSql package"));
        await Assert.ThrowsAsync<ExecutionStoreException>(async () => await store.GetAsync("e1"), "every operation reports it");
        Assert.That(await Execute($"SELECT count(*) FROM \"{_schema}\".schema_version"), Is.EqualTo((long)PostgresExecutionStore.SchemaVersion + 1));
    }

    [Test]
    public async Task Times_are_stored_as_UTC_ticks_and_enums_by_name()
    {
        var store = Open();
        await store.CreateAsync(TestData.Execution("e1", createdAt: TestData.T0.ToOffset(TimeSpan.FromHours(-5))), [TestData.Started()]);

        Assert.That(await Execute($"SELECT created_at FROM \"{_schema}\".executions"), Is.EqualTo(TestData.T0.UtcTicks));
        Assert.That(await Execute($"SELECT state FROM \"{_schema}\".executions"), Is.EqualTo("Running"));
        Assert.That(await Execute($"SELECT type FROM \"{_schema}\".events"), Is.EqualTo("WorkflowStarted"));
    }

    [Test]
    public async Task Appends_that_arrive_together_share_commits()
    {
        const int executions = 500;
        var store = Open();
        await Task.WhenAll(Enumerable.Range(0, executions).Select(i => store.CreateAsync(TestData.Execution($"e{i}"), [TestData.Started()]).AsTask()));
        var before = store.Statistics;

        // Another session locks the events table, so the store's writer cannot commit: every append queues behind it.
        Task[] appends;
        await using (var blocker = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand($"LOCK TABLE \"{_schema}\".events IN EXCLUSIVE MODE", blocker, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            appends = Enumerable.Range(0, executions).Select(i => store.AppendAsync($"e{i}", TestData.Events(2, 2, tag: $"e{i}")).AsTask()).ToArray();
            await transaction.RollbackAsync();
        }

        await Task.WhenAll(appends);

        var after = store.Statistics;
        Assert.That(after.Appends - before.Appends, Is.EqualTo(executions));
        Assert.That(after.Commits - before.Commits, Is.LessThanOrEqualTo(2), "the first batch may hold what was queued when the writer began; the rest is one batch");
        Assert.That((await store.ReadAll("e499")).Select(e => e.CallId), Is.EqualTo(new[] { null, "e499_2", "e499_3" }));
    }

    [Test]
    public async Task Claimants_in_eight_stores_with_their_own_connections_have_exactly_one_winner()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Open()).ToArray();
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        for (var round = 0; round < 10; round++)
        {
            await stores[0].CreateAsync(TestData.Execution($"e{round}"), [TestData.Started()]);
            var claims = stores.SelectMany((s, i) => Enumerable.Range(0, 4).Select(k => s.TryClaimAsync($"e{round}", 1, $"worker-{i}-{k}", TestData.T0).AsTask()));

            var results = await Task.WhenAll(claims);

            Assert.That(results.Count(r => r is not null), Is.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgresExecutionStore(new PostgresExecutionStoreOptions { ConnectionString = PostgresServer.ConnectionString, Schema = "flux; DROP TABLE x" }));
        Assert.That(error!.Message, Does.Contain("not a plain identifier"));
    }

    [Test]
    public async Task A_server_that_cannot_be_reached_gives_an_error_naming_the_store_without_its_password()
    {
        var store = Open("Host=127.0.0.1;Port=1;Username=flux;Password=secret-word;Database=flux;Timeout=3");

        var error = await Assert.ThrowsAsync<ExecutionStoreException>(async () => await store.GetAsync("e1"));

        Assert.That(error!.Message, Does.Contain($"'{_schema}' on 127.0.0.1:1/flux"));
        Assert.That(error.Message, Does.Not.Contain("secret-word"));
    }
}
