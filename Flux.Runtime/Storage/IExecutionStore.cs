namespace Flux;

/// <summary>
/// The durable log of workflow executions: each execution's summary (<see cref="ExecutionRecord"/>) and its
/// append-only, numbered events (<see cref="StoredEvent"/>). The log is the truth: a resumed execution is rebuilt
/// from its events, and the summary only indexes them for queries, claims and retention.
/// </summary>
/// <remarks>
/// <para>Every implementation passes the same contract test suite. The rules it pins:</para>
/// <list type="bullet">
/// <item><b>Order.</b> Events of one execution are numbered 1, 2, 3... in the order they happened. An append must
/// continue the stored numbers exactly; a gap or a number already stored is refused with
/// <see cref="EventSequenceException"/>, so a reader can always tell a gap from an end, and two writers that both
/// believe they own an execution cannot both write the same number.</item>
/// <item><b>Durability.</b> When <see cref="AppendAsync"/> returns, its events and its summary update are
/// committed together. Appends that arrive together may share one commit (group commit); each caller still
/// returns only after its own events are durable.</item>
/// <item><b>Claims.</b> An execution runs in one place at a time. <see cref="TryClaimAsync"/> is a compare-and-set
/// on <see cref="ExecutionRecord.Version"/>: of two claimants that read the same version, exactly one wins.
/// Deciding whether the current owner is gone (lease expired, process dead) is the caller's business.</item>
/// <item><b>Isolation.</b> Executions never see each other's events; any number may append concurrently.</item>
/// </list>
/// <para>Payloads are opaque UTF-8 JSON bytes to the store; the engine serializes and deserializes them. Times are
/// kept exactly, to the tick, and come back in UTC.</para>
/// </remarks>
public interface IExecutionStore
{
    /// <summary>
    /// Stores a new execution with its first events (usually <c>WorkflowStarted</c>), in one commit. The store sets
    /// <see cref="ExecutionRecord.Version"/> (to 1) and <see cref="ExecutionRecord.LastSequence"/>; every other field is
    /// stored as given, so an execution may be created already claimed (<see cref="ExecutionRecord.Owner"/>).
    /// </summary>
    /// <exception cref="ExecutionAlreadyExistsException">An execution with this id is already stored.</exception>
    /// <exception cref="EventSequenceException">The events are not numbered 1, 2, 3...</exception>
    ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events to an execution and, when <paramref name="update"/> is given, replaces its summary fields, in
    /// one commit. Returns once that commit is durable. Calls made one after another, even without awaiting each, are
    /// applied in the order they were made.
    /// </summary>
    /// <exception cref="ExecutionNotFoundException">No execution has this id.</exception>
    /// <exception cref="EventSequenceException">The first event's number is not the stored last number + 1, or the events are not consecutive.</exception>
    ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default);

    /// <summary>The summary of one execution, or null when there is none with this id.</summary>
    ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>The events of one execution with a number greater than <paramref name="afterSequence"/>, in order (all of them for 0).</summary>
    /// <exception cref="ExecutionNotFoundException">No execution has this id.</exception>
    IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default);

    /// <summary>A page of execution summaries that match the query, newest first.</summary>
    ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="owner"/> the owner of the execution until <paramref name="leaseExpiresAt"/>, if its
    /// <see cref="ExecutionRecord.Version"/> is still <paramref name="expectedVersion"/>. Returns the updated summary
    /// (with a new version), or null when the version moved on or the execution does not exist.
    /// </summary>
    ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease of an owner that still owns the execution; returns the summary, or null when it lost the claim.</summary>
    ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default);

    /// <summary>Gives up ownership; does nothing when <paramref name="owner"/> no longer owns the execution.</summary>
    ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks an execution as asked to cancel (<see cref="ExecutionRecord.CancelRequestedAt"/>), so that its owner,
    /// in whatever process, stops it. Returns false when the execution does not exist or has finished.
    /// </summary>
    ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes the executions that finished before <paramref name="finishedBefore"/>, with their events; returns how many.</summary>
    ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default);
}
