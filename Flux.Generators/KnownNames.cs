namespace Flux.Generators;

/// <summary>Metadata names of the runtime types the generator looks for; the generator does not reference Flux.Runtime.</summary>
internal static class KnownNames
{
    public const string TaskAttribute = "Flux.TaskAttribute";
    public const string WorkflowAttribute = "Flux.WorkflowAttribute";
    public const string FluxNamespace = "Flux";
    public const string ExecutionContext = "ExecutionContext";
    public const string ValueTuple = "global::System.ValueTuple";
}
