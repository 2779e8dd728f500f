using System.Text.Json;

namespace Flux;

/// <summary>
/// A workflow from <typeparamref name="TInput"/> to <typeparamref name="TOutput"/>. The generator creates one per
/// <c>[Workflow]</c> method, as the <c>{Method}Workflow</c> property.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public sealed partial class WorkflowHandle<TInput, TOutput> : WorkflowHandle
{
    private readonly Func<ExecutionContext<TInput>, ValueTask<TOutput>> _body;
    private readonly bool _acceptsNullInput;
    private ChildWorkflowTask<TInput, TOutput>? _child;

    /// <summary>Creates a handle over a workflow body.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="body">The workflow body.</param>
    /// <param name="acceptsNullInput">False when the input type is a non-nullable reference type: a null input is then rejected before anything runs.</param>
    /// <param name="diagram">The Mermaid diagram of the workflow's graph, when known at build time.</param>
    public WorkflowHandle(string name, Func<ExecutionContext<TInput>, ValueTask<TOutput>> body, bool acceptsNullInput = true, string? diagram = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body;
        _acceptsNullInput = acceptsNullInput;
        Diagram = diagram;
    }

    /// <inheritdoc/>
    public override Type InputType => typeof(TInput);

    /// <inheritdoc/>
    public override Type OutputType => typeof(TOutput);

    /// <summary>
    /// Runs the workflow and returns the finished execution. It does not throw when the workflow fails: the
    /// execution's <see cref="ExecutionContext.HasFailed"/> and <see cref="ExecutionContext.Error"/> say so.
    /// </summary>
    /// <exception cref="ArgumentNullException">The input is null and the workflow does not accept null.</exception>
    public Task<ExecutionContext<TInput, TOutput>> RunAsync(TInput input, CancellationToken cancellationToken = default) =>
        RunAsync(input, null, cancellationToken);

    /// <summary>
    /// Runs the workflow with <paramref name="options"/> and returns the finished (or paused) execution. It does not
    /// throw when the workflow fails: the execution's <see cref="ExecutionContext.HasFailed"/> and
    /// <see cref="ExecutionContext.Error"/> say so. With <see cref="RunOptions.Store"/> the run is durable: the
    /// execution is created in the store (claimed by <see cref="RunOptions.Owner"/>), every event is stored, and it can
    /// be resumed after a pause or a crash.
    /// </summary>
    /// <exception cref="ArgumentNullException">The input is null and the workflow does not accept null.</exception>
    /// <exception cref="ExecutionAlreadyExistsException">The store already has an execution with <see cref="RunOptions.ExecutionId"/>.</exception>
    /// <exception cref="PayloadSerializationException">The JSON options cannot serialize the workflow's input or output.</exception>
    /// <exception cref="ExecutionStoreException">The store failed, so the run's outcome is not stored (it can be resumed from what was).</exception>
    public async Task<ExecutionContext<TInput, TOutput>> RunAsync(TInput input, RunOptions? options, CancellationToken cancellationToken = default)
    {
        CheckInput(input);
        options ??= RunOptions.Default;
        if (options.Store is null && options.TaskDispatcher is null && options.Observer is null && options.Parent is null)
        {
            var context = new ExecutionContext<TInput, TOutput>(
                Name, options.ExecutionId ?? Guid.NewGuid().ToString("N"), options.Clock, options.EffectiveCache, input);
            await context.RunAsync(_body, cancellationToken).ConfigureAwait(false);
            return context;
        }

        var started = await StartAsync(input, options, cancellationToken, cancellationToken).ConfigureAwait(false);
        await started.RunPassAsync(_body, cancellationToken).ConfigureAwait(false);
        return started;
    }

    /// <summary>Runs the workflow and returns its output, or throws <see cref="WorkflowFailedException"/> if it failed.</summary>
    public async Task<TOutput> RunOrThrowAsync(TInput input, CancellationToken cancellationToken = default)
    {
        var context = await RunAsync(input, null, cancellationToken).ConfigureAwait(false);
        return context.GetOutputOrThrow();
    }

    /// <inheritdoc/>
    public override async Task<ExecutionContext> RunUntypedAsync(object? input, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (input is not TInput typed && !(input is null && default(TInput) is null))
        {
            throw new ArgumentException(
                $"Workflow '{Name}' takes a {typeof(TInput).Name} input, but was given {(input is null ? "null" : input.GetType().Name)}.", nameof(input));
        }

        return await RunAsync((TInput)input!, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task<ExecutionContext> RunJsonAsync(JsonElement? input, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        await RunAsync(ReadInput(input, options ?? RunOptions.Default), options, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Resumes a durable execution of this workflow kept in <see cref="RunOptions.Store"/>, without a value for its pause.
    /// Its recorded calls are replayed by id without running (completed ones return their values, failed ones throw
    /// their failures again), and the workflow continues with new calls. A finished execution is returned as it is and
    /// nothing runs. A paused one is claimed and continues (its pause returns <c>default</c>). One left running by a
    /// crash (its owner's lease expired, or its owner process on this machine is gone) is claimed and continues; the
    /// calls that had started and not finished run again.
    /// </summary>
    /// <exception cref="ExecutionNotFoundException">The store has no execution with this id.</exception>
    /// <exception cref="ExecutionClaimException">Its owner is alive and runs it, or another resumer claimed it first.</exception>
    /// <exception cref="ArgumentException">The execution is of another workflow.</exception>
    public Task<ExecutionContext<TInput, TOutput>> ResumeAsync(string executionId, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        ResumeCoreAsync(executionId, ResumeValue.None, options, cancellationToken);

    /// <summary>
    /// Resumes a durable execution of this workflow (see <see cref="ResumeAsync(string, RunOptions?, CancellationToken)"/>)
    /// and hands <paramref name="value"/> to the pause it waits at: <c>Workflow.Pause&lt;T&gt;(name)</c> returns it (in
    /// this process the object itself; the log keeps its JSON).
    /// </summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="value">The value for the pause: an object of the pause's type <c>T</c>, a <see cref="JsonElement"/> of it, or null for none.</param>
    /// <param name="options">The run's options (<see cref="RunOptions.Store"/> is required).</param>
    /// <param name="cancellationToken">Cancels the resumed run.</param>
    public Task<ExecutionContext<TInput, TOutput>> ResumeAsync(string executionId, object? value, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        ResumeCoreAsync(executionId, value is null ? ResumeValue.None : ResumeValue.Of(value), options, cancellationToken);

    /// <summary>
    /// Resumes an execution paused in this process. A transient one (run without a store) continues on the same
    /// <see cref="ExecutionContext"/>, replaying its own log; a durable one is resumed from its store.
    /// </summary>
    /// <exception cref="InvalidOperationException">The execution is not paused.</exception>
    public Task<ExecutionContext<TInput, TOutput>> ResumeAsync(ExecutionContext<TInput, TOutput> paused, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        ResumeContextAsync(paused, ResumeValue.None, options, cancellationToken);

    /// <summary>Resumes an execution paused in this process (see <see cref="ResumeAsync(ExecutionContext{TInput, TOutput}, RunOptions?, CancellationToken)"/>), handing <paramref name="value"/> to its pause.</summary>
    public Task<ExecutionContext<TInput, TOutput>> ResumeAsync(ExecutionContext<TInput, TOutput> paused, object? value, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        ResumeContextAsync(paused, value is null ? ResumeValue.None : ResumeValue.Of(value), options, cancellationToken);

    /// <inheritdoc/>
    public override async Task<ExecutionContext> ResumeUntypedAsync(string executionId, object? value = null, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        await ResumeCoreAsync(executionId, value is null ? ResumeValue.None : ResumeValue.Of(value), options, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A call of this workflow as a child of the running one: a lazy <see cref="TaskCall{TResult}"/> (await it, or hand
    /// it to a pattern). The child is an execution of its own, whose id derives from the parent call's id
    /// (<c>{parent execution id}-{hash of the call id}</c>); the parent records one call, <c>call:{workflow}</c>, and
    /// replays its result on resume. A child failure fails that call; a child that pauses pauses the parent, and
    /// resuming the parent resumes the child with the same value. Outside a workflow, the child runs as a workflow of its own.
    /// </summary>
    public TaskCall<TOutput> Call(TInput input)
    {
        CheckInput(input);
        return (_child ??= new ChildWorkflowTask<TInput, TOutput>(this)).Call(input);
    }

    /// <summary>Runs this workflow as a child of the running one and returns its output (see <see cref="Call"/>).</summary>
    public Task<TOutput> CallAsync(TInput input, CancellationToken cancellationToken = default) =>
        Call(input).RunAsync(cancellationToken).AsTask();

    private void CheckInput(TInput input)
    {
        if (input is null && !_acceptsNullInput)
        {
            throw new ArgumentNullException(nameof(input), $"Workflow '{Name}' takes a non-null {typeof(TInput).Name} input; pass a value.");
        }
    }

    private TInput ReadInput(JsonElement? input, RunOptions options)
    {
        if (input is not { } json || json.ValueKind == JsonValueKind.Undefined)
        {
            return default!;
        }

        var jsonOptions = options.Json ?? PayloadJson.ReflectionDefault;
        var info = PayloadJson.TypeInfo<TInput>(jsonOptions, () => $"Workflow '{Name}' takes as input");
        try
        {
            return json.Deserialize(info)!;
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            throw new ArgumentException($"Workflow '{Name}' takes a {TypeNames.Of(typeof(TInput))} input, which cannot be read from the JSON given: {error.Message}", nameof(input), error);
        }
    }
}
