namespace Flux;

/// <summary>The untyped view of a workflow, for hosts and catalogs that run workflows by name.</summary>
public abstract class WorkflowHandle
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

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// A workflow from <typeparamref name="TInput"/> to <typeparamref name="TOutput"/>. The generator creates one per
/// <c>[Workflow]</c> method, as the <c>{Method}Workflow</c> property.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public sealed class WorkflowHandle<TInput, TOutput> : WorkflowHandle
{
    private readonly Func<ExecutionContext<TInput>, ValueTask<TOutput>> _body;
    private readonly bool _acceptsNullInput;

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

    /// <inheritdoc cref="RunAsync(TInput, CancellationToken)"/>
    public async Task<ExecutionContext<TInput, TOutput>> RunAsync(TInput input, RunOptions? options, CancellationToken cancellationToken = default)
    {
        if (input is null && !_acceptsNullInput)
        {
            throw new ArgumentNullException(nameof(input), $"Workflow '{Name}' takes a non-null {typeof(TInput).Name} input; pass a value.");
        }

        options ??= RunOptions.Default;
        var context = new ExecutionContext<TInput, TOutput>(
            Name, options.ExecutionId ?? Guid.NewGuid().ToString("N"), options.TimeProvider ?? TimeProvider.System, options.EffectiveCache, input);
        await context.RunAsync(_body, cancellationToken).ConfigureAwait(false);
        return context;
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
}
