namespace Flux.Generators.Model;

/// <summary>Whether a method is a task or a workflow.</summary>
internal enum FluxKind
{
    Task,
    Workflow,
}
