using Flux.Shared.Diagnostics;
using Flux.Shared.Graphs;
using Flux.Shared.Graphs.Validation;

namespace Flux;

/// <summary>
/// A validated, immutable graph, made by <see cref="Graph.Build"/>. Run it as often as you like, also concurrently:
/// each run keeps its own state.
/// </summary>
/// <remarks>
/// <para><b>Rules</b> (checked by <see cref="Graph.Build"/>, and by the analyzer at compile time when the graph is written
/// out in code): FLUX001 a start node; FLUX002 an end node; FLUX003 every name in AddEdge, StartWith and EndWith was added;
/// FLUX004 node names are unique; FLUX005 no cycle; FLUX006 every node is reachable from a start node; FLUX007 every node
/// can reach an end node; FLUX008 an edge's upstream output fits the downstream node's parameter; FLUX009 a condition
/// takes the upstream output; FLUX010 a node takes exactly one parameter per input.</para>
/// <para><b>Inputs.</b> A node's inputs are, in order: the graph's input if it is a start node, then the output of the
/// upstream node of each incoming edge, in the order the edges were added (an edge added twice is two inputs). The
/// node's task takes one parameter per input, so a start node without incoming edges has exactly one parameter, and
/// a join <c>D</c> with edges <c>B -&gt; D</c> then <c>C -&gt; D</c> is called as <c>D(B's output, C's output)</c>.</para>
/// <para><b>Running.</b> A node runs once all its upstream nodes have finished and the condition of every edge into it
/// holds for its upstream output. If one of its upstream nodes was skipped, or a condition into it is false, the node
/// is skipped, and so is what only it leads to. Every node runs at most once; independent branches run concurrently.
/// The result is the output of the one end node that ran: a run that reaches no end node, or more than one, fails with
/// a <see cref="GraphRunException"/> naming them (make the conditions in front of several end nodes exclusive).
/// A failing node fails the run with its own exception (a <see cref="TaskFailedException"/> naming the task), after
/// the other running nodes were cancelled and stopped; a condition that throws fails it with a
/// <see cref="GraphRunException"/> naming the edge.</para>
/// </remarks>
public sealed class GraphDefinition
{
    private readonly GraphShape<Type> _shape;

    private GraphDefinition(string name, GraphNode[] nodes, GraphEdge[] edges, string[] startNodes, string[] endNodes, GraphShape<Type> shape)
    {
        Name = name;
        Nodes = Array.AsReadOnly(nodes);
        Edges = Array.AsReadOnly(edges);
        StartNodes = Array.AsReadOnly(startNodes);
        EndNodes = Array.AsReadOnly(endNodes);
        _shape = shape;

        var index = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            index.Add(nodes[i].Name, i);
        }

        var incoming = new List<int>[nodes.Length];
        var outgoing = new List<int>[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            incoming[i] = [];
            outgoing[i] = [];
        }

        EdgeFrom = new int[edges.Length];
        EdgeTo = new int[edges.Length];
        for (var e = 0; e < edges.Length; e++)
        {
            EdgeFrom[e] = index[edges[e].From];
            EdgeTo[e] = index[edges[e].To];
            outgoing[EdgeFrom[e]].Add(e);
            incoming[EdgeTo[e]].Add(e);
        }

        Incoming = Array.ConvertAll(incoming, list => list.ToArray());
        Outgoing = Array.ConvertAll(outgoing, list => list.ToArray());
        NodeNames = Array.ConvertAll(nodes, node => node.Name);
        NameKey = ScopeKey.OfName(name);
        IsStart = new bool[nodes.Length];
        IsEnd = new bool[nodes.Length];
        foreach (var start in startNodes)
        {
            IsStart[index[start]] = true;
        }

        EndIndexes = new int[endNodes.Length];
        for (var i = 0; i < endNodes.Length; i++)
        {
            EndIndexes[i] = index[endNodes[i]];
            IsEnd[EndIndexes[i]] = true;
        }
    }

    /// <summary>The graph's name.</summary>
    public string Name { get; }

    /// <summary>The nodes, in the order they were added.</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    /// <summary>The edges, in the order they were added.</summary>
    public IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>The start nodes' names, each once, in the order they were marked.</summary>
    public IReadOnlyList<string> StartNodes { get; }

    /// <summary>The end nodes' names, each once, in the order they were marked.</summary>
    public IReadOnlyList<string> EndNodes { get; }

    // The run plan, by node and edge index.
    internal int[] EdgeFrom { get; }

    internal int[] EdgeTo { get; }

    internal int[][] Incoming { get; }

    internal int[][] Outgoing { get; }

    internal bool[] IsStart { get; }

    internal bool[] IsEnd { get; }

    /// <summary>The node of each end node, in the order of <see cref="EndNodes"/>.</summary>
    internal int[] EndIndexes { get; }

    /// <summary>The nodes' names, by node index: the slots of a run's scope.</summary>
    internal string[] NodeNames { get; }

    /// <summary>The stable hash of <see cref="Name"/>, for counting runs of the graph in a scope.</summary>
    internal ulong NameKey { get; }

    /// <summary>
    /// Runs the graph on <paramref name="input"/> and returns the output of the end node that ran. Node calls are
    /// ordinary task calls: inside a workflow they record their events in <see cref="ExecutionContext.Current"/>, with
    /// the ids of their nodes (<c>graph:{name}/{node}/{call}</c>; see <see cref="TaskCallId"/>).
    /// </summary>
    /// <typeparam name="TInput">The graph's input type: every start node's first parameter must accept it.</typeparam>
    /// <typeparam name="TOutput">The result type: it must accept every end node's result.</typeparam>
    /// <param name="input">The input every start node receives.</param>
    /// <param name="cancellationToken">Cancels the running nodes. It is linked to the token of the scope the graph runs in
    /// (the workflow body, or the task body that runs it), so that the workflow's cancellation and the failure of an
    /// enclosing batch reach the nodes too.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TInput"/> or <typeparamref name="TOutput"/> does not fit a start or end node; nothing ran.</exception>
    /// <exception cref="GraphRunException">The run reached no end node or several, or a condition threw.</exception>
    /// <exception cref="TaskFailedException">A node failed; the other running nodes were cancelled and stopped first.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<TOutput> RunAsync<TInput, TOutput>(TInput input, CancellationToken cancellationToken = default)
    {
        CheckRunTypes(typeof(TInput), typeof(TOutput));
        var output = await new GraphRun(this, input).RunAsync(cancellationToken).ConfigureAwait(false);
        return (TOutput)output!;
    }

    /// <summary>
    /// The graph as a Mermaid <c>flowchart TD</c>: nodes in the order they were added (ids <c>n0</c>, <c>n1</c>...,
    /// labelled with their names), start nodes fed by a <c>start</c> circle, end nodes leading to an <c>end</c> circle,
    /// conditional edges labelled with the condition's source text. The text is deterministic, with <c>\n</c> line
    /// ends, and equal to the diagram drawn at build time for the same graph.
    /// </summary>
    public string ToMermaid() => GraphMermaid.Write(_shape);

    /// <inheritdoc/>
    public override string ToString() => $"Graph '{Name}' ({Nodes.Count} nodes, {Edges.Count} edges)";

    internal static GraphDefinition Create(string name, GraphNode[] nodes, GraphEdge[] edges, string[] starts, string[] ends)
    {
        var shape = ToShape(name, nodes, edges, starts, ends);
        var violations = GraphValidation.Validate(shape, Fits, TypeNames.Of);
        if (violations.Count > 0)
        {
            var first = violations[0];
            throw new GraphValidationException(first.Code, name, first.Message, violations.Select(v => v.ToString()).ToArray());
        }

        return new GraphDefinition(name, nodes, edges, [.. starts.Distinct(StringComparer.Ordinal)], [.. ends.Distinct(StringComparer.Ordinal)], shape);
    }

    /// <summary>Whether a value of static type <paramref name="from"/> can be passed where <paramref name="to"/> is expected (reference, boxing and nullable conversions).</summary>
    internal static bool Fits(Type from, Type to) => to.IsAssignableFrom(from);

    private static GraphShape<Type> ToShape(string name, GraphNode[] nodes, GraphEdge[] edges, string[] starts, string[] ends) =>
        new(
            name,
            Array.ConvertAll(nodes, node => new GraphNodeShape<Type>(node.Name, node.Task.ParameterTypes, node.Task.ResultType)),
            Array.ConvertAll(edges, edge => new GraphEdgeShape<Type>(
                edge.From, edge.To, edge.Condition is not null, edge.Condition?.ParameterType, edge.Condition?.Description)),
            starts,
            ends);

    private void CheckRunTypes(Type input, Type output)
    {
        for (var n = 0; n < Nodes.Count; n++)
        {
            var task = Nodes[n].Task;
            if (IsStart[n] && !Fits(input, task.ParameterTypes[0]))
            {
                throw new ArgumentException(
                    FluxDiagnostics.GraphRunInputMismatch.Format([Name, Nodes[n].Name, TypeNames.Of(task.ParameterTypes[0]), TypeNames.Of(input)]),
                    "TInput");
            }

            if (IsEnd[n] && !Fits(task.ResultType, output))
            {
                throw new ArgumentException(
                    FluxDiagnostics.GraphRunOutputMismatch.Format([Name, Nodes[n].Name, TypeNames.Of(task.ResultType), TypeNames.Of(output)]),
                    "TOutput");
            }
        }
    }
}
