using Flux.Shared.Declarations;

namespace Flux.Generators.Catalog;

/// <summary>The per-assembly catalog, <c>FluxCatalog.g.cs</c>.</summary>
/// <param name="Namespace">The catalog's namespace: the assembly name made a valid namespace.</param>
/// <param name="Workflows">The static workflows it can reach, by name.</param>
/// <param name="Tasks">The static tasks it can reach, by name.</param>
/// <param name="WorkflowNames">Every workflow name, instance workflows included, sorted.</param>
/// <param name="TaskNames">Every task name, instance tasks included, sorted.</param>
internal sealed record CatalogModel(
    string Namespace,
    EquatableArray<CatalogEntry> Workflows,
    EquatableArray<CatalogEntry> Tasks,
    EquatableArray<string> WorkflowNames,
    EquatableArray<string> TaskNames);
