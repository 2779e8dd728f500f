namespace Flux.Generators;

/// <summary>The names of the generator's pipeline steps, for <c>WithTrackingName</c> and the incrementality tests.</summary>
internal static class TrackingNames
{
    /// <summary>The <c>[Task]</c> methods, parsed (null for a method the generator skips).</summary>
    public const string TaskMethods = nameof(TaskMethods);

    /// <summary>Every task model of the assembly, collected.</summary>
    public const string AllTasks = nameof(AllTasks);

    /// <summary>The <c>[Workflow]</c> methods, parsed (null for a method the generator skips).</summary>
    public const string WorkflowMethods = nameof(WorkflowMethods);

    /// <summary>The workflow models, with the diagram of their graph drawn.</summary>
    public const string Workflows = nameof(Workflows);

    /// <summary>Every workflow model of the assembly, collected.</summary>
    public const string AllWorkflows = nameof(AllWorkflows);

    /// <summary>Every task and workflow of the assembly.</summary>
    public const string AllMethods = nameof(AllMethods);

    /// <summary>The methods grouped by containing type, one model per generated file.</summary>
    public const string Types = nameof(Types);

    /// <summary>The catalog facts of every task the generator wraps.</summary>
    public const string AllTaskEntries = nameof(AllTaskEntries);

    /// <summary>The catalog facts of every workflow the generator wraps.</summary>
    public const string AllWorkflowEntries = nameof(AllWorkflowEntries);

    /// <summary>The catalog facts of every task and workflow.</summary>
    public const string CatalogEntries = nameof(CatalogEntries);

    /// <summary>The assembly name.</summary>
    public const string AssemblyName = nameof(AssemblyName);

    /// <summary>The assembly's registered JSON context type (FluxJsonContext), or null.</summary>
    public const string JsonContext = nameof(JsonContext);

    /// <summary>The catalog facts with the assembly name.</summary>
    public const string CatalogInput = nameof(CatalogInput);

    /// <summary>The catalog model (null when there is nothing to list).</summary>
    public const string Catalog = nameof(Catalog);

    /// <summary>The catalog facts of the bodiless partial [Workflow] methods (declarative graphs), null for one the generator skips.</summary>
    public const string DeclarativeWorkflowMethods = nameof(DeclarativeWorkflowMethods);

    /// <summary>All declarative graphs' catalog entries.</summary>
    public const string AllDeclarativeWorkflowEntries = nameof(AllDeclarativeWorkflowEntries);

    /// <summary>The catalog entries with the declarative graphs' added.</summary>
    public const string CatalogWithDeclarativeEntries = nameof(CatalogWithDeclarativeEntries);
}
