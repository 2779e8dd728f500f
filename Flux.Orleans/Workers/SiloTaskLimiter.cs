using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Flux.Orleans;

/// <summary>
/// Bounds how many task-call bodies one silo runs at once (<see cref="FluxOrleansOptions.MaxConcurrentTaskCallsPerSilo"/>),
/// whichever worker grains the calls arrive at, and tells running bodies when the silo starts to stop so their calls can
/// be handed back and run elsewhere instead of holding the shutdown.
/// </summary>
internal sealed class SiloTaskLimiter : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();

    public SiloTaskLimiter(IOptions<FluxOrleansOptions> options)
    {
        Limit = options.Value.MaxConcurrentTaskCallsPerSilo;
        _slots = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Raised (on the caller's thread) when a call has to wait because the silo already runs <see cref="Limit"/> bodies.</summary>
    public event Action? CallQueued;

    /// <summary>How many bodies may run at once.</summary>
    public int Limit { get; }

    /// <summary>Cancelled when the silo starts to stop.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Waits for a free place; pair it with <see cref="Exit"/>.</summary>
    public async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        var entry = _slots.WaitAsync(cancellationToken);
        if (!entry.IsCompleted)
        {
            CallQueued?.Invoke();
        }

        await entry.ConfigureAwait(false);
    }

    /// <summary>Gives back the place taken by <see cref="EnterAsync"/>.</summary>
    public void Exit() => _slots.Release();

    /// <inheritdoc/>
    public void Participate(ISiloLifecycle lifecycle) =>
        // The Active stage is the first to stop: running bodies hear of it before the silo deactivates its grains.
        lifecycle.Subscribe(
            nameof(SiloTaskLimiter),
            ServiceLifecycleStage.Active,
            static _ => Task.CompletedTask,
            cancellationToken =>
            {
                _stopping.Cancel();
                return Task.CompletedTask;
            });

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Dispose();
        _slots.Dispose();
    }
}
