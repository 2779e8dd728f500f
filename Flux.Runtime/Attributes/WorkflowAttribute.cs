namespace Flux;

/// <summary>
/// Marks a method of a <c>partial</c> class as a Flux workflow. The method takes one
/// <see cref="ExecutionContext{TInput}"/> and returns its output (directly, or as <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>).
/// The source generator adds a handle, <c>{Method}Workflow</c>, whose <c>RunAsync</c> runs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class WorkflowAttribute : Attribute
{
    /// <summary>The workflow's name in events and the catalog; defaults to the method name without a trailing <c>Async</c>.</summary>
    public string? Name { get; set; }
}
