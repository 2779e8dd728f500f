using System;
using System.Text.Json;

namespace Flux.Orleans;

/// <summary>
/// How Flux runs on an Orleans cluster. The same options are read on silos (the task workers, the executions) and on
/// clients (the dispatcher); set them with <c>AddFlux(flux => flux.Configure(options => ...))</c>. They are validated
/// when the host starts.
/// </summary>
public sealed class FluxOrleansOptions
{
    /// <summary>
    /// How many task-call bodies one silo runs at once; further calls sent to the silo wait in line. The default is
    /// twice the number of cores, which keeps the cores busy when some bodies await I/O.
    /// </summary>
    public int MaxConcurrentTaskCallsPerSilo { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// How many task-worker grains the dispatcher spreads calls over. Slot <c>k</c> lives on the <c>k mod n</c>-th of the
    /// <c>n</c> silos, and the dispatcher sends each call to the less busy of two slots, so a slow or busy silo gets
    /// fewer. Use a multiple of the number of silos.
    /// </summary>
    public int WorkerSlots { get; set; } = 64;

    /// <summary>
    /// How many times the dispatcher sends one call before it gives up, when the silo running it goes away (stopped,
    /// killed, unreachable). A body that fails is not sent again: that is the engine's retry policy to decide.
    /// </summary>
    public int MaxDispatchAttempts { get; set; } = 10;

    /// <summary>
    /// The wait before a call is sent again after its silo went away or handed it back while stopping, doubled on each
    /// further loss (at most <see cref="MaxRedispatchDelay"/>): it gives the cluster time to notice that the silo is gone.
    /// </summary>
    public TimeSpan RedispatchDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two dispatches of one call.</summary>
    public TimeSpan MaxRedispatchDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an execution's claim holds unless its activation renews it (every third of it). Membership tells the
    /// cluster that a silo died well before that, so the lease matters for owners outside the cluster and for a silo that
    /// lost the database but not the cluster. Default 30 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = RunOptions.DefaultLeaseDuration;

    /// <summary>
    /// How often one silo looks in the store for executions left running by an owner that is gone (besides when
    /// membership reports a silo stopping or dead, and when a silo starts). Default 1 minute.
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How task arguments, task results and workflow inputs and outputs are written as JSON. Give the same options
    /// (with the same <see cref="JsonSerializerOptions.TypeInfoResolver"/>) to every silo and client.
    /// </summary>
    public JsonSerializerOptions Json { get; set; } = JsonSerializerOptions.Default;
}
