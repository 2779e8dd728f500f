using System;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.Orleans;

/// <summary>Registers what Flux needs on a silo or a client: the catalogs of tasks and workflows, and the options.</summary>
public sealed class FluxOrleansBuilder
{
    private readonly FluxCatalogs _catalogs;

    internal FluxOrleansBuilder(IServiceCollection services, FluxCatalogs catalogs)
    {
        Services = services;
        _catalogs = catalogs;
    }

    /// <summary>The services being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds an assembly's tasks, by its generated catalog: <c>AddTasks(FluxCatalog.TryGetTask)</c>. A silo runs the
    /// bodies of the tasks it knows; register the same catalogs on every silo.
    /// </summary>
    public FluxOrleansBuilder AddTasks(TaskLookup tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        _catalogs.Add(tasks);
        return this;
    }

    /// <summary>Adds an assembly's workflows, by its generated catalog: <c>AddWorkflows(FluxCatalog.TryGetWorkflow)</c>.</summary>
    public FluxOrleansBuilder AddWorkflows(WorkflowLookup workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        _catalogs.Add(workflows);
        return this;
    }

    /// <summary>Sets options; they are validated when the host starts.</summary>
    public FluxOrleansBuilder Configure(Action<FluxOrleansOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
