using System.Diagnostics.CodeAnalysis;

namespace Flux.Orleans;

/// <summary>
/// Finds a task by name: the shape of the generated <c>FluxCatalog.TryGetTask</c>, so an assembly's catalog is
/// registered by its method group (<c>flux.AddTasks(FluxCatalog.TryGetTask)</c>).
/// </summary>
/// <param name="name">The task's name, as events show it.</param>
/// <param name="task">The task, or null when the catalog has no task of that name.</param>
/// <returns>True when the task was found.</returns>
public delegate bool TaskLookup(string name, [NotNullWhen(true)] out TaskHandle? task);

/// <summary>
/// Finds a workflow by name: the shape of the generated <c>FluxCatalog.TryGetWorkflow</c>, so an assembly's catalog is
/// registered by its method group (<c>flux.AddWorkflows(FluxCatalog.TryGetWorkflow)</c>).
/// </summary>
/// <param name="name">The workflow's name, as events show it.</param>
/// <param name="workflow">The workflow, or null when the catalog has no workflow of that name.</param>
/// <returns>True when the workflow was found.</returns>
public delegate bool WorkflowLookup(string name, [NotNullWhen(true)] out WorkflowHandle? workflow);
