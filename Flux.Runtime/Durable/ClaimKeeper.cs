namespace Flux;

/// <summary>
/// Holds a durable execution's claim while it runs: renews the lease every third of its duration on the execution's
/// clock, notices a cancel request made from another process (<see cref="IExecutionStore.RequestCancelAsync"/>) at each
/// renewal, and notices that the claim was lost (the lease expired and another owner claimed it). Releases the claim
/// when the run ends.
/// </summary>
internal sealed class ClaimKeeper : IDisposable
{
    private readonly IExecutionStore _store;
    private readonly string _executionId;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lease;
    private readonly Action _cancelRequested;
    private readonly Action<Exception> _lost;
    private ITimer? _timer;
    private int _renewing;
    private bool _stopped;

    public ClaimKeeper(IExecutionStore store, string executionId, string owner, TimeProvider clock, TimeSpan lease, Action cancelRequested, Action<Exception> lost)
    {
        _store = store;
        _executionId = executionId;
        Owner = owner;
        _clock = clock;
        _lease = lease;
        _cancelRequested = cancelRequested;
        _lost = lost;
    }

    public string Owner { get; }

    /// <summary>When a lease taken now expires.</summary>
    public DateTimeOffset LeaseFromNow() => _clock.GetUtcNow() + _lease;

    /// <summary>Starts renewing the lease.</summary>
    public void Start()
    {
        var period = TimeSpan.FromTicks(Math.Max(_lease.Ticks / 3, TimeSpan.TicksPerMillisecond));
        _timer = _clock.CreateTimer(static state => ((ClaimKeeper)state!).Renew(), this, period, period);
    }

    private void Renew()
    {
        if (Volatile.Read(ref _stopped) || Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        _ = RenewAsync();
    }

    private async Task RenewAsync()
    {
        try
        {
            var record = await _store.RenewClaimAsync(_executionId, Owner, LeaseFromNow()).ConfigureAwait(false);
            if (Volatile.Read(ref _stopped))
            {
                return;
            }

            if (record is null)
            {
                _lost(ExecutionClaimException.Lost(_executionId, Owner));
            }
            else if (record.CancelRequestedAt is not null)
            {
                _cancelRequested();
            }
        }
        catch (Exception)
        {
            // The store could not be reached this time: the next renewal tries again, well before the lease expires.
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    /// <summary>Stops renewing and gives the claim up.</summary>
    public async ValueTask ReleaseAsync()
    {
        Dispose();
        try
        {
            await _store.ReleaseClaimAsync(_executionId, Owner).ConfigureAwait(false);
        }
        catch (ExecutionStoreException)
        {
            // Nothing to give up (the execution is gone, or the claim was lost already).
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _stopped, true);
        _timer?.Dispose();
    }
}
