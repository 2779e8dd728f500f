using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Flux;

/// <summary>
/// The traces and metrics of Flux: an <see cref="ActivitySource"/> and a <see cref="Meter"/>, both named
/// <see cref="Name"/> (<c>"Flux"</c>). With OpenTelemetry, <c>AddSource("Flux")</c> and <c>AddMeter("Flux")</c> collect them.
/// </summary>
/// <remarks>
/// <para>
/// Spans: one per pass of an execution (<c>workflow {name}</c>; a resumed execution gets one per run), a child of the
/// caller's span (<see cref="Activity.Current"/> where <c>RunAsync</c>/<c>StartAsync</c> was called); and one per task
/// call that runs (<c>task {name}</c>), a child of the span of the call or execution it was made in, and the current
/// activity while its body runs (so an HTTP call in a task is a child of the task's span). A replayed call is not run and
/// has no span. Tags: <see cref="WorkflowTag"/>, <see cref="ExecutionIdTag"/>, <see cref="TaskTag"/>,
/// <see cref="CallIdTag"/>, <see cref="AttemptTag"/>, <see cref="OutcomeTag"/>. A failure is recorded on its span as an
/// exception event and an error status. No argument, input, result or output value is put on a span.
/// </para>
/// <para>
/// Metrics: <c>flux.executions</c> and <c>flux.task.calls</c> (counters by workflow or task, and outcome),
/// <c>flux.execution.duration</c> and <c>flux.task.duration</c> (histograms, seconds, on the execution's clock).
/// Execution and call ids are not metric tags (there are too many of them).
/// </para>
/// <para>
/// Nothing is paid when nobody listens: an execution checks once, when its run starts, whether the source has a listener
/// or an instrument is enabled; if not, its calls do nothing more than test one field. Listeners attached while an
/// execution runs see its next runs, not the rest of this one.
/// </para>
/// </remarks>
public static class FluxTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: <c>"Flux"</c>.</summary>
    public const string Name = "Flux";

    /// <summary>The span tag and metric tag of the workflow's name.</summary>
    public const string WorkflowTag = "flux.workflow";

    /// <summary>The span tag of the execution's id.</summary>
    public const string ExecutionIdTag = "flux.execution.id";

    /// <summary>The span tag and metric tag of the task's name.</summary>
    public const string TaskTag = "flux.task";

    /// <summary>The span tag of the call's id (see <see cref="TaskCallId"/>).</summary>
    public const string CallIdTag = "flux.call.id";

    /// <summary>The span tag of how many attempts a call made (1 unless it was retried).</summary>
    public const string AttemptTag = "flux.attempt";

    /// <summary>The span tag and metric tag of how an execution's run or a call ended: <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>, <c>paused</c> or <c>interrupted</c>.</summary>
    public const string OutcomeTag = "flux.outcome";

    private static readonly string? s_version = typeof(FluxTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The source of Flux's spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, s_version);

    /// <summary>The meter of Flux's metrics.</summary>
    public static Meter Meter { get; } = new(Name, s_version);

    internal static Counter<long> Executions { get; } =
        Meter.CreateCounter<long>("flux.executions", "{execution}", "Runs of executions that ended, by workflow and outcome.");

    internal static Counter<long> Calls { get; } =
        Meter.CreateCounter<long>("flux.task.calls", "{call}", "Task calls that ended, by task and outcome.");

    internal static Histogram<double> ExecutionDuration { get; } =
        Meter.CreateHistogram<double>("flux.execution.duration", "s", "How long a run of an execution took, by workflow and outcome.");

    internal static Histogram<double> CallDuration { get; } =
        Meter.CreateHistogram<double>("flux.task.duration", "s", "How long a task call took, retries included, by task and outcome.");

    /// <summary>The outcome tag of a state.</summary>
    internal static string OutcomeOf(ExecutionState state) => state switch
    {
        ExecutionState.Succeeded => "succeeded",
        ExecutionState.Failed => "failed",
        ExecutionState.Cancelled => "cancelled",
        ExecutionState.Paused => "paused",
        _ => "interrupted",
    };
}
