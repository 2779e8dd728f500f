using System;
using Orleans;

namespace Flux.Orleans;

/// <summary>What became of one task call on a worker.</summary>
[GenerateSerializer, Alias("flux.TaskCallOutcomeKind")]
internal enum TaskCallOutcomeKind
{
    /// <summary>The body returned; <see cref="TaskCallOutcome.ResultJson"/> holds its result.</summary>
    Completed,

    /// <summary>The body threw; <see cref="TaskCallOutcome.Failure"/> describes the exception.</summary>
    Failed,

    /// <summary>The caller cancelled the call while the body ran or waited for its turn.</summary>
    Cancelled,

    /// <summary>The worker's silo is stopping: the body did not finish and the call should run elsewhere.</summary>
    Abandoned,

    /// <summary>The silo cannot run the call (unknown task, arguments that do not fit); sending it again will not help.</summary>
    Rejected,
}

/// <summary>
/// The reply of a task worker. Whatever the body does comes back as data, so an exception from the grain call itself
/// always means the call was lost on the way (a silo went away), never that the task failed.
/// </summary>
/// <param name="Kind">What became of the call.</param>
/// <param name="ResultJson">The result as UTF-8 JSON when <paramref name="Kind"/> is <see cref="TaskCallOutcomeKind.Completed"/>.</param>
/// <param name="Failure">The body's exception when <paramref name="Kind"/> is <see cref="TaskCallOutcomeKind.Failed"/>.</param>
/// <param name="Message">Why a call was rejected, abandoned or cancelled.</param>
/// <param name="Silo">The silo that handled the call.</param>
[GenerateSerializer, Immutable, Alias("flux.TaskCallOutcome")]
internal sealed record TaskCallOutcome(
    [property: Id(0)] TaskCallOutcomeKind Kind,
    [property: Id(1)] ReadOnlyMemory<byte> ResultJson,
    [property: Id(2)] TaskFailureInfo? Failure,
    [property: Id(3)] string? Message,
    [property: Id(4)] string Silo)
{
    /// <summary>The caller cancelled the call while the body ran or waited for its turn on <paramref name="silo"/>.</summary>
    public static TaskCallOutcome Cancelled(string silo) => new(TaskCallOutcomeKind.Cancelled, default, null, "The caller cancelled the call.", silo);

    /// <summary><paramref name="silo"/> is stopping: the body did not finish and the call should run elsewhere.</summary>
    public static TaskCallOutcome Abandoned(string silo) => new(TaskCallOutcomeKind.Abandoned, default, null, $"Silo {silo} is stopping.", silo);
}
