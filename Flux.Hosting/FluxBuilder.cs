using Microsoft.Extensions.DependencyInjection;

namespace Flux;

/// <summary>
/// What <c>services.AddFlux(f => ...)</c> configures: the execution store (one; a store package brings its own
/// <c>Use...</c> method, such as <c>UseSqlite</c> in Flux.Sqlite and <c>UsePostgreSql</c> in Flux.PostgreSql), the
/// workflows the host runs, and <see cref="FluxOptions"/>.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddFlux(f => f
///     .UseSqlite("flux.db")
///     .AddWorkflows(FluxCatalog.Descriptors)
///     .Configure(o => o.Json = AppJson.Default.Options));
/// </code>
/// </example>
public sealed class FluxBuilder
{
    private readonly List<WorkflowDescriptor> _workflows = [];

    internal FluxBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection Flux is added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The workflows added so far.</summary>
    public IReadOnlyList<WorkflowDescriptor> Workflows => _workflows;

    /// <summary>The store's description for error messages; null until a store is chosen.</summary>
    internal string? StoreName { get; private set; }

    /// <summary>
    /// Keeps executions in the store <paramref name="factory"/> makes (once, as a singleton the host disposes when it
    /// stops). Store packages call this from their own <c>Use...</c> method.
    /// </summary>
    /// <param name="name">What the store is, for error messages (<c>"SQLite file flux.db"</c>).</param>
    /// <param name="factory">Makes the store.</param>
    /// <exception cref="InvalidOperationException">A store was chosen already.</exception>
    public FluxBuilder UseStore(string name, Func<IServiceProvider, IExecutionStore> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (StoreName is { } chosen)
        {
            throw new InvalidOperationException($"AddFlux was given two execution stores ({chosen} and {name}): a host keeps its executions in one store, so call one Use... method.");
        }

        StoreName = name;
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Keeps executions in memory: they are lost when the process ends (tests, demos).</summary>
    public FluxBuilder UseInMemoryStore() => UseStore("in-memory store", _ => new InMemoryExecutionStore());

    /// <summary>Adds workflows, such as the generated catalog's <c>FluxCatalog.Descriptors</c> (static and instance workflows).</summary>
    public FluxBuilder AddWorkflows(IEnumerable<WorkflowDescriptor> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        foreach (var workflow in workflows)
        {
            AddWorkflow(workflow);
        }

        return this;
    }

    /// <summary>Adds static workflows by their handles, such as the generated catalog's <c>FluxCatalog.Workflows</c>.</summary>
    public FluxBuilder AddWorkflows(IEnumerable<WorkflowHandle> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        return AddWorkflows(WorkflowDescriptor.From(workflows));
    }

    /// <summary>Adds one workflow. An instance workflow's class is resolved from a DI scope made for each execution.</summary>
    /// <exception cref="ArgumentException">A workflow of the same name was added already.</exception>
    public FluxBuilder AddWorkflow(WorkflowDescriptor workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (_workflows.Any(w => w.Name == workflow.Name))
        {
            throw new ArgumentException(
                $"AddFlux was given two workflows named '{workflow.Name}': a host runs workflows by name, so each name must be unique (is a catalog added twice?).",
                nameof(workflow));
        }

        _workflows.Add(workflow);
        return this;
    }

    /// <summary>Sets <see cref="FluxOptions"/>; they are validated when the host starts.</summary>
    public FluxBuilder Configure(Action<FluxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
