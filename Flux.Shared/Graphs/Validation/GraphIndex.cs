using System;
using System.Collections.Generic;

namespace Flux.Shared.Graphs.Validation;

/// <summary>
/// A graph as indexes: the distinct nodes in first-added order, the edges between nodes that were added, and where
/// the graph names a node that was not added (a name that could be any node, see <see cref="ReachabilityRule"/>).
/// </summary>
internal sealed class GraphIndex<TType>
    where TType : class
{
    public GraphIndex(GraphShape<TType> shape)
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
        HasEdgeToUnknown = new bool[Count];
        for (var n = 0; n < Count; n++)
        {
            Incoming[n] = new List<int>();
            Outgoing[n] = new List<int>();
        }

        for (var e = 0; e < shape.Edges.Count; e++)
        {
            var edge = shape.Edges[e];
            var knownFrom = Index.TryGetValue(edge.From, out var from);
            var knownTo = Index.TryGetValue(edge.To, out var to);
            if (knownFrom && knownTo)
            {
                Incoming[to].Add(e);
                Outgoing[from].Add(e);
            }
            else if (knownTo)
            {
                HasEdgeFromUnknown[to] = true;
            }
            else if (knownFrom)
            {
                HasEdgeToUnknown[from] = true;
                AnyEdgeToUnknown = true;
            }
            else
            {
                AnyEdgeBetweenUnknowns = true;
                AnyEdgeToUnknown = true;
            }
        }

        foreach (var start in shape.Starts)
        {
            if (Index.TryGetValue(start, out var n))
            {
                StartSet.Add(n);
            }
            else
            {
                AnyUnknownStart = true;
            }
        }

        foreach (var end in shape.Ends)
        {
            if (Index.TryGetValue(end, out var n))
            {
                EndSet.Add(n);
            }
            else
            {
                AnyUnknownEnd = true;
            }
        }
    }

    public GraphShape<TType> Shape { get; }

    /// <summary>Node name to node index.</summary>
    public Dictionary<string, int> Index { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The distinct node names, in first-added order.</summary>
    public List<string> Names { get; } = new List<string>();

    /// <summary>The AddNode call of each distinct node.</summary>
    public List<int> NodeCall { get; } = new List<int>();

    /// <summary>The number of distinct nodes.</summary>
    public int Count { get; }

    /// <summary>Per node, the edges into it between added nodes, in edge order.</summary>
    public List<int>[] Incoming { get; }

    /// <summary>Per node, the edges out of it between added nodes, in edge order.</summary>
    public List<int>[] Outgoing { get; }

    /// <summary>Per node, whether an edge into it comes from a name that was not added.</summary>
    public bool[] HasEdgeFromUnknown { get; }

    /// <summary>Per node, whether an edge out of it goes to a name that was not added.</summary>
    public bool[] HasEdgeToUnknown { get; }

    /// <summary>Whether some edge goes to a name that was not added (so any node may have an input more than it seems).</summary>
    public bool AnyEdgeToUnknown { get; }

    /// <summary>Whether some edge names two nodes that were not added.</summary>
    public bool AnyEdgeBetweenUnknowns { get; }

    /// <summary>Whether some StartWith names a node that was not added.</summary>
    public bool AnyUnknownStart { get; }

    /// <summary>Whether some EndWith names a node that was not added.</summary>
    public bool AnyUnknownEnd { get; }

    /// <summary>The start nodes that were added.</summary>
    public HashSet<int> StartSet { get; } = new HashSet<int>();

    /// <summary>The end nodes that were added.</summary>
    public HashSet<int> EndSet { get; } = new HashSet<int>();

    /// <summary>The node an edge between added nodes comes from.</summary>
    public int From(int edge) => Index[Shape.Edges[edge].From];

    /// <summary>The node an edge between added nodes goes to.</summary>
    public int To(int edge) => Index[Shape.Edges[edge].To];

    /// <summary>The AddNode call that declared node <paramref name="node"/>.</summary>
    public GraphNodeShape<TType> Node(int node) => Shape.Nodes[NodeCall[node]];

    /// <summary>The nodes reached from <paramref name="roots"/> along the edges (forward) or against them (backward).</summary>
    public bool[] Reach(IEnumerable<int> roots, bool forward)
    {
        var seen = new bool[Count];
        var queue = new Queue<int>();
        foreach (var root in roots)
        {
            if (!seen[root])
            {
                seen[root] = true;
                queue.Enqueue(root);
            }
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
}
