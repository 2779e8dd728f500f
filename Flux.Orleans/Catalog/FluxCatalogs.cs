using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Flux.Orleans;

/// <summary>
/// The catalogs a silo or client registered, asked in registration order: the first one that knows a name wins, so a
/// silo can host the tasks and workflows of several assemblies.
/// </summary>
internal sealed class FluxCatalogs
{
    private readonly List<TaskLookup> _tasks = new();
    private readonly List<WorkflowLookup> _workflows = new();
    private readonly List<WorkflowDescriptor> _descriptors = new();

    public bool HasTasks => _tasks.Count > 0;

    public bool HasWorkflows => _workflows.Count > 0;

    public void Add(TaskLookup tasks) => _tasks.Add(tasks);

    public void Add(WorkflowLookup workflows) => _workflows.Add(workflows);

    /// <summary>The workflows registered by their handles, which a cluster client lists (<c>IFluxClient.Workflows</c>).</summary>
    public IReadOnlyList<WorkflowDescriptor> Descriptors => _descriptors;

    public void Add(WorkflowDescriptor workflow) => _descriptors.Add(workflow);

    public bool TryGetTask(string name, [NotNullWhen(true)] out TaskHandle? task)
    {
        foreach (var lookup in _tasks)
        {
            if (lookup(name, out task))
            {
                return true;
            }
        }

        task = null;
        return false;
    }

    public bool TryGetWorkflow(string name, [NotNullWhen(true)] out WorkflowHandle? workflow)
    {
        foreach (var lookup in _workflows)
        {
            if (lookup(name, out workflow))
            {
                return true;
            }
        }

        workflow = null;
        return false;
    }
}
