using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Flux.Graphs.Rules;

// This file is compiled twice: into Flux.Runtime (TType = System.Type) and, linked, into Flux.Analyzers
// (TType = ITypeSymbol), so a graph is judged by one implementation at build time and at run time.
// It must stay netstandard2.0-clean, internal, and free of Flux.Runtime types.

/// <summary>
/// The graph rules FLUX001-FLUX010, as one pure function over a <see cref="GraphShape{TType}"/>.
/// </summary>
/// <remarks>
/// <para>What a node receives (its inputs), in order: the graph's input when it is a start node, then the output of
/// the upstream node of each incoming edge, in the order the edges were added. A node takes exactly one parameter per
/// input. So a start node without incoming edges has exactly one parameter (the graph's input); a start node that
/// also has incoming edges takes the graph's input first and the upstream outputs after it; an edge added twice is
/// two inputs. A node with one input that is an edge and one parameter whose type does not fit is FLUX008 (reported
/// on the edge); every other mismatch, in number or type, is FLUX010 (reported on the node).</para>
/// <para>Violations come in code order (FLUX001 first), and within a code in call order. Rules that a previous
/// violation makes meaningless are skipped: reachability (FLUX006) needs a start node that was added,
/// FLUX007 an end node that was added; type rules skip nodes whose types are unknown and nodes with an edge from an
/// unknown node.</para>
/// </remarks>
internal static class GraphRules
{
    public const string NoStart = "FLUX001";
    public const string NoEnd = "FLUX002";
    public const string UnknownNode = "FLUX003";
    public const string DuplicateNode = "FLUX004";
    public const string Cycle = "FLUX005";
    public const string UnreachableNode = "FLUX006";
    public const string DeadEnd = "FLUX007";
    public const string EdgeTypeMismatch = "FLUX008";
    public const string ConditionTypeMismatch = "FLUX009";
    public const string JoinMismatch = "FLUX010";

    /// <summary>Every code, in the order violations are reported.</summary>
    public static readonly IReadOnlyList<string> Codes = new[]
    {
        NoStart, NoEnd, UnknownNode, DuplicateNode, Cycle, UnreachableNode, DeadEnd, EdgeTypeMismatch, ConditionTypeMismatch, JoinMismatch,
    };

    /// <summary>The message format of a code: the same text as the analyzer's diagnostic descriptor (a test keeps them equal).</summary>
    public static string MessageFormat(string code)
    {
        switch (code)
        {
            case NoStart: return "Graph '{0}' has no start node: call StartWith(...) on the node that receives the workflow's input";
            case NoEnd: return "Graph '{0}' has no end node: call EndWith(...) on a node that produces the workflow's result";
            case UnknownNode: return "Graph '{0}': {1} names node '{2}', which was not added: add it with AddNode(\"{2}\", ...) or correct the name";
            case DuplicateNode: return "Graph '{0}' adds node '{1}' more than once: give each node a unique name";
            case Cycle: return "Graph '{0}' has a cycle ({1}): remove one of the edges on it";
            case UnreachableNode: return "Graph '{0}': node '{1}' is not reachable from a start node: add an edge into it or remove it";
            case DeadEnd: return "Graph '{0}': node '{1}' cannot reach an end node: add an edge from it toward an end node, or make it an end node with EndWith(...)";
            case EdgeTypeMismatch: return "Graph '{0}': edge '{1}' -> '{2}' passes '{3}' but '{2}' takes '{4}': change one of the tasks or add a node that converts between them";
            case ConditionTypeMismatch: return "Graph '{0}': the condition on edge '{1}' -> '{2}' takes '{3}' but '{1}' produces '{4}': make the condition take '{4}'";
            case JoinMismatch: return "Graph '{0}': node '{1}' has {2} upstream nodes ({3}) but takes {4}: make '{1}' take one parameter per upstream node, in edge order";
            default: throw new ArgumentOutOfRangeException(nameof(code), code, "Not a graph rule code.");
        }
    }

    /// <summary>Checks every rule and returns every violation, in code order; empty when the graph is valid.</summary>
    /// <param name="shape">The graph.</param>
    /// <param name="fits">Whether a value of the first type can be passed where the second is expected.</param>
    /// <param name="display">How a type is named in messages.</param>
    public static IReadOnlyList<GraphViolation> Validate<TType>(GraphShape<TType> shape, Func<TType, TType, bool> fits, Func<TType, string> display)
        where TType : class
    {
        if (shape is null)
        {
            throw new ArgumentNullException(nameof(shape));
        }

        var model = new Model<TType>(shape);
        var found = new List<GraphViolation>[Codes.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = new List<GraphViolation>();
        }

        void Report(string code, GraphViolationTarget target, int index, params string[] arguments)
        {
            var message = string.Format(CultureInfo.InvariantCulture, MessageFormat(code), arguments);
            found[int.Parse(code.Substring(4), CultureInfo.InvariantCulture) - 1].Add(new GraphViolation(code, arguments, message, target, index));
        }

        var name = shape.Name;

        // FLUX001, FLUX002.
        if (shape.Starts.Count == 0)
        {
            Report(NoStart, GraphViolationTarget.Graph, 0, name);
        }

        if (shape.Ends.Count == 0)
        {
            Report(NoEnd, GraphViolationTarget.Graph, 0, name);
        }

        // FLUX003: edges (from, then to), then StartWith, then EndWith calls.
        for (var e = 0; e < shape.Edges.Count; e++)
        {
            var edge = shape.Edges[e];
            var where = "edge '" + edge.From + "' -> '" + edge.To + "'";
            if (!model.Index.ContainsKey(edge.From))
            {
                Report(UnknownNode, GraphViolationTarget.EdgeFrom, e, name, where, edge.From);
            }

            if (!model.Index.ContainsKey(edge.To))
            {
                Report(UnknownNode, GraphViolationTarget.EdgeTo, e, name, where, edge.To);
            }
        }

        for (var s = 0; s < shape.Starts.Count; s++)
        {
            if (!model.Index.ContainsKey(shape.Starts[s]))
            {
                Report(UnknownNode, GraphViolationTarget.Start, s, name, "StartWith", shape.Starts[s]);
            }
        }

        for (var s = 0; s < shape.Ends.Count; s++)
        {
            if (!model.Index.ContainsKey(shape.Ends[s]))
            {
                Report(UnknownNode, GraphViolationTarget.End, s, name, "EndWith", shape.Ends[s]);
            }
        }

        // FLUX004: every AddNode after the first with the same name.
        for (var n = 0; n < shape.Nodes.Count; n++)
        {
            if (model.NodeCall[model.Index[shape.Nodes[n].Name]] != n)
            {
                Report(DuplicateNode, GraphViolationTarget.Node, n, name, shape.Nodes[n].Name);
            }
        }

        // FLUX005: one violation per strongly connected component that holds a cycle, naming one cycle through its first-added node.
        foreach (var cycle in model.FindCycles())
        {
            var path = new StringBuilder();
            foreach (var node in cycle.Nodes)
            {
                path.Append('\'').Append(model.Names[node]).Append("' -> ");
            }

            path.Append('\'').Append(model.Names[cycle.Nodes[0]]).Append('\'');
            Report(Cycle, GraphViolationTarget.Edge, cycle.ClosingEdge, name, path.ToString());
        }

        // FLUX006, FLUX007: only meaningful when there is a start (an end) node to measure from.
        if (model.StartSet.Count > 0)
        {
            var reached = model.Reach(model.StartSet, forward: true);
            for (var n = 0; n < model.Count; n++)
            {
                if (!reached[n])
                {
                    Report(UnreachableNode, GraphViolationTarget.Node, model.NodeCall[n], name, model.Names[n]);
                }
            }
        }

        if (model.EndSet.Count > 0)
        {
            var reaching = model.Reach(model.EndSet, forward: false);
            for (var n = 0; n < model.Count; n++)
            {
                if (!reaching[n])
                {
                    Report(DeadEnd, GraphViolationTarget.Node, model.NodeCall[n], name, model.Names[n]);
                }
            }
        }

        // FLUX008 (edge order) and FLUX010 (node order): what each node receives against what it takes.
        var edgeMismatches = new List<GraphViolation>();
        for (var n = 0; n < model.Count; n++)
        {
            var node = shape.Nodes[model.NodeCall[n]];
            var parameters = node.ParameterTypes;
            var isStart = model.StartSet.Contains(n);
            var incoming = model.Incoming[n];
            if (parameters is null || model.HasEdgeFromUnknown[n] || (!isStart && incoming.Count == 0))
            {
                // Unknown types, an input we cannot see, or no input at all (FLUX006 says so).
                continue;
            }

            var inputCount = (isStart ? 1 : 0) + incoming.Count;
            if (inputCount == 1 && !isStart && parameters.Count == 1)
            {
                var edge = shape.Edges[incoming[0]];
                var output = shape.Nodes[model.NodeCall[model.Index[edge.From]]].ResultType;
                if (output is not null && !fits(output, parameters[0]))
                {
                    Report(EdgeTypeMismatch, GraphViolationTarget.Edge, incoming[0], name, edge.From, edge.To, display(output), display(parameters[0]));
                }

                continue;
            }

            var mismatch = inputCount != parameters.Count;
            var inputs = new StringBuilder();
            if (isStart)
            {
                inputs.Append("the graph input");
            }

            for (var i = 0; i < incoming.Count; i++)
            {
                var edge = shape.Edges[incoming[i]];
                var output = shape.Nodes[model.NodeCall[model.Index[edge.From]]].ResultType;
                if (inputs.Length > 0)
                {
                    inputs.Append(", ");
                }

                inputs.Append('\'').Append(edge.From).Append('\'');
                if (output is not null)
                {
                    inputs.Append(": ").Append(display(output));
                    var position = i + (isStart ? 1 : 0);
                    if (!mismatch && !fits(output, parameters[position]))
                    {
                        mismatch = true;
                    }
                }
            }

            if (mismatch)
            {
                Report(
                    JoinMismatch,
                    GraphViolationTarget.Node,
                    model.NodeCall[n],
                    name,
                    node.Name,
                    inputCount.ToString(CultureInfo.InvariantCulture),
                    inputs.ToString(),
                    DescribeParameters(parameters, display));
            }
        }

        // FLUX009: a condition is called with its upstream node's output.
        for (var e = 0; e < shape.Edges.Count; e++)
        {
            var edge = shape.Edges[e];
            if (edge.ConditionType is null || !model.Index.TryGetValue(edge.From, out var from))
            {
                continue;
            }

            var output = shape.Nodes[model.NodeCall[from]].ResultType;
            if (output is not null && !fits(output, edge.ConditionType))
            {
                Report(ConditionTypeMismatch, GraphViolationTarget.Condition, e, name, edge.From, edge.To, display(edge.ConditionType), display(output));
            }
        }

        var all = new List<GraphViolation>();
        foreach (var list in found)
        {
            all.AddRange(list);
        }

        return all;
    }

    private static string DescribeParameters<TType>(IReadOnlyList<TType> parameters, Func<TType, string> display)
    {
        if (parameters.Count == 0)
        {
            return "no parameters";
        }

        var text = new StringBuilder("(");
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(display(parameters[i]));
        }

        return text.Append(')').ToString();
    }

    /// <summary>The graph as indexes: distinct nodes in first-added order, and the edges between nodes that were added.</summary>
    private sealed class Model<TType>
        where TType : class
    {
        public Model(GraphShape<TType> shape)
        {
            Shape = shape;
            for (var n = 0; n < shape.Nodes.Count; n++)
            {
                var nodeName = shape.Nodes[n].Name;
                if (!Index.ContainsKey(nodeName))
                {
                    Index[nodeName] = Names.Count;
                    Names.Add(nodeName);
                    NodeCall.Add(n);
                }
            }

            Count = Names.Count;
            Incoming = new List<int>[Count];
            Outgoing = new List<int>[Count];
            HasEdgeFromUnknown = new bool[Count];
            for (var n = 0; n < Count; n++)
            {
                Incoming[n] = new List<int>();
                Outgoing[n] = new List<int>();
            }

            for (var e = 0; e < shape.Edges.Count; e++)
            {
                var edge = shape.Edges[e];
                var knownFrom = Index.TryGetValue(edge.From, out var from);
                if (Index.TryGetValue(edge.To, out var to))
                {
                    if (knownFrom)
                    {
                        Incoming[to].Add(e);
                        Outgoing[from].Add(e);
                    }
                    else
                    {
                        HasEdgeFromUnknown[to] = true;
                    }
                }
            }

            foreach (var start in shape.Starts)
            {
                if (Index.TryGetValue(start, out var n))
                {
                    StartSet.Add(n);
                }
            }

            foreach (var end in shape.Ends)
            {
                if (Index.TryGetValue(end, out var n))
                {
                    EndSet.Add(n);
                }
            }
        }

        public GraphShape<TType> Shape { get; }

        public Dictionary<string, int> Index { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public List<string> Names { get; } = new List<string>();

        /// <summary>The AddNode call of each distinct node.</summary>
        public List<int> NodeCall { get; } = new List<int>();

        public int Count { get; }

        /// <summary>Per node, the edges into it between added nodes, in edge order.</summary>
        public List<int>[] Incoming { get; }

        /// <summary>Per node, the edges out of it between added nodes, in edge order.</summary>
        public List<int>[] Outgoing { get; }

        public bool[] HasEdgeFromUnknown { get; }

        public HashSet<int> StartSet { get; } = new HashSet<int>();

        public HashSet<int> EndSet { get; } = new HashSet<int>();

        public int From(int edge) => Index[Shape.Edges[edge].From];

        public int To(int edge) => Index[Shape.Edges[edge].To];

        public bool[] Reach(HashSet<int> roots, bool forward)
        {
            var seen = new bool[Count];
            var queue = new Queue<int>();
            foreach (var root in roots)
            {
                seen[root] = true;
                queue.Enqueue(root);
            }

            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var edge in forward ? Outgoing[node] : Incoming[node])
                {
                    var next = forward ? To(edge) : From(edge);
                    if (!seen[next])
                    {
                        seen[next] = true;
                        queue.Enqueue(next);
                    }
                }
            }

            return seen;
        }

        /// <summary>One cycle per strongly connected component that has one, ordered by the component's first-added node.</summary>
        public List<CycleFound> FindCycles()
        {
            var component = StronglyConnectedComponents();
            var cycles = new List<CycleFound>();
            var done = new HashSet<int>();
            for (var start = 0; start < Count; start++)
            {
                if (!done.Add(component[start]))
                {
                    continue;
                }

                // The shortest way back to 'start' inside its component, by breadth-first search in edge order.
                var via = new int[Count];
                for (var i = 0; i < Count; i++)
                {
                    via[i] = -1;
                }

                var queue = new Queue<int>();
                queue.Enqueue(start);
                var closing = -1;
                while (queue.Count > 0 && closing < 0)
                {
                    var node = queue.Dequeue();
                    foreach (var edge in Outgoing[node])
                    {
                        var next = To(edge);
                        if (component[next] != component[start])
                        {
                            continue;
                        }

                        if (next == start)
                        {
                            closing = edge;
                            break;
                        }

                        if (via[next] < 0)
                        {
                            via[next] = edge;
                            queue.Enqueue(next);
                        }
                    }
                }

                if (closing < 0)
                {
                    continue;
                }

                var nodes = new List<int>();
                for (var node = From(closing); node != start; node = From(via[node]))
                {
                    nodes.Add(node);
                }

                nodes.Add(start);
                nodes.Reverse();
                cycles.Add(new CycleFound(nodes, closing));
            }

            return cycles;
        }

        /// <summary>Tarjan's algorithm, without recursion so that a long chain cannot overflow the stack.</summary>
        private int[] StronglyConnectedComponents()
        {
            var index = new int[Count];
            var low = new int[Count];
            var onStack = new bool[Count];
            var component = new int[Count];
            for (var i = 0; i < Count; i++)
            {
                index[i] = -1;
            }

            var stack = new Stack<int>();
            var next = 0;
            var components = 0;
            var work = new Stack<KeyValuePair<int, int>>();
            for (var root = 0; root < Count; root++)
            {
                if (index[root] >= 0)
                {
                    continue;
                }

                work.Push(new KeyValuePair<int, int>(root, 0));
                while (work.Count > 0)
                {
                    var frame = work.Pop();
                    var node = frame.Key;
                    var position = frame.Value;
                    if (position == 0)
                    {
                        index[node] = low[node] = next++;
                        stack.Push(node);
                        onStack[node] = true;
                    }
                    else
                    {
                        var child = To(Outgoing[node][position - 1]);
                        low[node] = Math.Min(low[node], low[child]);
                    }

                    var descended = false;
                    while (position < Outgoing[node].Count)
                    {
                        var child = To(Outgoing[node][position]);
                        position++;
                        if (index[child] < 0)
                        {
                            work.Push(new KeyValuePair<int, int>(node, position));
                            work.Push(new KeyValuePair<int, int>(child, 0));
                            descended = true;
                            break;
                        }

                        if (onStack[child])
                        {
                            low[node] = Math.Min(low[node], index[child]);
                        }
                    }

                    if (descended || low[node] != index[node])
                    {
                        continue;
                    }

                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component[member] = components;
                    }
                    while (member != node);
                    components++;
                }
            }

            return component;
        }
    }

    private sealed class CycleFound
    {
        public CycleFound(List<int> nodes, int closingEdge)
        {
            Nodes = nodes;
            ClosingEdge = closingEdge;
        }

        /// <summary>The nodes on the cycle in order, starting with the component's first-added node.</summary>
        public List<int> Nodes { get; }

        /// <summary>The edge that leads back to the first node.</summary>
        public int ClosingEdge { get; }
    }
}
