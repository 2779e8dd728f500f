using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
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

    /// <summary>
    /// Adds static workflows by their handles (<c>AddWorkflows(FluxCatalog.Workflows)</c>): a silo runs them by name, and
    /// a client's <see cref="IFluxClient.Workflows"/> lists them.
    /// </summary>
    public FluxOrleansBuilder AddWorkflows(IEnumerable<WorkflowHandle> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var byName = new Dictionary<string, WorkflowHandle>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            byName[workflow.Name] = workflow;
            _catalogs.Add(WorkflowDescriptor.For(workflow));
        }

        _catalogs.Add((string name, [NotNullWhen(true)] out WorkflowHandle? workflow) => byName.TryGetValue(name, out workflow));
        return this;
    }

    /// <summary>
    /// Keeps the executions in <paramref name="store"/>, made once per silo or client from its services: the store every
    /// silo and client of the cluster shares (a <c>PostgresExecutionStore</c> on one database). Required on silos, and on
    /// a client that uses <see cref="IFluxClient"/>.
    /// </summary>
    public FluxOrleansBuilder UseStore(Func<IServiceProvider, IExecutionStore> store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Services.AddSingleton(store);
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
