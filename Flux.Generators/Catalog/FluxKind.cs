namespace Flux.Generators.Catalog;

/// <summary>Whether a catalog entry is a task or a workflow.</summary>
internal enum FluxKind
{
    Task,
    Workflow,
}
