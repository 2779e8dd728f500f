using Flux.Shared.Declarations;

namespace Flux.Generators.Catalog;

/// <summary>The per-assembly catalog, <c>FluxCatalog.g.cs</c>.</summary>
/// <param name="Namespace">The catalog's namespace: the assembly name made a valid namespace.</param>
/// <param name="Workflows">The static workflows it can reach, by name.</param>
/// <param name="Tasks">The static tasks it can reach, by name.</param>
/// <param name="WorkflowNames">Every workflow name, instance workflows included, sorted.</param>
/// <param name="TaskNames">Every task name, instance tasks included, sorted.</param>
/// <param name="Descriptors">The workflows, static and instance, whose handles it can reach, by name.</param>
/// <param name="JsonContext">The assembly's <c>[assembly: FluxJsonContext(typeof(...))]</c> context type, fully qualified; null when there is none.</param>
internal sealed record CatalogModel(
    string Namespace,
    EquatableArray<CatalogEntry> Workflows,
    EquatableArray<CatalogEntry> Tasks,
    EquatableArray<string> WorkflowNames,
    EquatableArray<string> TaskNames,
    EquatableArray<CatalogEntry> Descriptors,
    string? JsonContext);
