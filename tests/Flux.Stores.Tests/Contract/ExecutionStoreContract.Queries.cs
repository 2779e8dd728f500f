namespace Flux.Stores.Tests.Contract;

/// <summary>Queries: every filter, the order, paging.</summary>
public abstract partial class ExecutionStoreContract
{
    private static string[] Ids(ExecutionPage page) => page.Items.Select(r => r.ExecutionId).ToArray();

    /// <summary>Six executions of two workflows, one minute apart, in various states; e5 and e6 are children of e1.</summary>
    private async Task SeedSix()
    {
        await Started("e1", "billing", TestData.T0);
        await Started("e2", "billing", TestData.T0.AddMinutes(1));
        await Started("e3", "shipping", TestData.T0.AddMinutes(2));
        await Started("e4", "shipping", TestData.T0.AddMinutes(3));
        await Started("e5", "billing", TestData.T0.AddMinutes(4), parent: "e1");
        await Started("e6", "shipping", TestData.T0.AddMinutes(5), parent: "e1");
        await Store.AppendAsync("e2", [TestData.Event(2)], TestData.Finished(ExecutionState.Succeeded, TestData.T0.AddHours(1)));
        await Store.AppendAsync("e3", [TestData.Event(2)], TestData.Finished(ExecutionState.Failed, TestData.T0.AddHours(1)));
        await Store.AppendAsync("e4", [TestData.Event(2)], new ExecutionUpdate { State = ExecutionState.Paused, UpdatedAt = TestData.T0, PausedAt = "approval", WakeAt = TestData.T0.AddDays(1) });
        await Store.AppendAsync("e5", [TestData.Event(2)], new ExecutionUpdate { State = ExecutionState.Running, UpdatedAt = TestData.T0, WakeAt = TestData.T0.AddDays(2) });
    }

    [Test]
    public async Task A_query_without_filters_returns_every_execution_newest_first()
    {
        await SeedSix();

        var page = await Store.QueryAsync(new ExecutionQuery());

        Assert.That(Ids(page), Is.EqualTo(new[] { "e6", "e5", "e4", "e3", "e2", "e1" }));
        Assert.That(page.ContinuationToken, Is.Null);
        Assert.That(page.Items[2], Is.EqualTo(await Store.GetAsync("e4")), "a query returns whole summaries");
    }

    [Test]
    public async Task A_query_on_an_empty_store_returns_an_empty_last_page()
    {
        var page = await Store.QueryAsync(new ExecutionQuery());
        Assert.That((page.Items.Count, page.ContinuationToken), Is.EqualTo((0, (string?)null)));
    }

    [Test]
    public async Task Queries_filter_by_workflow()
    {
        await SeedSix();
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { WorkflowName = "billing" })), Is.EqualTo(new[] { "e5", "e2", "e1" }));
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { WorkflowName = "Billing" })), Is.Empty, "workflow names are compared exactly");
    }

    [Test]
    public async Task Queries_filter_by_states()
    {
        await SeedSix();
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { States = [ExecutionState.Running] })), Is.EqualTo(new[] { "e6", "e5", "e1" }));
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { States = [ExecutionState.Succeeded, ExecutionState.Failed, ExecutionState.Paused] })), Is.EqualTo(new[] { "e4", "e3", "e2" }));
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { States = [ExecutionState.Cancelled] })), Is.Empty);
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { States = [] })), Is.Empty, "an empty list of states matches no execution");
    }

    [Test]
    public async Task Queries_filter_by_creation_time_from_inclusive_and_before_exclusive()
    {
        await SeedSix();
        var query = new ExecutionQuery { CreatedFrom = TestData.T0.AddMinutes(1), CreatedBefore = TestData.T0.AddMinutes(4) };
        Assert.That(Ids(await Store.QueryAsync(query)), Is.EqualTo(new[] { "e4", "e3", "e2" }));
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { CreatedFrom = TestData.T0.AddMinutes(4).AddTicks(1) })), Is.EqualTo(new[] { "e6" }), "one tick matters");
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { CreatedBefore = TestData.T0.AddTicks(1) })), Is.EqualTo(new[] { "e1" }));
        var inAnotherOffset = TestData.T0.AddMinutes(5).ToOffset(TimeSpan.FromHours(9));
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { CreatedFrom = inAnotherOffset })), Is.EqualTo(new[] { "e6" }), "instants, not clock readings, are compared");
    }

    [Test]
    public async Task Queries_find_due_timers_inclusive()
    {
        await SeedSix();
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { WakeAtOrBefore = TestData.T0.AddDays(1).AddTicks(-1) })), Is.Empty);
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { WakeAtOrBefore = TestData.T0.AddDays(1) })), Is.EqualTo(new[] { "e4" }));
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { WakeAtOrBefore = TestData.T0.AddDays(30) })), Is.EqualTo(new[] { "e5", "e4" }));
    }

    [Test]
    public async Task Queries_find_the_children_of_an_execution()
    {
        await SeedSix();
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { ParentExecutionId = "e1" })), Is.EqualTo(new[] { "e6", "e5" }));
        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery { ParentExecutionId = "e2" })), Is.Empty);
    }

    [Test]
    public async Task Query_filters_combine()
    {
        await SeedSix();
        var query = new ExecutionQuery
        {
            WorkflowName = "billing",
            States = [ExecutionState.Running],
            CreatedFrom = TestData.T0.AddTicks(1),
            WakeAtOrBefore = TestData.T0.AddDays(3),
            ParentExecutionId = "e1",
        };
        Assert.That(Ids(await Store.QueryAsync(query)), Is.EqualTo(new[] { "e5" }));
        Assert.That(Ids(await Store.QueryAsync(query with { WorkflowName = "shipping" })), Is.Empty);
    }

    [Test]
    public async Task Executions_created_at_the_same_tick_are_ordered_by_id_descending()
    {
        foreach (var id in new[] { "b", "a", "c", "ab" })
        {
            await Started(id, createdAt: TestData.T0);
        }

        Assert.That(Ids(await Store.QueryAsync(new ExecutionQuery())), Is.EqualTo(new[] { "c", "b", "ab", "a" }));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(25)]
    public async Task Paging_visits_every_match_once_in_order(int limit)
    {
        var expected = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            // Several executions share a creation tick, so the token must break ties by id.
            var id = $"run-{i:d2}";
            await Started(id, createdAt: TestData.T0.AddTicks(i / 3));
            expected.Add(id);
        }

        var pages = await Store.AllPages(new ExecutionQuery { Limit = limit });

        var expectedOrder = expected.OrderByDescending(id => int.Parse(id[4..]) / 3).ThenByDescending(id => id, StringComparer.Ordinal).ToArray();
        Assert.That(pages.SelectMany(Ids), Is.EqualTo(expectedOrder));
        Assert.That(pages.Take(pages.Count - 1).Select(p => p.Items.Count), Is.All.EqualTo(limit));
        Assert.That(pages.Count, Is.EqualTo((int)Math.Ceiling(25.0 / limit)), "a full last page carries no token");
    }

    [Test]
    public async Task Paging_keeps_its_filters_and_ignores_executions_created_after_the_first_page()
    {
        for (var i = 0; i < 10; i++)
        {
            await Started($"e{i}", i % 2 == 0 ? "even" : "odd", TestData.T0.AddSeconds(i));
        }

        var first = await Store.QueryAsync(new ExecutionQuery { WorkflowName = "even", Limit = 2 });
        await Started("newest", "even", TestData.T0.AddDays(1));
        var rest = await Store.AllPages(new ExecutionQuery { WorkflowName = "even", Limit = 2, ContinuationToken = first.ContinuationToken });

        Assert.That(Ids(first), Is.EqualTo(new[] { "e8", "e6" }));
        Assert.That(rest.SelectMany(Ids), Is.EqualTo(new[] { "e4", "e2", "e0" }));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    public async Task A_limit_outside_one_to_a_thousand_is_refused(int limit)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.QueryAsync(new ExecutionQuery { Limit = limit }));
        Assert.That(error!.Message, Does.Contain("Limit"));
    }

    [Test]
    public async Task A_limit_of_a_thousand_is_accepted()
    {
        await Started("e1");
        Assert.That((await Store.QueryAsync(new ExecutionQuery { Limit = 1000 })).Items, Has.Count.EqualTo(1));
    }

    [TestCase("not a token")]
    [TestCase("AAAA")]
    [TestCase("")]
    public async Task A_continuation_token_the_store_did_not_issue_is_refused(string token)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.QueryAsync(new ExecutionQuery { ContinuationToken = token }));
        Assert.That(error!.Message, Does.Contain("continuation token"));
    }
}
