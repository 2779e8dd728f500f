namespace Flux.Hosting.Tests.Support;

/// <summary>
/// A store that "dies" with its process: after <see cref="Crash"/> every write fails, as if the process that wrote through
/// it had been killed; what it had written stays in the file. It also tells when a sleep's wake time was stored.
/// </summary>
public sealed class CrashingStore(IExecutionStore inner) : IExecutionStore
{
    private readonly TaskCompletionSource _wakeStored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _crashed;

    public Task WhenWakeStored => _wakeStored.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Crash() => _crashed = true;

    private static ExecutionStoreException Killed() => new("The process was killed (test).");

    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromException(Killed()) : inner.CreateAsync(execution, events, cancellationToken);

    public async ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default)
    {
        if (_crashed)
        {
            throw Killed();
        }

        await inner.AppendAsync(executionId, events, update, cancellationToken);
        if (update?.WakeAt is not null)
        {
            _wakeStored.TrySetResult();
        }
    }

    public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) => inner.GetAsync(executionId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        inner.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromException<ExecutionRecord?>(Killed()) : inner.TryClaimAsync(executionId, expectedVersion, owner, leaseExpiresAt, cancellationToken);

    public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromException<ExecutionRecord?>(Killed()) : inner.RenewClaimAsync(executionId, owner, leaseExpiresAt, cancellationToken);

    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromException(Killed()) : inner.ReleaseClaimAsync(executionId, owner, cancellationToken);

    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromException<bool>(Killed()) : inner.RequestCancelAsync(executionId, requestedAt, cancellationToken);

    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) =>
        _crashed ? ValueTask.FromException<int>(Killed()) : inner.DeleteFinishedAsync(finishedBefore, cancellationToken);
}
