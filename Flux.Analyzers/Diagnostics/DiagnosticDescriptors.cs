using Microsoft.CodeAnalysis;

namespace Flux.Analyzers;

/// <summary>
/// Every Flux diagnostic descriptor. A new rule adds its ID to <see cref="DiagnosticIds"/>, a descriptor here,
/// a line in AnalyzerReleases.Unshipped.md and a page docs/diagnostics/FLUXnnn.md (a test checks the last two).
/// </summary>
public static class DiagnosticDescriptors
{
    private const string HelpLinkBase = "https://github.com/flux-dotnet/flux/blob/main/docs/diagnostics/";

    /// <summary>The documentation page of a rule: <c>docs/diagnostics/{id}.md</c> in the repository.</summary>
    public static string HelpLinkUri(string id) => HelpLinkBase + id + ".md";

    // ---- FLUX001-099: graph validation --------------------------------------------------------------------

    /// <summary>FLUX001: the graph has no start node. Arguments: graph name.</summary>
    public static readonly DiagnosticDescriptor GraphHasNoStart = new(
        id: DiagnosticIds.GraphHasNoStart,
        title: "Graph has no start node",
        messageFormat: "Graph '{0}' has no start node: call StartWith(...) on the node that receives the workflow's input",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A graph runs from its start nodes; without one nothing would run.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphHasNoStart));

    /// <summary>FLUX002: the graph has no end node. Arguments: graph name.</summary>
    public static readonly DiagnosticDescriptor GraphHasNoEnd = new(
        id: DiagnosticIds.GraphHasNoEnd,
        title: "Graph has no end node",
        messageFormat: "Graph '{0}' has no end node: call EndWith(...) on a node that produces the workflow's result",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The result of a graph is the output of the end node that ran; without an end node there is no result.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphHasNoEnd));

    /// <summary>FLUX003: an edge, StartWith or EndWith names an unknown node. Arguments: graph, where, node.</summary>
    public static readonly DiagnosticDescriptor GraphUnknownNode = new(
        id: DiagnosticIds.GraphUnknownNode,
        title: "Graph refers to a node that was not added",
        messageFormat: "Graph '{0}': {1} names node '{2}', which was not added: add it with AddNode(\"{2}\", ...) or correct the name",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Edges, StartWith and EndWith may only name nodes added to the same graph.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphUnknownNode));

    /// <summary>FLUX004: a node name is added twice. Arguments: graph, node.</summary>
    public static readonly DiagnosticDescriptor GraphDuplicateNode = new(
        id: DiagnosticIds.GraphDuplicateNode,
        title: "Graph adds a node name twice",
        messageFormat: "Graph '{0}' adds node '{1}' more than once: give each node a unique name",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Node names identify nodes in edges and events, so they must be unique within a graph.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphDuplicateNode));

    /// <summary>FLUX005: the graph has a cycle. Arguments: graph, the nodes on the cycle.</summary>
    public static readonly DiagnosticDescriptor GraphCycle = new(
        id: DiagnosticIds.GraphCycle,
        title: "Graph has a cycle",
        messageFormat: "Graph '{0}' has a cycle ({1}): remove one of the edges on it",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A node runs once all its upstream nodes have run, so the nodes on a cycle would wait for each other forever.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphCycle));

    /// <summary>FLUX006: a node is not reachable from a start node. Arguments: graph, node.</summary>
    public static readonly DiagnosticDescriptor GraphUnreachableNode = new(
        id: DiagnosticIds.GraphUnreachableNode,
        title: "Graph node is not reachable from a start node",
        messageFormat: "Graph '{0}': node '{1}' is not reachable from a start node: add an edge into it or remove it",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A node that no path from a start node leads to can never run.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphUnreachableNode));

    /// <summary>FLUX007: a node cannot reach an end node. Arguments: graph, node.</summary>
    public static readonly DiagnosticDescriptor GraphDeadEnd = new(
        id: DiagnosticIds.GraphDeadEnd,
        title: "Graph node cannot reach an end node",
        messageFormat: "Graph '{0}': node '{1}' cannot reach an end node: add an edge from it toward an end node, or make it an end node with EndWith(...)",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The work of a node from which no path leads to an end node can never contribute to the result.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphDeadEnd));

    /// <summary>FLUX008: an edge's types do not fit. Arguments: graph, upstream, downstream, upstream output type, downstream input type.</summary>
    public static readonly DiagnosticDescriptor GraphEdgeTypeMismatch = new(
        id: DiagnosticIds.GraphEdgeTypeMismatch,
        title: "Graph edge connects incompatible types",
        messageFormat: "Graph '{0}': edge '{1}' -> '{2}' passes '{3}' but '{2}' takes '{4}': change one of the tasks or add a node that converts between them",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The output of an upstream node becomes the input of the downstream node, so its type must fit.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphEdgeTypeMismatch));

    /// <summary>FLUX009: a condition does not fit the upstream output. Arguments: graph, upstream, downstream, condition parameter type, upstream output type.</summary>
    public static readonly DiagnosticDescriptor GraphConditionTypeMismatch = new(
        id: DiagnosticIds.GraphConditionTypeMismatch,
        title: "Graph edge condition does not take the upstream output",
        messageFormat: "Graph '{0}': the condition on edge '{1}' -> '{2}' takes '{3}' but '{1}' produces '{4}': make the condition take '{4}'",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An edge's condition is called with the upstream node's output, so its parameter type must fit that output.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphConditionTypeMismatch));

    /// <summary>FLUX010: a join node does not take its upstream outputs. Arguments: graph, node, upstream count, upstream names, what the node takes.</summary>
    public static readonly DiagnosticDescriptor GraphJoinMismatch = new(
        id: DiagnosticIds.GraphJoinMismatch,
        title: "Graph join node does not take its upstream outputs",
        messageFormat: "Graph '{0}': node '{1}' has {2} upstream nodes ({3}) but takes {4}: make '{1}' take one parameter per upstream node, in edge order",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A node with several upstream nodes receives all their outputs, so its parameters must match them in number and type.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphJoinMismatch));

    /// <summary>FLUX011: an enum router leaves a case without an edge. Arguments: graph, router, enum type, case, upstream node.</summary>
    public static readonly DiagnosticDescriptor GraphRouteNotExhaustive = new(
        id: DiagnosticIds.GraphRouteNotExhaustive,
        title: "Graph routes by an enum but a case has no edge",
        messageFormat: "Graph '{0}': router '{1}' returns {2}, but case '{3}' has no edge from '{4}': add [Edge(\"{4}\", \"...\", When = nameof({1}), Case = {2}.{3})]",
        category: DiagnosticCategories.Graph,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "When the edges out of a node are chosen by a router returning an enum, every member of the enum must lead somewhere, so that a new member cannot silently end a run.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GraphRouteNotExhaustive));

    // ---- FLUX101-199: authoring ---------------------------------------------------------------------------

    /// <summary>FLUX101. Arguments: method, attribute, type, what is wrong, the fix.</summary>
    public static readonly DiagnosticDescriptor TypeNotPartial = new(
        id: DiagnosticIds.TypeNotPartial,
        title: "Tasks and workflows must be declared in partial classes",
        messageFormat: "Method '{0}' has [{1}] but its containing type '{2}' is {3}: {4}",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The source generator adds the task and workflow handles to the class that declares the method, and to every class containing it, so each of them must be a partial class.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.TypeNotPartial));

    /// <summary>FLUX102. Arguments: method, the reason and its fix.</summary>
    public static readonly DiagnosticDescriptor UnsupportedTaskSignature = new(
        id: DiagnosticIds.UnsupportedTaskSignature,
        title: "The generator cannot wrap this task signature",
        messageFormat: "Task method '{0}' cannot be wrapped by the generator: {1}",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A task's arguments are stored in a TaskCall, recorded in events and replayed, so they must be ordinary values passed by value; its result must be a value or an awaitable of one.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.UnsupportedTaskSignature));

    /// <summary>FLUX103. Arguments: "Task"/"Workflow", method, generated name, what it collides with.</summary>
    public static readonly DiagnosticDescriptor GeneratedNameCollision = new(
        id: DiagnosticIds.GeneratedNameCollision,
        title: "A generated member name collides with an existing member",
        messageFormat: "{0} method '{1}' would generate member '{2}', but {3}: rename the method",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator names a task's handle '{Method}Task' (of type '{Method}TaskHandle') and a workflow's handle '{Method}Workflow', without a trailing 'Async'; these names must be free in the containing type.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.GeneratedNameCollision));

    /// <summary>FLUX104. Arguments: method, what is wrong.</summary>
    public static readonly DiagnosticDescriptor InvalidWorkflowSignature = new(
        id: DiagnosticIds.InvalidWorkflowSignature,
        title: "Workflow method has an invalid signature",
        messageFormat: "Workflow method '{0}' {1}: a workflow takes one ExecutionContext<TInput> and returns TOutput, Task<TOutput> or ValueTask<TOutput>",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A workflow receives its input through one ExecutionContext<TInput> parameter and must produce an output.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.InvalidWorkflowSignature));

    /// <summary>FLUX105. Arguments: method, option name, what is wrong and the fix (e.g. "-1 is negative; use 0 or more").</summary>
    public static readonly DiagnosticDescriptor InvalidTaskOption = new(
        id: DiagnosticIds.InvalidTaskOption,
        title: "Invalid task option",
        messageFormat: "Task method '{0}' has an invalid option '{1}': {2}",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Task options are checked at compile time: retries must not be negative, durations must parse ('500ms', '30s', '2m', '1h' or TimeSpan text) and not be negative, and the backoff multiplier must be at least 1.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.InvalidTaskOption));

    /// <summary>FLUX106. Arguments: method, "fallback"/"rollback", the named method, what is wrong, the fix.</summary>
    public static readonly DiagnosticDescriptor InvalidFallbackOrRollback = new(
        id: DiagnosticIds.InvalidFallbackOrRollback,
        title: "Fallback or rollback does not fit the task",
        messageFormat: "Task method '{0}' names {1} '{2}', which {3}: {4}",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A fallback or rollback is a method of the same class, named with nameof, that takes the task's parameters; a fallback also returns the task's result type.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.InvalidFallbackOrRollback));

    /// <summary>FLUX107. Arguments: "Task"/"Workflow", name, this method, the first method with the name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new(
        id: DiagnosticIds.DuplicateName,
        title: "Two tasks or two workflows have the same name",
        messageFormat: "{0} name '{1}' of method '{2}' is already used by method '{3}': give one of them another name with [{0}(Name = \"...\")]",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Task and workflow names identify them in events, the catalog and replay, so they must be unique within an assembly.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.DuplicateName),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>FLUX108. Arguments: parameter, task name, parameter type, what has no value encoding and the fix.</summary>
    public static readonly DiagnosticDescriptor NoExactFingerprint = new(
        id: DiagnosticIds.NoExactFingerprint,
        title: "Task parameter has no exact fingerprint",
        messageFormat: "Parameter '{0}' of task '{1}' has type '{2}', which has no exact fingerprint: {3}",
        category: DiagnosticCategories.Authoring,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A call's id holds a fingerprint of its arguments, which replay and the cache rely on, so every argument must be encoded by value: numbers, strings, dates, enums, collections, and records or classes whose members the generator can read. A type it cannot encode would fail when the call is made.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.NoExactFingerprint));

    // ---- FLUX301-399: usage ---------------------------------------------------------------------------------

    /// <summary>FLUX301. Arguments: task method, workflow method, handle property.</summary>
    public static readonly DiagnosticDescriptor DirectTaskCall = new(
        id: DiagnosticIds.DirectTaskCall,
        title: "Task method called directly inside a workflow",
        messageFormat: "Task method '{0}' is called directly in workflow '{1}', which bypasses retries, events and replay: call it as 'await {2}.Call(...)'",
        category: DiagnosticCategories.Usage,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A direct call runs the method as plain C#: no retry, timeout, event or replay applies. Call the task through its generated handle.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.DirectTaskCall));

    /// <summary>FLUX302. Arguments: a description of the discarded call.</summary>
    public static readonly DiagnosticDescriptor DiscardedTaskCall = new(
        id: DiagnosticIds.DiscardedTaskCall,
        title: "TaskCall is never awaited",
        messageFormat: "{0} is never awaited nor handed to a pattern, so the task never runs: await it or pass it to a pattern such as Workflow.Parallel(...)",
        category: DiagnosticCategories.Usage,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A TaskCall is lazy: nothing runs until it is awaited or handed to a pattern, so a discarded TaskCall is work that silently never happens.",
        helpLinkUri: HelpLinkUri(DiagnosticIds.DiscardedTaskCall));
}
