namespace Flux.Shared.Diagnostics;

// One table of every Flux diagnostic: the analyzers' descriptors are made from these entries, the runtime formats its
// GraphValidationException (and its run-type errors) with them, and the generator writes them into the body of a
// declarative graph that breaks a rule. This file is compiled into Flux.Runtime (net10.0) and the compiler parts
// (netstandard2.0): BCL only, no implicit usings.

/// <summary>Every Flux diagnostic: id, category, severity, title, message format and description.</summary>
/// <remarks>
/// A message says what is wrong, then after a colon how to fix it, and does not end with a period. Several entries may
/// share an id when a rule has several forms (the declarative form of FLUX003 names a method that is not a task).
/// </remarks>
internal static class FluxDiagnostics
{
    // ---- FLUX001-099: graph validation ------------------------------------------------------------------------------

    /// <summary>FLUX001. Arguments: graph.</summary>
    public static readonly FluxDiagnostic GraphHasNoStart = Graph(
        DiagnosticIds.GraphHasNoStart,
        "Graph has no start node",
        "Graph '{0}' has no start node: call StartWith(...) on the node that receives the workflow's input",
        "A graph runs from its start nodes; without one nothing would run.");

    /// <summary>FLUX002. Arguments: graph.</summary>
    public static readonly FluxDiagnostic GraphHasNoEnd = Graph(
        DiagnosticIds.GraphHasNoEnd,
        "Graph has no end node",
        "Graph '{0}' has no end node: call EndWith(...) on a node that produces the workflow's result",
        "The result of a graph is the output of the end node that ran; without an end node there is no result.");

    /// <summary>FLUX003. Arguments: graph, where (<c>edge 'a' -&gt; 'b'</c>, <c>StartWith</c>, <c>EndWith</c>), node.</summary>
    public static readonly FluxDiagnostic GraphUnknownNode = Graph(
        DiagnosticIds.GraphUnknownNode,
        "Graph refers to a node that was not added",
        "Graph '{0}': {1} names node '{2}', which was not added: add it with AddNode(\"{2}\", ...) or correct the name",
        "Edges, StartWith and EndWith may only name nodes added to the same graph.");

    /// <summary>FLUX003, declarative form. Arguments: graph, node, method, class, the fix.</summary>
    public static readonly FluxDiagnostic GraphNodeIsNotATask = Graph(
        DiagnosticIds.GraphUnknownNode,
        "Graph node does not run a task",
        "Graph '{0}': node '{1}' runs '{2}', which is not a [Task] method of '{3}': {4}",
        "A node of a declarative graph runs the [Task] method its attribute names (with nameof), in the workflow's class or in DeclaredIn.");

    /// <summary>FLUX004. Arguments: graph, node.</summary>
    public static readonly FluxDiagnostic GraphDuplicateNode = Graph(
        DiagnosticIds.GraphDuplicateNode,
        "Graph adds a node name twice",
        "Graph '{0}' adds node '{1}' more than once: give each node a unique name",
        "Node names identify nodes in edges and events, so they must be unique within a graph.");

    /// <summary>FLUX005. Arguments: graph, the nodes on the cycle.</summary>
    public static readonly FluxDiagnostic GraphCycle = Graph(
        DiagnosticIds.GraphCycle,
        "Graph has a cycle",
        "Graph '{0}' has a cycle ({1}): remove one of the edges on it",
        "A node runs once all its upstream nodes have run, so the nodes on a cycle would wait for each other forever.");

    /// <summary>FLUX006. Arguments: graph, node.</summary>
    public static readonly FluxDiagnostic GraphUnreachableNode = Graph(
        DiagnosticIds.GraphUnreachableNode,
        "Graph node is not reachable from a start node",
        "Graph '{0}': node '{1}' is not reachable from a start node: add an edge into it or remove it",
        "A node that no path from a start node leads to can never run.");

    /// <summary>FLUX007. Arguments: graph, node.</summary>
    public static readonly FluxDiagnostic GraphDeadEnd = Graph(
        DiagnosticIds.GraphDeadEnd,
        "Graph node cannot reach an end node",
        "Graph '{0}': node '{1}' cannot reach an end node: add an edge from it toward an end node, or make it an end node with EndWith(...)",
        "The work of a node from which no path leads to an end node can never contribute to the result.");

    /// <summary>FLUX008. Arguments: graph, upstream, downstream, upstream output type, downstream input type.</summary>
    public static readonly FluxDiagnostic GraphEdgeTypeMismatch = Graph(
        DiagnosticIds.GraphEdgeTypeMismatch,
        "Graph edge connects incompatible types",
        "Graph '{0}': edge '{1}' -> '{2}' passes '{3}' but '{2}' takes '{4}': change one of the tasks or add a node that converts between them",
        "The output of an upstream node becomes the input of the downstream node, so its type must fit.");

    /// <summary>FLUX008, a fluent graph run with an input its start node does not take. Arguments: graph, node, parameter type, input type.</summary>
    public static readonly FluxDiagnostic GraphRunInputMismatch = Graph(
        DiagnosticIds.GraphEdgeTypeMismatch,
        "Graph is run with an input its start node does not take",
        "Graph '{0}': start node '{1}' takes '{2}' but the graph is run with an input of type '{3}': run it with RunAsync<{2}, ...>, or start with a node that takes '{3}'",
        "A start node receives the graph's input as its first argument, so RunAsync's TInput must fit it.");

    /// <summary>FLUX008, a fluent graph run for a result an end node does not produce. Arguments: graph, node, result type, output type.</summary>
    public static readonly FluxDiagnostic GraphRunOutputMismatch = Graph(
        DiagnosticIds.GraphEdgeTypeMismatch,
        "Graph is run for a result an end node does not produce",
        "Graph '{0}': end node '{1}' produces '{2}' but the graph is run for a result of type '{3}': run it with RunAsync<..., {2}> (or a type every end node's result fits)",
        "The graph's result is the output of the end node that ran, so it must fit RunAsync's TOutput.");

    /// <summary>FLUX008, declarative form, a start node. Arguments: graph, node, parameter type, workflow input type.</summary>
    public static readonly FluxDiagnostic GraphStartTypeMismatch = Graph(
        DiagnosticIds.GraphEdgeTypeMismatch,
        "Graph start node does not take the workflow's input",
        "Graph '{0}': start node '{1}' takes '{2}' but the workflow's input is '{3}': make the workflow take ExecutionContext<{2}>, or start with a node that takes '{3}'",
        "A start node receives the workflow's input as its first argument.");

    /// <summary>FLUX008, declarative form, an end node. Arguments: graph, node, result type, workflow output type.</summary>
    public static readonly FluxDiagnostic GraphEndTypeMismatch = Graph(
        DiagnosticIds.GraphEdgeTypeMismatch,
        "Graph end node does not produce the workflow's output",
        "Graph '{0}': end node '{1}' produces '{2}' but the workflow returns '{3}': make the workflow return '{2}', or end with a node that produces '{3}'",
        "The workflow returns the output of the end node that ran.");

    /// <summary>FLUX009. Arguments: graph, upstream, downstream, condition parameter type, upstream output type.</summary>
    public static readonly FluxDiagnostic GraphConditionTypeMismatch = Graph(
        DiagnosticIds.GraphConditionTypeMismatch,
        "Graph edge condition does not take the upstream output",
        "Graph '{0}': the condition on edge '{1}' -> '{2}' takes '{3}' but '{1}' produces '{4}': make the condition take '{4}'",
        "An edge's condition is called with the upstream node's output, so its parameter type must fit that output.");

    /// <summary>FLUX009, declarative form. Arguments: graph, upstream, downstream, what is wrong and the fix.</summary>
    public static readonly FluxDiagnostic GraphInvalidCondition = Graph(
        DiagnosticIds.GraphConditionTypeMismatch,
        "Graph edge condition is missing or does not fit",
        "Graph '{0}': the condition on edge '{1}' -> '{2}' {3}",
        "When names a method of the workflow's class that takes the upstream node's output and returns bool, or an enum together with Case.");

    /// <summary>FLUX010. Arguments: graph, node, input count, the inputs, what the node takes.</summary>
    public static readonly FluxDiagnostic GraphJoinMismatch = Graph(
        DiagnosticIds.GraphJoinMismatch,
        "Graph join node does not take its upstream outputs",
        "Graph '{0}': node '{1}' has {2} upstream nodes ({3}) but takes {4}: make '{1}' take one parameter per upstream node, in edge order",
        "A node with several upstream nodes receives all their outputs, so its parameters must match them in number and type.");

    /// <summary>FLUX011. Arguments: graph, router, enum type, case, upstream node.</summary>
    public static readonly FluxDiagnostic GraphRouteNotExhaustive = Graph(
        DiagnosticIds.GraphRouteNotExhaustive,
        "Graph routes by an enum but a case has no edge",
        "Graph '{0}': router '{1}' returns {2}, but case '{3}' has no edge from '{4}': add [Edge(\"{4}\", \"...\", When = nameof({1}), Case = {2}.{3})]",
        "When the edges out of a node are chosen by a router returning an enum, every member of the enum must lead somewhere, so that a new member cannot silently end a run.");

    // ---- FLUX101-199: authoring ---------------------------------------------------------------------------------------

    /// <summary>FLUX101. Arguments: method, attribute, type, what is wrong, the fix.</summary>
    public static readonly FluxDiagnostic TypeNotPartial = Authoring(
        DiagnosticIds.TypeNotPartial,
        "Tasks and workflows must be declared in partial classes",
        "Method '{0}' has [{1}] but its containing type '{2}' is {3}: {4}",
        "The source generator adds the task and workflow handles to the class that declares the method, and to every class containing it, so each of them must be a partial class.");

    /// <summary>FLUX102. Arguments: method, the reason and its fix.</summary>
    public static readonly FluxDiagnostic UnsupportedTaskSignature = Authoring(
        DiagnosticIds.UnsupportedTaskSignature,
        "The generator cannot wrap this task signature",
        "Task method '{0}' cannot be wrapped by the generator: {1}",
        "A task's arguments are stored in a TaskCall, recorded in events and replayed, so they must be ordinary values passed by value; its result must be a value or an awaitable of one.");

    /// <summary>FLUX103. Arguments: "Task"/"Workflow", method, generated name, what it collides with.</summary>
    public static readonly FluxDiagnostic GeneratedNameCollision = Authoring(
        DiagnosticIds.GeneratedNameCollision,
        "A generated member name collides with an existing member",
        "{0} method '{1}' would generate member '{2}', but {3}: rename the method",
        "The generator adds members named after the method, without a trailing 'Async' (see Flux.Shared/Naming/GeneratedNames.cs): '{Method}Task' and its type '{Method}TaskHandle' for a task, '{Method}Workflow' and '{Method}Diagram' for a workflow, and a private backing field for each handle that is made on first use; these names must be free in the containing type.");

    /// <summary>FLUX104. Arguments: method, what is wrong.</summary>
    public static readonly FluxDiagnostic InvalidWorkflowSignature = Authoring(
        DiagnosticIds.InvalidWorkflowSignature,
        "Workflow method has an invalid signature",
        "Workflow method '{0}' {1}: a workflow takes one ExecutionContext<TInput> and returns TOutput, Task<TOutput> or ValueTask<TOutput>",
        "A workflow receives its input through one ExecutionContext<TInput> parameter and must produce an output.");

    /// <summary>FLUX104, a declarative graph that does not return an awaitable. Arguments: method, the output type.</summary>
    public static readonly FluxDiagnostic InvalidDeclarativeWorkflowSignature = Authoring(
        DiagnosticIds.InvalidWorkflowSignature,
        "Declarative graph does not return Task<TOutput> or ValueTask<TOutput>",
        "Workflow method '{0}' declares a graph but returns '{1}': return Task<{1}> or ValueTask<{1}>, since the body the generator writes awaits its nodes",
        "The generator writes the body of a declarative graph, which awaits its nodes, so the method returns Task<TOutput> or ValueTask<TOutput>.");

    /// <summary>FLUX105. Arguments: method, option name, what is wrong and the fix.</summary>
    public static readonly FluxDiagnostic InvalidTaskOption = Authoring(
        DiagnosticIds.InvalidTaskOption,
        "Invalid task option",
        "Task method '{0}' has an invalid option '{1}': {2}",
        "Task options are checked at compile time: retries must not be negative, durations must parse ('500ms', '30s', '2m', '1h' or TimeSpan text) and not be negative, and the backoff multiplier must be at least 1.");

    /// <summary>FLUX106. Arguments: method, "fallback"/"rollback", the named method, what is wrong, the fix.</summary>
    public static readonly FluxDiagnostic InvalidFallbackOrRollback = Authoring(
        DiagnosticIds.InvalidFallbackOrRollback,
        "Fallback or rollback does not fit the task",
        "Task method '{0}' names {1} '{2}', which {3}: {4}",
        "A fallback or rollback is a method of the same class, named with nameof, that takes the task's parameters; a fallback also returns the task's result type.");

    /// <summary>FLUX107. Arguments: "Task"/"Workflow", name, this method, the first method with the name.</summary>
    public static readonly FluxDiagnostic DuplicateName = Authoring(
        DiagnosticIds.DuplicateName,
        "Two tasks or two workflows have the same name",
        "{0} name '{1}' of method '{2}' is already used by method '{3}': give one of them another name with [{0}(Name = \"...\")]",
        "Task and workflow names identify them in events, the catalog and replay, so they must be unique within an assembly.");

    /// <summary>FLUX108. Arguments: parameter, task name, parameter type, what has no value encoding and the fix.</summary>
    public static readonly FluxDiagnostic NoExactFingerprint = new(
        DiagnosticIds.NoExactFingerprint,
        DiagnosticCategories.Authoring,
        FluxSeverity.Warning,
        "Task parameter has no exact fingerprint",
        "Parameter '{0}' of task '{1}' has type '{2}', which has no exact fingerprint: {3}",
        "A call's id holds a fingerprint of its arguments, which replay and the cache rely on, so every argument must be encoded by value: numbers, strings, dates, enums, collections, and records or classes whose members the generator can read. A type it cannot encode would fail when the call is made.");

    // ---- FLUX201-299: determinism (reserved) ---------------------------------------------------------------------------

    // ---- FLUX301-399: usage -------------------------------------------------------------------------------------------

    /// <summary>FLUX301. Arguments: task method, workflow method, handle property.</summary>
    public static readonly FluxDiagnostic DirectTaskCall = new(
        DiagnosticIds.DirectTaskCall,
        DiagnosticCategories.Usage,
        FluxSeverity.Warning,
        "Task method called directly inside a workflow",
        "Task method '{0}' is called directly in workflow '{1}', which bypasses retries, events and replay: call it as 'await {2}.Call(...)'",
        "A direct call runs the method as plain C#: no retry, timeout, event or replay applies. Call the task through its generated handle.");

    /// <summary>FLUX302. Arguments: a description of the discarded call.</summary>
    public static readonly FluxDiagnostic DiscardedTaskCall = new(
        DiagnosticIds.DiscardedTaskCall,
        DiagnosticCategories.Usage,
        FluxSeverity.Warning,
        "TaskCall is never awaited",
        "{0} is never awaited nor handed to a pattern, so the task never runs: await it or pass it to a pattern such as Workflow.Parallel(...)",
        "A TaskCall is lazy: nothing runs until it is awaited or handed to a pattern, so a discarded TaskCall is work that silently never happens.");

    private static FluxDiagnostic Graph(string id, string title, string messageFormat, string description) =>
        new(id, DiagnosticCategories.Graph, FluxSeverity.Error, title, messageFormat, description);

    private static FluxDiagnostic Authoring(string id, string title, string messageFormat, string description) =>
        new(id, DiagnosticCategories.Authoring, FluxSeverity.Error, title, messageFormat, description);
}
