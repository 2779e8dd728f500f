namespace Flux;

/// <summary>
/// What a store has written since it was created, as counted by that store instance: how many appends and events it
/// committed, and in how many transactions. <c>Appends / Commits</c> shows group commit at work: a durable Map whose
/// completions arrive together pays few commits.
/// </summary>
public sealed record ExecutionStoreStatistics
{
    /// <summary>Write operations that reached the store: creates, appends, claims, renewals, releases, cancel requests and deletions, including those it refused (a lost claim, a sequence conflict).</summary>
    public long Writes { get; init; }

    /// <summary><see cref="IExecutionStore.AppendAsync"/> calls whose events and summary update were committed.</summary>
    public long Appends { get; init; }

    /// <summary>Events committed, by <see cref="IExecutionStore.CreateAsync"/> and <see cref="IExecutionStore.AppendAsync"/>.</summary>
    public long Events { get; init; }

    /// <summary>Transactions committed. A store without transactions (in memory) counts one per write.</summary>
    public long Commits { get; init; }

    /// <summary>The average number of writes that shared one commit (1 when nothing was grouped, 0 before the first commit).</summary>
    public double WritesPerCommit => Commits == 0 ? 0 : (double)Writes / Commits;
}
