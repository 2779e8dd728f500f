namespace Flux.Stores.Tests.Contract;

/// <summary>
/// The contract every <see cref="IExecutionStore"/> passes (the rules in its XML docs). A store's fixture derives from
/// this class and says how to make a fresh, empty store; the tests are split by subject into the partial files beside
/// this one.
/// </summary>
[TestFixture]
public abstract partial class ExecutionStoreContract
{
    private readonly List<IExecutionStore> _opened = [];

    /// <summary>The fresh, empty store each test starts with.</summary>
    protected IExecutionStore Store { get; private set; } = null!;

    /// <summary>Makes a new, empty store.</summary>
    protected abstract ValueTask<IExecutionStore> CreateStoreAsync();

    /// <summary>
    /// Opens another instance on the same storage as <see cref="Store"/>, as a second process would (a second
    /// connection to the same file or server). A store that lives in one process's memory returns itself.
    /// </summary>
    protected abstract ValueTask<IExecutionStore> OpenAnotherInstanceAsync();

    /// <summary>The statistics of a store made by this fixture.</summary>
    protected abstract ExecutionStoreStatistics StatisticsOf(IExecutionStore store);

    /// <summary>Registers a store to dispose after the test.</summary>
    protected T Track<T>(T store)
        where T : IExecutionStore
    {
        _opened.Add(store);
        return store;
    }

    [SetUp]
    public async Task CreateStore()
    {
        Store = Track(await CreateStoreAsync());
    }

    [TearDown]
    public async Task DisposeStores()
    {
        foreach (var store in Enumerable.Reverse(_opened).Distinct())
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        _opened.Clear();
        await AfterStoresDisposedAsync();
    }

    /// <summary>Cleans up what the store left behind (files, schemas) once it is disposed.</summary>
    protected virtual ValueTask AfterStoresDisposedAsync() => ValueTask.CompletedTask;

    /// <summary>Creates an execution with its <c>WorkflowStarted</c> event.</summary>
    protected async Task<ExecutionRecord> Started(string id, string workflow = "order_workflow", DateTimeOffset? createdAt = null, string? parent = null)
    {
        await Store.CreateAsync(TestData.Execution(id, workflow, createdAt, parent: parent), [TestData.Started(createdAt)]);
        return (await Store.GetAsync(id))!;
    }
}
