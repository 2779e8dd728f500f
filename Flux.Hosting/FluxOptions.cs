using System.Text.Json;

namespace Flux;

/// <summary>
/// The settings of Flux in a host (<c>services.AddFlux(f => f.Configure(o => ...))</c>). They are validated when the
/// host starts: a bad value stops it with a message that names the setting.
/// </summary>
public sealed class FluxOptions
{
    /// <summary>
    /// The JSON options executions write and read their values with: your <c>JsonSerializerContext</c>'s options
    /// (<c>AppJson.Default.Options</c>). When null, each workflow uses its catalog's JSON options, or reflection-based
    /// JSON where the application allows it.
    /// </summary>
    public JsonSerializerOptions? Json { get; set; }

    /// <summary>The owner id this host claims executions for; null for this process (<see cref="ExecutionOwner.Current"/>).</summary>
    public string? Owner { get; set; }

    /// <summary>How long this host's claim on an execution holds unless renewed (renewed every third of it while the execution runs).</summary>
    public TimeSpan LeaseDuration { get; set; } = RunOptions.DefaultLeaseDuration;

    /// <summary>True (the default) to resume, when the host starts, the executions a crash left Running (their owner is gone).</summary>
    public bool RecoverOnStart { get; set; } = true;

    /// <summary>
    /// How often the host looks for executions to take over while it runs: those whose <c>Workflow.Sleep</c> timer is
    /// due and whose owner is gone, and those whose owner's lease expired. Null turns the periodic sweep off.
    /// </summary>
    public TimeSpan? SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many executions one query of a sweep reads (1 to 1000).</summary>
    public int SweepBatchSize { get; set; } = 100;

    /// <summary>
    /// True to put argument, input, result, output and resume values in log messages. False by default: they may hold
    /// secrets, and a log is read by more people than the store is.
    /// </summary>
    public bool LogValues { get; set; }

    /// <summary>
    /// How long stopping the host waits for the executions this host runs before it lets them go (they are resumed by
    /// the next host that starts). The host's own shutdown timeout still applies.
    /// </summary>
    public TimeSpan ShutdownWait { get; set; } = TimeSpan.FromSeconds(10);
}
