namespace Flux.Durable.Tests.Support;

/// <summary>A store whose first append after <see cref="HoldNextAppend"/> waits for the test, and that counts appends: for pinning group commit.</summary>
internal sealed class GatedStore(IExecutionStore inner) : IExecutionStore
{
    private TaskCompletionSource? _hold;
    private TaskCompletionSource? _held;
    private int _appends;
    private int _events;

    public int Appends => Volatile.Read(ref _appends);

    public int AppendedEvents => Volatile.Read(ref _events);

    /// <summary>The next append waits until <see cref="Release"/>; the returned task completes once it waits.</summary>
    public Task HoldNextAppend()
    {
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _held.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Release() => _hold?.TrySetResult();

    public async ValueTask AppendAsync(string executionId, IReadOnlyList<StoredEvent> events, ExecutionUpdate? update = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _appends);
        Interlocked.Add(ref _events, events.Count);
        if (Interlocked.Exchange(ref _held, null) is { } held)
        {
            held.TrySetResult();
            await _hold!.Task.ConfigureAwait(false);
        }

        await inner.AppendAsync(executionId, events, update, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask CreateAsync(ExecutionRecord execution, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken = default) => inner.CreateAsync(execution, events, cancellationToken);

    public ValueTask<ExecutionRecord?> GetAsync(string executionId, CancellationToken cancellationToken = default) => inner.GetAsync(executionId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string executionId, long afterSequence = 0, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(executionId, afterSequence, cancellationToken);

    public ValueTask<ExecutionPage> QueryAsync(ExecutionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

    public ValueTask<ExecutionRecord?> TryClaimAsync(string executionId, long expectedVersion, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default) => inner.TryClaimAsync(executionId, expectedVersion, owner, leaseExpiresAt, cancellationToken);

    private TaskCompletionSource _renewed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next lease renewal has been stored.</summary>
    public Task NextRenewal() => (_renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask<ExecutionRecord?> RenewClaimAsync(string executionId, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken = default)
    {
        var record = await inner.RenewClaimAsync(executionId, owner, leaseExpiresAt, cancellationToken).ConfigureAwait(false);
        _renewed.TrySetResult();
        return record;
    }

    public ValueTask ReleaseClaimAsync(string executionId, string owner, CancellationToken cancellationToken = default) => inner.ReleaseClaimAsync(executionId, owner, cancellationToken);

    public ValueTask<bool> RequestCancelAsync(string executionId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) => inner.RequestCancelAsync(executionId, requestedAt, cancellationToken);

    public ValueTask<int> DeleteFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default) => inner.DeleteFinishedAsync(finishedBefore, cancellationToken);
}
