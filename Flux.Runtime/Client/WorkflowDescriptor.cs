using System.Text.Json;

namespace Flux;

/// <summary>
/// A workflow as a host knows it: its name, input and output types, diagram, and how to get its handle, for a static
/// workflow (one handle) or an instance workflow (a handle per instance of its class, see <see cref="Bind"/>). The
/// generated catalog lists one per workflow; <see cref="From(IEnumerable{WorkflowHandle}, JsonSerializerOptions?)"/>
/// makes them from handles (<c>FluxCatalog.Workflows</c>).
/// </summary>
public sealed class WorkflowDescriptor
{
    private readonly Func<object?, WorkflowHandle> _bind;

    /// <summary>Describes a workflow.</summary>
    /// <param name="name">The workflow's name.</param>
    /// <param name="inputType">Its input type.</param>
    /// <param name="outputType">Its output type.</param>
    /// <param name="bind">Gives the workflow's handle: for an instance workflow, the handle of the instance it is given; for a static one, the one handle (the argument is ignored).</param>
    /// <param name="declaringType">The class that declares an instance workflow; null for a static workflow.</param>
    /// <param name="diagram">The Mermaid diagram of the workflow's graph, when known at build time.</param>
    public WorkflowDescriptor(string name, Type inputType, Type outputType, Func<object?, WorkflowHandle> bind, Type? declaringType = null, string? diagram = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(inputType);
        ArgumentNullException.ThrowIfNull(outputType);
        ArgumentNullException.ThrowIfNull(bind);
        Name = name;
        InputType = inputType;
        OutputType = outputType;
        _bind = bind;
        DeclaringType = declaringType;
        Diagram = diagram;
    }

    /// <summary>The workflow's name.</summary>
    public string Name { get; }

    /// <summary>Its input type.</summary>
    public Type InputType { get; }

    /// <summary>Its output type.</summary>
    public Type OutputType { get; }

    /// <summary>The Mermaid diagram of its graph, when known at build time.</summary>
    public string? Diagram { get; }

    /// <summary>The class that declares an instance workflow; null for a static workflow.</summary>
    public Type? DeclaringType { get; }

    /// <summary>True for a workflow that runs on an instance of <see cref="DeclaringType"/>.</summary>
    public bool IsInstanceWorkflow => DeclaringType is not null;

    /// <summary>
    /// The JSON options of the catalog that declares the workflow (its assembly's <see cref="FluxJsonContextAttribute"/>),
    /// which a <see cref="FluxClient"/> uses when its <see cref="RunOptions.Json"/> is not set; null when none is known.
    /// </summary>
    public JsonSerializerOptions? Json { get; init; }

    /// <summary>The workflow's handle: of <paramref name="instance"/> for an instance workflow; the one handle of a static workflow.</summary>
    /// <exception cref="ArgumentException">An instance workflow was given no instance, or one of another class.</exception>
    public WorkflowHandle Bind(object? instance = null)
    {
        if (DeclaringType is { } type && !type.IsInstanceOfType(instance))
        {
            throw new ArgumentException(
                $"Workflow '{Name}' runs on an instance of {type.Name}, but was given {(instance is null ? "none" : $"a {instance.GetType().Name}")}: " +
                "pass the instance (a host gives one per execution through its WorkflowActivator).",
                nameof(instance));
        }

        return _bind(instance);
    }

    /// <summary>Describes a static workflow by its handle.</summary>
    /// <param name="handle">The workflow's handle.</param>
    /// <param name="json">The JSON options of the assembly that declares it, if known.</param>
    public static WorkflowDescriptor For(WorkflowHandle handle, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return new WorkflowDescriptor(handle.Name, handle.InputType, handle.OutputType, _ => handle, null, handle.Diagram) { Json = json };
    }

    /// <summary>Describes static workflows by their handles, such as a generated catalog's <c>FluxCatalog.Workflows</c>.</summary>
    public static IReadOnlyList<WorkflowDescriptor> From(IEnumerable<WorkflowHandle> handles, JsonSerializerOptions? json = null)
    {
        ArgumentNullException.ThrowIfNull(handles);
        return handles.Select(handle => For(handle, json)).ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// Gives the instance an instance workflow runs on, for one execution (a host makes a DI scope per execution here and
/// resolves the class from it). The activation is disposed when the execution's run ends.
/// </summary>
/// <param name="workflow">The workflow to run.</param>
/// <param name="executionId">The execution it runs for.</param>
public delegate WorkflowActivation WorkflowActivator(WorkflowDescriptor workflow, string executionId);

/// <summary>The instance an instance workflow runs on for one execution, and what to dispose when the run ends (a DI scope).</summary>
/// <param name="instance">The instance of the workflow's class.</param>
/// <param name="lifetime">Disposed when the run ends; null for nothing.</param>
public sealed class WorkflowActivation(object instance, IAsyncDisposable? lifetime = null) : IAsyncDisposable
{
    /// <summary>The instance of the workflow's class.</summary>
    public object Instance { get; } = instance ?? throw new ArgumentNullException(nameof(instance));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => lifetime?.DisposeAsync() ?? default;
}
