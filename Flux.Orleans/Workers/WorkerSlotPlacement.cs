using System;
using System.Threading.Tasks;
using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Flux.Orleans;

/// <summary>
/// Places worker slot <c>k</c> on the <c>k mod n</c>-th of the <c>n</c> active silos (in address order), so the slots
/// are spread exactly evenly whatever else runs on the silos. Orleans' own strategies do not do that for a few dozen
/// grains on a small cluster: activation-count placement places everything locally until the silos' load statistics
/// arrive (and then counts every grain of every type), resource-optimized placement follows memory and CPU figures that
/// silos sharing a machine report alike, and random placement leaves the usual random spread.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("flux.WorkerSlotPlacement")]
internal sealed class WorkerSlotPlacement : PlacementStrategy
{
    internal static readonly WorkerSlotPlacement Instance = new();
}

/// <summary>Puts a grain class under <see cref="WorkerSlotPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class WorkerSlotPlacementAttribute : PlacementAttribute
{
    public WorkerSlotPlacementAttribute()
        : base(WorkerSlotPlacement.Instance)
    {
    }
}

/// <summary>Chooses the silo of a new worker-slot activation; see <see cref="WorkerSlotPlacement"/>.</summary>
internal sealed class WorkerSlotPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        Array.Sort(silos, static (left, right) => string.CompareOrdinal(left.ToParsableString(), right.ToParsableString()));
        var slot = target.GrainIdentity.GetIntegerKey();
        return Task.FromResult(silos[(int)((ulong)slot % (ulong)silos.Length)]);
    }
}
