using System.Threading;
using System.Threading.Tasks;
using Orleans;

namespace Flux.Orleans;

/// <summary>
/// Runs task-call bodies on the silo it lives on. Keyed by a slot number: the dispatcher spreads calls over
/// <see cref="FluxOrleansOptions.WorkerSlots"/> of them, and Orleans places the slots over the silos.
/// </summary>
[Alias("flux.ITaskWorkerGrain")]
internal interface ITaskWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Runs one call's body and reports what became of it; the body's own failure is part of the reply, not an exception.</summary>
    [Alias("run")]
    Task<TaskCallOutcome> RunAsync(TaskCallRequest request, CancellationToken cancellationToken);
}
