namespace Flux.Stores.Tests.Contract;

/// <summary>Create, append, read and the sequence rules.</summary>
public abstract partial class ExecutionStoreContract
{
    [Test]
    public async Task Create_stores_the_summary_as_given_with_version_one_and_the_last_event_number()
    {
        var execution = TestData.Execution("e1", parent: "p1") with
        {
            Owner = "worker-a",
            LeaseExpiresAt = TestData.T0.AddMinutes(1),
            Version = 99,
            LastSequence = 42,
        };

        await Store.CreateAsync(execution, [TestData.Started(), TestData.Event(2)]);

        var stored = await Store.GetAsync("e1");
        Assert.That(stored, Is.EqualTo(execution with { Version = 1, LastSequence = 2 }));
    }

    [Test]
    public async Task Create_with_no_events_stores_an_empty_log()
    {
        await Store.CreateAsync(TestData.Execution("e1"), []);

        Assert.That((await Store.GetAsync("e1"))!.LastSequence, Is.Zero);
        Assert.That(await Store.ReadAll("e1"), Is.Empty);
    }

    [Test]
    public async Task Get_of_an_unknown_id_is_null()
    {
        Assert.That(await Store.GetAsync("nobody"), Is.Null);
    }

    [Test]
    public async Task Create_refuses_an_id_that_is_taken_and_keeps_the_first()
    {
        await Started("e1", workflow: "first");

        var error = await Assert.ThrowsAsync<ExecutionAlreadyExistsException>(async () =>
            await Store.CreateAsync(TestData.Execution("e1", workflow: "second"), [TestData.Started()]));

        Assert.That(error!.ExecutionId, Is.EqualTo("e1"));
        Assert.That(error.Message, Does.Contain("'e1'"));
        Assert.That((await Store.GetAsync("e1"))!.WorkflowName, Is.EqualTo("first"));
    }

    [Test]
    public async Task Create_refuses_events_not_numbered_from_one_and_stores_nothing()
    {
        var error = await Assert.ThrowsAsync<EventSequenceException>(async () =>
            await Store.CreateAsync(TestData.Execution("e1"), [TestData.Event(2)]));

        Assert.That((error!.Expected, error.Actual), Is.EqualTo((1L, 2L)));
        Assert.That(await Store.GetAsync("e1"), Is.Null);
    }

    [Test]
    public async Task Events_come_back_in_order_with_every_field_exact()
    {
        await Started("e1");
        var everyByte = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var appended = new[]
        {
            new StoredEvent(2, ExecutionEventType.TaskStarted, TestData.T0.AddTicks(1), "fetch_0123456789abcdef", "fetch", TestData.Json("[1,\"two\",3.5]")),
            new StoredEvent(3, ExecutionEventType.TaskCompleted, TestData.T0.AddTicks(7), "fetch_0123456789abcdef", "fetch", everyByte),
            new StoredEvent(4, ExecutionEventType.TaskPaused, new DateTimeOffset(2025, 3, 14, 17, 9, 26, TimeSpan.FromHours(2)).AddTicks(3), "map:wait[3]/wait_0000000000000001~2", "wait", null),
            new StoredEvent(5, ExecutionEventType.WorkflowPaused, DateTimeOffset.MaxValue, null, "order_workflow", []),
            new StoredEvent(6, ExecutionEventType.TaskResumed, DateTimeOffset.MinValue, "ünï/çødé_✓_𝄞", "名前", TestData.Json("\"𝄞\"")),
        };

        await Store.AppendAsync("e1", appended);

        var read = await Store.ReadAll("e1");
        Assert.That(read.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
        for (var i = 0; i < appended.Length; i++)
        {
            var (expected, actual) = (appended[i], read[i + 1]);
            Assert.That(actual.Type, Is.EqualTo(expected.Type));
            Assert.That(actual.Time.UtcTicks, Is.EqualTo(expected.Time.UtcTicks), "times are exact to the tick");
            Assert.That(actual.Time.Offset, Is.EqualTo(TimeSpan.Zero).Or.EqualTo(expected.Time.Offset));
            Assert.That(actual.CallId, Is.EqualTo(expected.CallId));
            Assert.That(actual.Name, Is.EqualTo(expected.Name));
            Assert.That(actual.Payload, Is.EqualTo(expected.Payload), "payload bytes round-trip exactly");
        }
    }

    [Test]
    public async Task A_large_payload_round_trips_exactly()
    {
        await Started("e1");
        var payload = new byte[1_000_003];
        new Random(17).NextBytes(payload);

        await Store.AppendAsync("e1", [TestData.Event(2, payload: payload)]);

        Assert.That((await Store.ReadAll("e1"))[1].Payload, Is.EqualTo(payload));
    }

    [Test]
    public async Task Reading_after_a_number_returns_only_the_later_events()
    {
        await Started("e1");
        await Store.AppendAsync("e1", TestData.Events(2, 9));

        Assert.That((await Store.ReadAll("e1", after: 4)).Select(e => e.Sequence), Is.EqualTo(new long[] { 5, 6, 7, 8, 9, 10 }));
        Assert.That(await Store.ReadAll("e1", after: 10), Is.Empty);
        Assert.That(await Store.ReadAll("e1", after: 50), Is.Empty);
    }

    [Test]
    public async Task Reading_an_unknown_execution_throws_not_found()
    {
        var error = await Assert.ThrowsAsync<ExecutionNotFoundException>(async () => await Store.ReadAll("nobody"));
        Assert.That(error!.ExecutionId, Is.EqualTo("nobody"));
    }

    [Test]
    public async Task Appending_to_an_unknown_execution_throws_not_found()
    {
        var error = await Assert.ThrowsAsync<ExecutionNotFoundException>(async () => await Store.AppendAsync("nobody", [TestData.Event(1)]));
        Assert.That(error!.ExecutionId, Is.EqualTo("nobody"));
    }

    [TestCase(3, Description = "a gap")]
    [TestCase(1, Description = "a number already stored")]
    [TestCase(2 + 100, Description = "far ahead")]
    public async Task An_append_that_does_not_continue_the_log_is_refused_and_writes_nothing(long first)
    {
        var before = await Started("e1");

        var error = await Assert.ThrowsAsync<EventSequenceException>(async () =>
            await Store.AppendAsync("e1", TestData.Events(first, 2), TestData.Finished(ExecutionState.Succeeded, TestData.T0)));

        Assert.That((error!.ExecutionId, error.Expected, error.Actual), Is.EqualTo(("e1", 2L, first)));
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(before), "the summary update was not applied either");
        Assert.That(await Store.ReadAll("e1"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_append_whose_events_are_not_consecutive_is_refused_and_writes_nothing()
    {
        await Started("e1");

        var error = await Assert.ThrowsAsync<EventSequenceException>(async () =>
            await Store.AppendAsync("e1", [TestData.Event(2), TestData.Event(3), TestData.Event(5)]));

        Assert.That((error!.Expected, error.Actual), Is.EqualTo((4L, 5L)));
        Assert.That(await Store.ReadAll("e1"), Has.Count.EqualTo(1));
        Assert.That((await Store.GetAsync("e1"))!.LastSequence, Is.EqualTo(1));
    }

    [Test]
    public async Task Of_two_writers_racing_for_the_same_number_exactly_one_wins([Values(1, 2)] int instances)
    {
        var other = instances == 1 ? Store : Track(await OpenAnotherInstanceAsync());
        for (var round = 0; round < 20; round++)
        {
            var id = $"race{round}";
            await Started(id);

            var a = Outcome(Store.AppendAsync(id, [TestData.Event(2, callId: "writer_a")]));
            var b = Outcome(other.AppendAsync(id, [TestData.Event(2, callId: "writer_b")]));
            var outcomes = await Task.WhenAll(a, b);

            Assert.That(outcomes.Count(o => o is null), Is.EqualTo(1), $"round {round}: exactly one append succeeds");
            Assert.That(outcomes.Single(o => o is not null), Is.TypeOf<EventSequenceException>());
            var log = await Store.ReadAll(id);
            Assert.That(log.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2 }));
            Assert.That(log[1].CallId, Is.EqualTo(outcomes[0] is null ? "writer_a" : "writer_b"), "the stored event is the winner's");
        }
    }

    private static async Task<Exception?> Outcome(ValueTask append)
    {
        try
        {
            await append;
            return null;
        }
        catch (ExecutionStoreException e)
        {
            return e;
        }
    }

    [Test]
    public async Task Appends_made_one_after_another_without_awaiting_are_applied_in_that_order()
    {
        await Started("e1");

        var pending = Enumerable.Range(0, 200).Select(i => Store.AppendAsync("e1", TestData.Events(2 + (2 * i), 2)).AsTask()).ToArray();
        await Task.WhenAll(pending);

        Assert.That((await Store.ReadAll("e1")).Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, 401).Select(i => (long)i)));
    }

    [Test]
    public async Task An_update_replaces_every_summary_field_and_a_null_clears_one()
    {
        await Started("e1");
        var paused = new ExecutionUpdate
        {
            State = ExecutionState.Paused,
            UpdatedAt = TestData.T0.AddSeconds(1),
            PausedAt = "manager_approval",
            WakeAt = TestData.T0.AddDays(2).AddTicks(3),
            Output = TestData.Json("\"partial\""),
            ErrorType = "E",
            ErrorMessage = "M",
            FinishedAt = TestData.T0.AddSeconds(9),
        };

        await Store.AppendAsync("e1", [TestData.Event(2, ExecutionEventType.WorkflowPaused)], paused);
        var afterPause = (await Store.GetAsync("e1"))!;
        await Store.AppendAsync("e1", [TestData.Event(3, ExecutionEventType.WorkflowCompleted)], TestData.Finished(ExecutionState.Succeeded, TestData.T0.AddSeconds(5)));
        var afterFinish = (await Store.GetAsync("e1"))!;

        Assert.That(afterPause, Is.EqualTo(TestData.Execution("e1") with
        {
            State = ExecutionState.Paused,
            UpdatedAt = paused.UpdatedAt,
            PausedAt = "manager_approval",
            WakeAt = paused.WakeAt,
            Output = afterPause.Output,
            ErrorType = "E",
            ErrorMessage = "M",
            FinishedAt = paused.FinishedAt,
            Version = 2,
            LastSequence = 2,
        }));
        Assert.That(afterPause.Output, Is.EqualTo(paused.Output));
        Assert.That(afterFinish.State, Is.EqualTo(ExecutionState.Succeeded));
        Assert.That(afterFinish.FinishedAt, Is.EqualTo(TestData.T0.AddSeconds(5)));
        Assert.That(afterFinish.Output, Is.EqualTo(TestData.Json("\"done\"")));
        Assert.That((afterFinish.PausedAt, afterFinish.WakeAt, afterFinish.ErrorType, afterFinish.ErrorMessage), Is.EqualTo(((string?)null, (DateTimeOffset?)null, (string?)null, (string?)null)));
        Assert.That((afterFinish.Version, afterFinish.LastSequence), Is.EqualTo((3L, 3L)));
    }

    [Test]
    public async Task An_append_without_an_update_keeps_the_summary_and_moves_the_number_and_version()
    {
        var before = await Started("e1");

        await Store.AppendAsync("e1", TestData.Events(2, 3));

        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(before with { LastSequence = 4, Version = 2 }));
    }

    [Test]
    public async Task An_update_with_no_events_changes_only_the_summary()
    {
        await Started("e1");

        await Store.AppendAsync("e1", [], new ExecutionUpdate { State = ExecutionState.Cancelled, UpdatedAt = TestData.T0.AddTicks(1), FinishedAt = TestData.T0.AddTicks(1) });

        var stored = (await Store.GetAsync("e1"))!;
        Assert.That((stored.State, stored.LastSequence, stored.Version), Is.EqualTo((ExecutionState.Cancelled, 1L, 2L)));
        Assert.That(await Store.ReadAll("e1"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Times_in_other_offsets_are_the_same_instants_to_the_tick()
    {
        var local = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(-7)).AddTicks(1);
        await Store.CreateAsync(TestData.Execution("e1", createdAt: local) with { LeaseExpiresAt = local.AddTicks(2), CancelRequestedAt = null }, [TestData.Started(local)]);

        var stored = (await Store.GetAsync("e1"))!;
        Assert.That(stored.CreatedAt.UtcTicks, Is.EqualTo(local.UtcTicks));
        Assert.That(stored.UpdatedAt.UtcTicks, Is.EqualTo(local.UtcTicks));
        Assert.That(stored.LeaseExpiresAt!.Value.UtcTicks, Is.EqualTo(local.UtcTicks + 2));
        Assert.That(stored.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero), "summary times come back in UTC");
    }

    [Test]
    public async Task Statistics_count_appends_and_events()
    {
        var before = StatisticsOf(Store);
        await Started("e1");
        await Store.AppendAsync("e1", TestData.Events(2, 3));
        await Store.AppendAsync("e1", TestData.Events(5, 1));

        var after = StatisticsOf(Store);
        Assert.That(after.Appends - before.Appends, Is.EqualTo(2));
        Assert.That(after.Events - before.Events, Is.EqualTo(5), "the created execution's first event and four appended ones");
        Assert.That(after.Commits - before.Commits, Is.EqualTo(3), "each awaited write commits on its own");
        Assert.That(after.Writes - before.Writes, Is.EqualTo(3));
    }
}
