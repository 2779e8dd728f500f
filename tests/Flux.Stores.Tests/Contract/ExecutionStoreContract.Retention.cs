namespace Flux.Stores.Tests.Contract;

/// <summary>Retention: deleting finished executions older than a cutoff.</summary>
public abstract partial class ExecutionStoreContract
{
    [Test]
    public async Task Retention_deletes_only_executions_that_finished_before_the_cutoff_with_their_events()
    {
        var cutoff = TestData.T0.AddDays(1);
        await Started("old-success");
        await Started("old-failure");
        await Started("old-cancelled");
        await Started("at-cutoff");
        await Started("recent");
        await Started("running");
        await Started("paused-with-finish-time");
        await Store.AppendAsync("old-success", [TestData.Event(2)], TestData.Finished(ExecutionState.Succeeded, cutoff.AddTicks(-1)));
        await Store.AppendAsync("old-failure", [], TestData.Finished(ExecutionState.Failed, TestData.T0));
        await Store.AppendAsync("old-cancelled", [], TestData.Finished(ExecutionState.Cancelled, TestData.T0));
        await Store.AppendAsync("at-cutoff", [], TestData.Finished(ExecutionState.Succeeded, cutoff));
        await Store.AppendAsync("recent", [], TestData.Finished(ExecutionState.Succeeded, cutoff.AddDays(1)));
        await Store.AppendAsync("paused-with-finish-time", [], new ExecutionUpdate { State = ExecutionState.Paused, UpdatedAt = TestData.T0, FinishedAt = TestData.T0 });

        var deleted = await Store.DeleteFinishedAsync(cutoff);

        Assert.That(deleted, Is.EqualTo(3));
        var left = (await Store.QueryAsync(new ExecutionQuery())).Items.Select(r => r.ExecutionId);
        Assert.That(left, Is.EquivalentTo(new[] { "at-cutoff", "recent", "running", "paused-with-finish-time" }));
        await Assert.ThrowsAsync<ExecutionNotFoundException>(async () => await Store.ReadAll("old-success"));
        Assert.That(await Store.GetAsync("old-success"), Is.Null);
        Assert.That(await Store.DeleteFinishedAsync(cutoff), Is.Zero, "nothing left to delete");
    }

    [Test]
    public async Task A_deleted_execution_id_can_be_used_again_with_a_new_log()
    {
        await Started("e1");
        await Store.AppendAsync("e1", TestData.Events(2, 5), TestData.Finished(ExecutionState.Succeeded, TestData.T0));
        await Store.DeleteFinishedAsync(TestData.T0.AddTicks(1));

        await Started("e1", workflow: "again");
        await Store.AppendAsync("e1", TestData.Events(2, 1, tag: "new"));

        var log = await Store.ReadAll("e1");
        Assert.That(log.Select(e => e.CallId), Is.EqualTo(new[] { null, "new_2" }));
        Assert.That((await Store.GetAsync("e1"))!.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Retention_on_an_empty_store_deletes_nothing()
    {
        Assert.That(await Store.DeleteFinishedAsync(DateTimeOffset.MaxValue), Is.Zero);
    }
}
