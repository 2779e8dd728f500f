namespace Flux;

// The declarative graph: these attributes go on a [Workflow] partial method declaration without a body, and the
// generator writes the body (typed calls in dependency order, no dictionaries at run time) and the Mermaid diagram.
// The analyzer judges the declared graph with the same rules as Graph.Build (FLUX001-FLUX010), plus exhaustive
// enum routing (FLUX011). See docs/declarative-graphs.md.

/// <summary>
/// Declares a node of a declarative graph: a name and the <c>[Task]</c> method it runs. Goes on a <c>[Workflow]</c>
/// <c>partial</c> method declaration without a body; the generator writes the body.
/// </summary>
/// <example>
/// <code>
/// [Workflow]
/// [Node("get_name", nameof(GetName))]
/// [Node("say_hello", nameof(SayHello))]
/// [Edge("get_name", "say_hello")]
/// [StartWith("get_name")]
/// [EndWith("say_hello")]
/// public static partial Task&lt;string&gt; Hello(ExecutionContext&lt;string&gt; ctx);
/// </code>
/// </example>
/// <remarks>
/// The node takes one parameter per input, as in <see cref="Graph.AddNode"/>: the workflow's input if it is a start node,
/// then the output of the upstream node of each incoming edge, in the order the <see cref="EdgeAttribute"/>s are written.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class NodeAttribute : Attribute
{
    /// <summary>Declares a node named after its task method: <c>[Node(nameof(GetName))]</c> is the node <c>GetName</c>.</summary>
    /// <param name="task">The name (use <c>nameof</c>) of a <c>[Task]</c> method of the workflow's class.</param>
    public NodeAttribute(string task)
        : this(task, task)
    {
    }

    /// <summary>Declares the node <paramref name="name"/>, which runs the task method <paramref name="task"/>.</summary>
    /// <param name="name">The node's name, unique in the graph (FLUX004), used by edges, events and the diagram.</param>
    /// <param name="task">The name (use <c>nameof</c>) of a <c>[Task]</c> method of the workflow's class (or of <see cref="DeclaredIn"/>).</param>
    public NodeAttribute(string name, string task)
    {
        Name = name;
        Task = task;
    }

    /// <summary>The node's name.</summary>
    public string Name { get; }

    /// <summary>The name of the <c>[Task]</c> method the node runs.</summary>
    public string Task { get; }

    /// <summary>
    /// The class that declares the task, when it is not the workflow's own class:
    /// <c>[Node("say_hello", nameof(Greetings.SayHello), DeclaredIn = typeof(Greetings))]</c>. The task must then be static.
    /// </summary>
    public Type? DeclaredIn { get; set; }
}

/// <summary>
/// Declares an edge of a declarative graph: <see cref="To"/> runs after <see cref="From"/> and receives its output.
/// With <see cref="When"/>, the edge is taken only when the named condition holds (a <c>bool</c> method) or, with
/// <see cref="Case"/>, when the named router (a method returning an enum) returns that case.
/// </summary>
/// <example>
/// <code>
/// [Edge("validate", "process", When = nameof(IsValid))]                      // static bool IsValid(ValidationResult r)
/// [Edge("validate", "review", When = nameof(Classify), Case = Verdict.Unsure)] // static Verdict Classify(ValidationResult r)
/// </code>
/// </example>
/// <remarks>
/// A node whose outgoing edges use an enum router must have an edge for every member of the enum (exhaustive
/// routing, FLUX011), so that adding a member to the enum is a compile error until it is routed somewhere.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class EdgeAttribute : Attribute
{
    /// <summary>Declares the edge <paramref name="from"/> -&gt; <paramref name="to"/>.</summary>
    /// <param name="from">The upstream node's name.</param>
    /// <param name="to">The downstream node's name.</param>
    public EdgeAttribute(string from, string to)
    {
        From = from;
        To = to;
    }

    /// <summary>The upstream node's name.</summary>
    public string From { get; }

    /// <summary>The downstream node's name.</summary>
    public string To { get; }

    /// <summary>
    /// The name (use <c>nameof</c>) of a method of the workflow's class that takes the output of <see cref="From"/>
    /// (FLUX009) and returns <c>bool</c> (the edge is taken when it returns true) or an enum (the edge is taken when it
    /// returns <see cref="Case"/>). It is called once per run, after <see cref="From"/> ran; it must not have side effects.
    /// </summary>
    public string? When { get; set; }

    /// <summary>The enum constant for which the router <see cref="When"/> takes this edge, e.g. <c>Case = Verdict.Valid</c>.</summary>
    public object? Case { get; set; }
}

/// <summary>Marks a start node of a declarative graph: it receives the workflow's input as its first argument.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class StartWithAttribute : Attribute
{
    /// <summary>Marks <paramref name="node"/> as a start node.</summary>
    /// <param name="node">The node's name.</param>
    public StartWithAttribute(string node)
    {
        Node = node;
    }

    /// <summary>The node's name.</summary>
    public string Node { get; }
}

/// <summary>
/// Marks an end node of a declarative graph: the workflow's result is the output of the end node that ran. Each run
/// must reach exactly one end node; otherwise the run fails with a <see cref="GraphRunException"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class EndWithAttribute : Attribute
{
    /// <summary>Marks <paramref name="node"/> as an end node.</summary>
    /// <param name="node">The node's name.</param>
    public EndWithAttribute(string node)
    {
        Node = node;
    }

    /// <summary>The node's name.</summary>
    public string Node { get; }
}
