namespace Flux.Durable.Tests.Support;

/// <summary>Lets a number of readers through <see cref="IExecutionStore.GetAsync"/> only once all of them have read.</summary>
internal sealed class ReadBarrier(int count)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _arrived) == count)
        {
            _all.TrySetResult();
        }

        return _all.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}

/// <summary>A store whose first read of an execution waits at a <see cref="ReadBarrier"/>: two resumers that both read the same version.</summary>
internal sealed class BarrierStore(IExecutionStore inner, ReadBarrier barrier) : IExecutionStore
{
    private int _reads;

    public async ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var record = await inner.GetAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (Interlocked.Increment(ref _reads) == 1)
        {
            await barrier.ArriveAsync().ConfigureAwait(false);
        }

        return record;
    }

    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default) => inner.CreateAsync(execution, events, cancellationToken);

    public ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default) => inner.AppendAsync(executionId, events, update, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) => inner.TryClaimAsync(executionId, expectedVersion, owner, leaseExpiresAt, cancellationToken);

    public ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) => inner.RenewClaimAsync(executionId, owner, leaseExpiresAt, cancellationToken);

    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default) => inner.ReleaseClaimAsync(executionId, owner, cancellationToken);

    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) => inner.RequestCancelAsync(executionId, requestedAt, cancellationToken);

    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) => inner.DeleteFinishedAsync(finishedBefore, cancellationToken);
}
