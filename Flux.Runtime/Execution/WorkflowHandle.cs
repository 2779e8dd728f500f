using System.Text.Json;

namespace Flux;

/// <summary>The untyped view of a workflow, for hosts and catalogs that run workflows by name.</summary>
public abstract partial class WorkflowHandle
{
    private protected WorkflowHandle(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The workflow's name.</summary>
    public string Name { get; }

    /// <summary>The workflow's input type.</summary>
    public abstract Type InputType { get; }

    /// <summary>The workflow's output type.</summary>
    public abstract Type OutputType { get; }

    /// <summary>
    /// The Mermaid diagram of the workflow's graph, written by the generator at build time when the graph is
    /// known there (a declarative graph, or a fluent graph with constant names); null otherwise.
    /// </summary>
    public string? Diagram { get; private protected init; }

    /// <summary>Runs the workflow with an untyped input and returns the finished execution.</summary>
    /// <exception cref="ArgumentException">The input is not a <see cref="InputType"/>.</exception>
    public abstract Task<ExecutionContext> RunUntypedAsync(object? input, RunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the workflow with its input given as JSON (read with <see cref="RunOptions.Json"/>) and returns the finished
    /// (or paused) execution.
    /// </summary>
    /// <exception cref="ArgumentException">The JSON does not fit <see cref="InputType"/>.</exception>
    public abstract Task<ExecutionContext> RunJsonAsync(JsonElement? input, RunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes a durable execution of this workflow from its store (<see cref="RunOptions.Store"/>), as
    /// <see cref="WorkflowHandle{TInput, TOutput}.ResumeAsync(string, RunOptions?, CancellationToken)"/> does, with an
    /// untyped resume value for its pause: the object itself, a <see cref="JsonElement"/>, or null for none.
    /// </summary>
    public abstract Task<ExecutionContext> ResumeUntypedAsync(string executionId, object? value = null, RunOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels an execution kept in <see cref="RunOptions.Store"/>. One that runs in this process is cancelled at once
    /// (its running calls are cancelled, their rollbacks run, and it ends Cancelled); a paused one is recorded as
    /// cancelled; one that runs in another process is asked to cancel (<see cref="IExecutionStore.RequestCancelAsync"/>),
    /// which its owner sees at its next lease renewal.
    /// </summary>
    /// <returns>True when the execution was cancelled or asked to cancel; false when it does not exist or has finished.</returns>
    public Task<bool> CancelAsync(string executionId, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionId);
        ArgumentNullException.ThrowIfNull(options);
        var store = options.Store
            ?? throw new InvalidOperationException($"CancelAsync needs RunOptions.Store: the store that keeps execution '{executionId}' of workflow '{Name}'.");
        return ExecutionControl.CancelAsync(store, executionId, options, cancellationToken);
    }

    /// <summary>Starts a durable run from a JSON input: returns once the execution is stored, with the pass still to run.</summary>
    internal abstract Task<PreparedRun> StartJsonAsync(JsonElement? input, RunOptions options, CancellationToken runToken, CancellationToken cancellationToken);

    /// <summary>Loads and claims a durable execution to resume it, with a JSON resume value: returns the pass to run, or none for a finished execution.</summary>
    internal abstract Task<PreparedRun> PrepareResumeJsonAsync(string executionId, JsonElement? value, RunOptions options, CancellationToken runToken, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>An execution ready for its next pass: <see cref="RunAsync"/> runs it (null when it has finished and nothing runs).</summary>
internal sealed record PreparedRun(ExecutionContext Context, Func<Task>? RunAsync);
