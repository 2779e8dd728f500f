using Flux.Stores.Tests.Contract;

namespace Flux.Stores.Tests.InMemory;

/// <summary>The contract, in memory.</summary>
public sealed class InMemoryStoreTests : ExecutionStoreContract
{
    protected override ValueTask<IExecutionStore> CreateStoreAsync() => ValueTask.FromResult<IExecutionStore>(new InMemoryExecutionStore());

    protected override ValueTask<IExecutionStore> OpenAnotherInstanceAsync() => ValueTask.FromResult(Store);

    protected override ExecutionStoreStatistics StatisticsOf(IExecutionStore store) => ((InMemoryExecutionStore)store).Statistics;

    [Test]
    public async Task Every_write_is_its_own_commit()
    {
        var store = new InMemoryExecutionStore();
        await store.CreateAsync(TestData.Execution("e1"), [TestData.Started()]);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => store.AppendAsync("e1", [TestData.Event(2 + i)]).AsTask()));
        await store.TryClaimAsync("e1", 11, "me", TestData.T0);

        Assert.That(store.Statistics, Is.EqualTo(new ExecutionStoreStatistics { Writes = 12, Appends = 10, Events = 11, Commits = 12 }));
    }
}
