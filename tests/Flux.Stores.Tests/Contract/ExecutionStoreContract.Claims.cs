namespace Flux.Stores.Tests.Contract;

/// <summary>Claims, leases and cancel requests.</summary>
public abstract partial class ExecutionStoreContract
{
    private static readonly DateTimeOffset Lease = TestData.T0.AddMinutes(5);

    [Test]
    public async Task A_claim_on_the_current_version_makes_the_owner_and_moves_the_version()
    {
        var before = await Started("e1");

        var claimed = await Store.TryClaimAsync("e1", before.Version, "worker-a", Lease);

        Assert.That(claimed, Is.EqualTo(before with { Owner = "worker-a", LeaseExpiresAt = Lease, Version = before.Version + 1 }));
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(claimed));
    }

    [Test]
    public async Task A_claim_on_a_stale_version_or_an_unknown_execution_fails()
    {
        var before = await Started("e1");
        await Store.AppendAsync("e1", [TestData.Event(2)]);

        Assert.That(await Store.TryClaimAsync("e1", before.Version, "worker-a", Lease), Is.Null, "an append moved the version on");
        Assert.That(await Store.TryClaimAsync("nobody", 1, "worker-a", Lease), Is.Null);
        Assert.That((await Store.GetAsync("e1"))!.Owner, Is.Null);
    }

    [Test]
    public async Task Of_two_claimants_on_the_same_version_exactly_one_wins([Values(1, 2)] int instances)
    {
        var other = instances == 1 ? Store : Track(await OpenAnotherInstanceAsync());
        for (var round = 0; round < 20; round++)
        {
            var before = await Started($"e{round}");

            var results = await Task.WhenAll(
                Store.TryClaimAsync(before.ExecutionId, before.Version, "worker-a", Lease).AsTask(),
                other.TryClaimAsync(before.ExecutionId, before.Version, "worker-b", Lease).AsTask());

            var winners = results.Where(r => r is not null).ToArray();
            Assert.That(winners, Has.Length.EqualTo(1), $"round {round}");
            Assert.That((await Store.GetAsync(before.ExecutionId))!.Owner, Is.EqualTo(winners[0]!.Owner));
        }
    }

    [Test]
    public async Task Of_many_concurrent_claimants_exactly_one_wins()
    {
        var other = Track(await OpenAnotherInstanceAsync());
        var before = await Started("e1");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var claims = Enumerable.Range(0, 64).Select(async i =>
        {
            await start.Task;
            var store = i % 2 == 0 ? Store : other;
            return await store.TryClaimAsync("e1", before.Version, $"worker-{i}", Lease);
        }).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(claims);

        var winners = results.Where(r => r is not null).ToArray();
        Assert.That(winners, Has.Length.EqualTo(1));
        var stored = (await Store.GetAsync("e1"))!;
        Assert.That((stored.Owner, stored.Version), Is.EqualTo((winners[0]!.Owner, before.Version + 1)));
    }

    [Test]
    public async Task The_owner_renews_its_lease_and_a_stranger_cannot()
    {
        var before = await Started("e1");
        var claimed = (await Store.TryClaimAsync("e1", before.Version, "worker-a", Lease))!;

        var renewed = await Store.RenewClaimAsync("e1", "worker-a", Lease.AddMinutes(5));
        var stranger = await Store.RenewClaimAsync("e1", "worker-b", Lease.AddMinutes(10));

        Assert.That(renewed, Is.EqualTo(claimed with { LeaseExpiresAt = Lease.AddMinutes(5), Version = claimed.Version + 1 }));
        Assert.That(stranger, Is.Null);
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(renewed));
        Assert.That(await Store.RenewClaimAsync("nobody", "worker-a", Lease), Is.Null);
    }

    [Test]
    public async Task Nobody_renews_an_execution_nobody_owns()
    {
        await Started("e1");
        Assert.That(await Store.RenewClaimAsync("e1", "worker-a", Lease), Is.Null);
    }

    [Test]
    public async Task The_owner_releases_and_a_stranger_release_does_nothing()
    {
        var before = await Started("e1");
        var claimed = (await Store.TryClaimAsync("e1", before.Version, "worker-a", Lease))!;

        await Store.ReleaseClaimAsync("e1", "worker-b");
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(claimed), "a stranger's release changes nothing, not even the version");

        await Store.ReleaseClaimAsync("e1", "worker-a");
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(claimed with { Owner = null, LeaseExpiresAt = null, Version = claimed.Version + 1 }));
        await Store.ReleaseClaimAsync("nobody", "worker-a");
    }

    [Test]
    public async Task An_owner_that_lost_its_claim_can_neither_renew_nor_release()
    {
        var before = await Started("e1");
        var first = (await Store.TryClaimAsync("e1", before.Version, "worker-a", Lease))!;

        // Worker A's lease ran out (the caller decides that); worker B takes over from the version it read.
        var second = (await Store.TryClaimAsync("e1", first.Version, "worker-b", Lease.AddMinutes(1)))!;
        var renewed = await Store.RenewClaimAsync("e1", "worker-a", Lease.AddMinutes(5));
        await Store.ReleaseClaimAsync("e1", "worker-a");

        Assert.That(renewed, Is.Null);
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(second));
        Assert.That(second.Owner, Is.EqualTo("worker-b"));
    }

    [Test]
    public async Task A_claimant_that_reads_again_after_losing_can_claim_once_released()
    {
        var before = await Started("e1");
        var a = (await Store.TryClaimAsync("e1", before.Version, "worker-a", Lease))!;
        Assert.That(await Store.TryClaimAsync("e1", before.Version, "worker-b", Lease), Is.Null);
        await Store.ReleaseClaimAsync("e1", "worker-a");

        var current = (await Store.GetAsync("e1"))!;
        var b = await Store.TryClaimAsync("e1", current.Version, "worker-b", Lease);

        Assert.That(b!.Owner, Is.EqualTo("worker-b"));
        Assert.That(b.Version, Is.EqualTo(a.Version + 2));
    }

    [Test]
    public async Task A_cancel_request_marks_an_unfinished_execution_once()
    {
        var before = await Started("e1");

        Assert.That(await Store.RequestCancelAsync("e1", TestData.T0.AddSeconds(3)), Is.True);
        var marked = (await Store.GetAsync("e1"))!;
        Assert.That(await Store.RequestCancelAsync("e1", TestData.T0.AddSeconds(9)), Is.True, "asking again is still a yes");

        Assert.That(marked, Is.EqualTo(before with { CancelRequestedAt = TestData.T0.AddSeconds(3), Version = before.Version + 1 }));
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(marked), "the first request's time stays");
    }

    [Test]
    public async Task A_cancel_request_for_a_paused_execution_is_accepted()
    {
        await Started("e1");
        await Store.AppendAsync("e1", [], new ExecutionUpdate { State = ExecutionState.Paused, UpdatedAt = TestData.T0, PausedAt = "approval" });

        Assert.That(await Store.RequestCancelAsync("e1", TestData.T0), Is.True);
    }

    [TestCase(ExecutionState.Succeeded)]
    [TestCase(ExecutionState.Failed)]
    [TestCase(ExecutionState.Cancelled)]
    public async Task A_cancel_request_for_a_finished_execution_is_refused(ExecutionState state)
    {
        await Started("e1");
        await Store.AppendAsync("e1", [], TestData.Finished(state, TestData.T0.AddSeconds(1)));
        var finished = (await Store.GetAsync("e1"))!;

        Assert.That(await Store.RequestCancelAsync("e1", TestData.T0.AddSeconds(2)), Is.False);
        Assert.That(await Store.GetAsync("e1"), Is.EqualTo(finished).Using<ExecutionRecord>(TestData.SameRecord));
    }

    [Test]
    public async Task A_cancel_request_for_an_unknown_execution_is_refused()
    {
        Assert.That(await Store.RequestCancelAsync("nobody", TestData.T0), Is.False);
    }
}
