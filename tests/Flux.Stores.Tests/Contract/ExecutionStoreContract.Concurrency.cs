namespace Flux.Stores.Tests.Contract;

/// <summary>Many executions at once, and two instances on the same storage.</summary>
public abstract partial class ExecutionStoreContract
{
    [Test]
    public async Task A_thousand_executions_appending_concurrently_keep_their_own_events()
    {
        const int executions = 1000;
        const int appends = 5;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(0, executions).Select(async i =>
        {
            var id = $"exec-{i}";
            await start.Task;
            await Store.CreateAsync(TestData.Execution(id, createdAt: TestData.T0.AddTicks(i)), [TestData.Started()]);
            for (var a = 0; a < appends; a++)
            {
                await Store.AppendAsync(id, TestData.Events(2 + (2 * a), 2, tag: id));
            }

            await Store.AppendAsync(id, [], TestData.Finished(ExecutionState.Succeeded, TestData.T0.AddTicks(i)));
        }).ToArray();
        start.SetResult();
        await Task.WhenAll(runs);

        for (var i = 0; i < executions; i++)
        {
            var id = $"exec-{i}";
            var log = await Store.ReadAll(id);
            Assert.That(log.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, 1 + (2 * appends)).Select(n => (long)n)), id);
            Assert.That(log.Skip(1).Select(e => e.CallId), Is.All.StartsWith(id + "_"), $"{id} holds only its own events");
            Assert.That(log.Skip(1).Select(e => System.Text.Encoding.UTF8.GetString(e.Payload!)), Is.All.StartsWith($"\"{id}:"));
            var record = (await Store.GetAsync(id))!;
            Assert.That((record.State, record.LastSequence), Is.EqualTo((ExecutionState.Succeeded, 1L + (2 * appends))));
        }

        var all = await Store.AllPages(new ExecutionQuery { Limit = 1000, States = [ExecutionState.Succeeded] });
        Assert.That(all.Sum(p => p.Items.Count), Is.EqualTo(executions));
    }

    [Test]
    public async Task Two_instances_on_the_same_storage_see_each_others_writes()
    {
        var other = Track(await OpenAnotherInstanceAsync());
        await Started("from-first");
        await other.CreateAsync(TestData.Execution("from-second"), [TestData.Started()]);

        await other.AppendAsync("from-first", [TestData.Event(2, callId: "second_wrote_this")]);
        await Store.AppendAsync("from-first", [TestData.Event(3, callId: "first_wrote_this")]);

        Assert.That((await Store.ReadAll("from-first")).Select(e => e.CallId), Is.EqualTo(new[] { null, "second_wrote_this", "first_wrote_this" }));
        Assert.That(await Store.GetAsync("from-second"), Is.EqualTo(await other.GetAsync("from-second")));
        Assert.That((await other.QueryAsync(new ExecutionQuery())).Items, Has.Count.EqualTo(2));
    }
}
