using Flux.Stores.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Flux.Durable.Tests.Support;

/// <summary>The stores every durable behaviour runs against.</summary>
public enum StoreKind
{
    InMemory,
    Sqlite,
    Postgres,
}

/// <summary>
/// The base of the durable tests: a fresh store of the fixture's kind per test (a real SQLite file in a temp folder, a
/// schema of its own on the real PostgreSQL server), a fake clock, and the probes of the test tasks reset.
/// </summary>
public abstract class DurableTest(StoreKind kind)
{
    private readonly List<IAsyncDisposable> _opened = [];
    private string? _folder;
    private string? _schema;

    protected StoreKind Kind { get; } = kind;

    protected IExecutionStore Store { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The options of a durable run in this test: its store, JSON context, clock and an owner id of its own.</summary>
    protected RunOptions Options(string? executionId = null, string owner = "owner-1") => new()
    {
        Store = Store,
        Json = TestJson.Default.Options,
        TimeProvider = Clock,
        Owner = owner,
        ExecutionId = executionId,
        Cache = new TaskCache(),
    };

    [SetUp]
    public void OpenStore()
    {
        Probe.Reset();
        Clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Store = Open();
    }

    [TearDown]
    public async Task CloseStore()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        _opened.Clear();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        _folder = null;
        _schema = null;
    }

    /// <summary>
    /// Another view of the same executions, as another process has it: a second SQLite store on the same file, a second
    /// PostgreSQL store on the same schema, or (in memory) a wrapper that is another object over the same store.
    /// </summary>
    protected IExecutionStore OpenAnother() => Kind switch
    {
        StoreKind.InMemory => new StoreView(Store),
        _ => Open(),
    };

    private IExecutionStore Open()
    {
        switch (Kind)
        {
            case StoreKind.InMemory:
                return new InMemoryExecutionStore();
            case StoreKind.Sqlite:
                _folder ??= Path.Combine(Path.GetTempPath(), "flux-durable-tests", Guid.NewGuid().ToString("n"));
                Directory.CreateDirectory(_folder);
                var sqlite = new SqliteExecutionStore($"Data Source={Path.Combine(_folder, "flux.db")}");
                _opened.Add(sqlite);
                return sqlite;
            default:
                _schema ??= "durable_" + Guid.NewGuid().ToString("n")[..12];
                var postgres = new PostgresExecutionStore(new PostgresExecutionStoreOptions { ConnectionString = PostgresServer.ConnectionString, Schema = _schema });
                _opened.Add(postgres);
                return postgres;
        }
    }

    /// <summary>The stored events of an execution.</summary>
    protected async Task<List<StoredEvent>> EventsOf(string executionId, IExecutionStore? store = null)
    {
        var events = new List<StoredEvent>();
        await foreach (var e in (store ?? Store).ReadEventsAsync(executionId))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>The types of an execution's stored events, each with its task's name for task events: "TaskStarted Add".</summary>
    protected async Task<string[]> TimelineOf(string executionId) =>
        (await EventsOf(executionId)).Select(e => e.CallId is null ? e.Type.ToString() : $"{e.Type} {e.Name}").ToArray();
}

/// <summary>Another object over the same in-memory store: what another process's store instance is to a live run.</summary>
internal sealed class StoreView(IExecutionStore inner) : IExecutionStore
{
    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default) => inner.CreateAsync(execution, events, cancellationToken);

    public ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default) => inner.AppendAsync(executionId, events, update, cancellationToken);

    public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) => inner.GetAsync(executionId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) => inner.TryClaimAsync(executionId, expectedVersion, owner, leaseExpiresAt, cancellationToken);

    public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) => inner.RenewClaimAsync(executionId, owner, leaseExpiresAt, cancellationToken);

    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default) => inner.ReleaseClaimAsync(executionId, owner, cancellationToken);

    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) => inner.RequestCancelAsync(executionId, requestedAt, cancellationToken);

    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) => inner.DeleteFinishedAsync(finishedBefore, cancellationToken);
}

/// <summary>
/// A store whose writes can be cut off, as if its process died: after <see cref="Crash"/>, every write fails and the
/// store keeps what it had. The run that used it stops; another view of the store resumes the execution.
/// </summary>
internal sealed class CrashingStore(IExecutionStore inner) : IExecutionStore
{
    private volatile bool _crashed;

    public void Crash() => _crashed = true;

    private ValueTask Refuse() => ValueTask.FromException(new ExecutionStoreException("The process was killed (test)."));

    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default) =>
        _crashed ? Refuse() : inner.CreateAsync(execution, events, cancellationToken);

    public ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default) =>
        _crashed ? Refuse() : inner.AppendAsync(executionId, events, update, cancellationToken);

    public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) => inner.GetAsync(executionId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromResult<ExecutionRecord?>(null) : inner.TryClaimAsync(executionId, expectedVersion, owner, leaseExpiresAt, cancellationToken);

    public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromException<ExecutionRecord?>(new ExecutionStoreException("The process was killed (test).")) : inner.RenewClaimAsync(executionId, owner, leaseExpiresAt, cancellationToken);

    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default) =>
        _crashed ? Refuse() : inner.ReleaseClaimAsync(executionId, owner, cancellationToken);

    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) => inner.RequestCancelAsync(executionId, requestedAt, cancellationToken);

    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) => inner.DeleteFinishedAsync(finishedBefore, cancellationToken);
}
