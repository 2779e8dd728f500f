using System.Runtime.CompilerServices;

namespace Flux;

/// <summary>
/// Builds a graph of tasks: add nodes, connect them with edges (optionally conditional), mark where it starts and
/// ends, then run it, or <see cref="Build"/> it once into a reusable <see cref="GraphDefinition"/>.
/// </summary>
/// <example>
/// <code>
/// string hello = await new Graph("hello_world")
///     .AddNode("get_name", GetNameTask)
///     .AddNode("say_hello", SayHelloTask)
///     .AddEdge("get_name", "say_hello")
///     .StartWith("get_name")
///     .EndWith("say_hello")
///     .RunAsync&lt;string, string&gt;(ctx.Input);
/// </code>
/// </example>
/// <remarks>
/// The builder records the calls and judges nothing until <see cref="Build"/> (or <see cref="RunAsync{TInput, TOutput}"/>),
/// which applies the graph rules FLUX001-FLUX010 (see <see cref="GraphDefinition"/>) and throws a
/// <see cref="GraphValidationException"/> for the first rule broken, before any node runs. A builder is not
/// thread-safe; the definitions it builds are immutable and can be run any number of times, concurrently.
/// </remarks>
public sealed class Graph
{
    private readonly List<GraphNode> _nodes = [];
    private readonly List<GraphEdge> _edges = [];
    private readonly List<string> _starts = [];
    private readonly List<string> _ends = [];

    /// <summary>Starts a graph.</summary>
    /// <param name="name">The graph's name, used in messages, diagrams and the ids of its nodes' calls; without '/', '~', '[' or ']'.</param>
    /// <exception cref="ArgumentException">The name is empty or contains a character call ids reserve.</exception>
    public Graph(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CallIdNames.CheckGraph(name);
        Name = name;
    }

    /// <summary>The graph's name.</summary>
    public string Name { get; }

    /// <summary>Adds a node that runs <paramref name="task"/>; the name must be unique in the graph (FLUX004).</summary>
    /// <param name="name">The node's name, also part of the ids of its calls; without '/', '~', '[' or ']'.</param>
    /// <param name="task">Any task handle. It takes one parameter per input: the graph's input for a start node, then one per incoming edge in the order the edges were added.</param>
    /// <exception cref="ArgumentException">The name is empty or contains a character call ids reserve.</exception>
    public Graph AddNode(string name, TaskHandle task)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CallIdNames.CheckNode(Name, name);
        ArgumentNullException.ThrowIfNull(task);
        _nodes.Add(new GraphNode(name, task));
        return this;
    }

    /// <summary>Adds an edge: <paramref name="to"/> receives the output of <paramref name="from"/> and runs after it.</summary>
    /// <param name="from">The upstream node's name.</param>
    /// <param name="to">The downstream node's name.</param>
    public Graph AddEdge(string from, string to) => AddEdgeCore(from, to, null);

    /// <summary>
    /// Adds an edge that is followed only when <paramref name="when"/> holds for the output of <paramref name="from"/>;
    /// otherwise <paramref name="to"/> is skipped, and so is what only it leads to.
    /// </summary>
    /// <typeparam name="T">The condition's parameter type; the output of <paramref name="from"/> must fit it (FLUX009).</typeparam>
    /// <param name="from">The upstream node's name.</param>
    /// <param name="to">The downstream node's name.</param>
    /// <param name="when">The condition, e.g. <c>(ValidationResult r) =&gt; r.Valid</c>. It must not have side effects: it is called once per run.</param>
    /// <param name="description">The condition's label in diagrams; by default its source text.</param>
    public Graph AddEdge<T>(string from, string to, Func<T, bool> when, [CallerArgumentExpression(nameof(when))] string? description = null)
    {
        ArgumentNullException.ThrowIfNull(when);
        return AddEdgeCore(from, to, new SyncGraphCondition<T>(when, description));
    }

    /// <summary>
    /// Adds an edge that is followed only when the asynchronous <paramref name="when"/> holds for the output of
    /// <paramref name="from"/>; otherwise <paramref name="to"/> is skipped, and so is what only it leads to.
    /// </summary>
    /// <typeparam name="T">The condition's parameter type; the output of <paramref name="from"/> must fit it (FLUX009).</typeparam>
    /// <param name="from">The upstream node's name.</param>
    /// <param name="to">The downstream node's name.</param>
    /// <param name="when">The condition, e.g. <c>async (ValidationResult r) =&gt; await IsAllowedAsync(r)</c>; called once per run.</param>
    /// <param name="description">The condition's label in diagrams; by default its source text.</param>
    public Graph AddEdge<T>(string from, string to, Func<T, Task<bool>> when, [CallerArgumentExpression(nameof(when))] string? description = null)
    {
        ArgumentNullException.ThrowIfNull(when);
        return AddEdgeCore(from, to, new AsyncGraphCondition<T>(when, description));
    }

    /// <summary>Marks a start node: it receives the graph's input (as its first argument). May be called for several nodes.</summary>
    /// <param name="node">The node's name.</param>
    public Graph StartWith(string node)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        _starts.Add(node);
        return this;
    }

    /// <summary>Marks an end node: the graph's result is the output of the end node that ran. May be called for several nodes, of which each run must reach exactly one.</summary>
    /// <param name="node">The node's name.</param>
    public Graph EndWith(string node)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        _ends.Add(node);
        return this;
    }

    /// <summary>Validates the graph and freezes it into a definition that can be run many times.</summary>
    /// <exception cref="GraphValidationException">The graph breaks a rule; the exception names the first, its <see cref="GraphValidationException.Problems"/> all.</exception>
    public GraphDefinition Build() => GraphDefinition.Create(Name, [.. _nodes], [.. _edges], [.. _starts], [.. _ends]);

    /// <summary>Builds the graph (validating it before any node runs) and runs it once on <paramref name="input"/>.</summary>
    /// <inheritdoc cref="GraphDefinition.RunAsync{TInput, TOutput}(TInput, CancellationToken)"/>
    public Task<TOutput> RunAsync<TInput, TOutput>(TInput input, CancellationToken cancellationToken = default) =>
        Build().RunAsync<TInput, TOutput>(input, cancellationToken);

    /// <summary>The graph as a Mermaid flowchart; see <see cref="GraphDefinition.ToMermaid"/>. Builds (and so validates) the graph.</summary>
    public string ToMermaid() => Build().ToMermaid();

    private Graph AddEdgeCore(string from, string to, GraphCondition? condition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        _edges.Add(new GraphEdge(from, to, condition));
        return this;
    }
}
