using System.Text.Json;

namespace Flux;

/// <summary>
/// How one workflow run is set up; every member is optional. A host keeps one as a template and sets
/// <see cref="ExecutionId"/> per run (<c>options with { ExecutionId = id }</c>).
/// </summary>
public sealed record RunOptions
{
    /// <summary>The lease a durable run's owner holds unless it renews it, when <see cref="LeaseDuration"/> is not set.</summary>
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(30);

    /// <summary>The defaults: a new execution id, the system clock and the default <see cref="Cache"/>; transient (no store).</summary>
    public static RunOptions Default { get; } = new() { Cache = new TaskCache() };

    /// <summary>The execution id; a new one when null.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The clock for event times, retry delays, timeouts, leases and <see cref="Workflow.Sleep"/>; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Where the run's tasks with <see cref="TaskOptions.Cache"/> keep their results. Null means the cache of
    /// <see cref="Default"/>, one instance for the process, which tasks called outside a workflow use too; a host
    /// or a test that wants its own scope (and its own <see cref="TaskCache.Clear()"/>) passes its own instance.
    /// </summary>
    public TaskCache? Cache { get; init; }

    /// <summary>
    /// Where the execution's log is kept. Null (the default) runs it transiently: the log lives in the
    /// <see cref="ExecutionContext"/> only and nothing is serialized. With a store the run is durable: every event is
    /// stored, a call's completion is committed before the workflow sees its result, and the execution can be resumed
    /// (<see cref="WorkflowHandle{TInput, TOutput}.ResumeAsync(string, RunOptions?, CancellationToken)"/>) after a pause
    /// or a crash, by this process or another.
    /// </summary>
    public IExecutionStore? Store { get; init; }

    /// <summary>
    /// The JSON options a durable run writes and reads its values with (inputs, outputs, arguments, results, resume
    /// values), and a <see cref="TaskDispatcher"/> sends arguments and results with. Give it your
    /// <c>JsonSerializerContext</c> (<c>AppJson.Default.Options</c>) for reflection-free serialization, as NativeAOT
    /// needs; a type it has no metadata for fails the run with a <see cref="PayloadSerializationException"/> naming the
    /// task and the type. When null, a durable run uses reflection-based JSON if the application allows it, and is
    /// refused otherwise.
    /// </summary>
    public JsonSerializerOptions? Json { get; init; }

    /// <summary>
    /// Who runs a durable execution: the owner its claim is made for. Null means this process
    /// (<see cref="ExecutionOwner.Current"/>: machine, process id and start time), which lets a resumer on the same
    /// machine tell that a crashed owner is gone without waiting for its lease.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>How long a durable run's claim holds unless renewed (it is renewed every third of it while the run goes on); <see cref="DefaultLeaseDuration"/> when null.</summary>
    public TimeSpan? LeaseDuration { get; init; }

    /// <summary>Sees every event the run records and the progress of its Maps and Parallels; null (the default) costs nothing.</summary>
    public IExecutionObserver? Observer { get; init; }

    /// <summary>
    /// Runs the attempts of the run's task bodies elsewhere (for example on a cluster's workers); null runs them here.
    /// Needs <see cref="Json"/> (or reflection-based JSON) to send arguments and results.
    /// </summary>
    public ITaskDispatcher? TaskDispatcher { get; init; }

    /// <summary>The cache a run with these options uses.</summary>
    internal TaskCache EffectiveCache => Cache ?? Default.Cache!;

    /// <summary>The clock a run with these options uses.</summary>
    internal TimeProvider Clock => TimeProvider ?? System.TimeProvider.System;

    /// <summary>The owner a durable run with these options claims for.</summary>
    internal string EffectiveOwner => Owner ?? ExecutionOwner.Current;

    /// <summary>The lease a durable run with these options holds.</summary>
    internal TimeSpan EffectiveLease => LeaseDuration ?? DefaultLeaseDuration;

    /// <summary>The parent of a child workflow's run: its execution id and the id of the call that started it.</summary>
    internal (string ExecutionId, string CallId)? Parent { get; init; }

    /// <summary>
    /// The JSON options a run with these options serializes with; null when it needs none (transient and not
    /// dispatched). Throws when it needs them and has none.
    /// </summary>
    internal JsonSerializerOptions? ResolveJson(string workflowName)
    {
        if (Json is not null)
        {
            return Json;
        }

        if (Store is null && TaskDispatcher is null)
        {
            return null;
        }

        if (JsonSerializer.IsReflectionEnabledByDefault)
        {
            return PayloadJson.ReflectionDefault;
        }

        throw new InvalidOperationException(
            $"Workflow '{WorkflowNameFor(workflowName)}' runs durably (RunOptions.Store{(TaskDispatcher is null ? "" : " or RunOptions.TaskDispatcher")} is set) but RunOptions.Json is null and reflection-based JSON is disabled: " +
            "set RunOptions.Json to your JsonSerializerContext's options (AppJson.Default.Options), with [JsonSerializable] for the workflow's input and output and every task's parameters and result.");
    }

    private static string WorkflowNameFor(string name) => name;
}
