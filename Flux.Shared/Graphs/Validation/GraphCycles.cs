using System;
using System.Collections.Generic;

namespace Flux.Shared.Graphs.Validation;

/// <summary>The cycles of a graph: one per strongly connected component that has one, ordered by the component's first-added node.</summary>
internal static class GraphCycles
{
    public static List<GraphCycle> Find<TType>(GraphIndex<TType> graph)
        where TType : class
    {
        var component = StronglyConnectedComponents(graph);
        var cycles = new List<GraphCycle>();
        var done = new HashSet<int>();
        for (var start = 0; start < graph.Count; start++)
        {
            if (!done.Add(component[start]))
            {
                continue;
            }

            // The shortest way back to 'start' inside its component, by breadth-first search in edge order.
            var via = new int[graph.Count];
            for (var i = 0; i < graph.Count; i++)
            {
                via[i] = -1;
            }

            var queue = new Queue<int>();
            queue.Enqueue(start);
            var closing = -1;
            while (queue.Count > 0 && closing < 0)
            {
                var node = queue.Dequeue();
                foreach (var edge in graph.Outgoing[node])
                {
                    var next = graph.To(edge);
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
            for (var node = graph.From(closing); node != start; node = graph.From(via[node]))
            {
                nodes.Add(node);
            }

            nodes.Add(start);
            nodes.Reverse();
            cycles.Add(new GraphCycle(nodes, closing));
        }

        return cycles;
    }

    /// <summary>Tarjan's algorithm, without recursion so that a long chain cannot overflow the stack.</summary>
    private static int[] StronglyConnectedComponents<TType>(GraphIndex<TType> graph)
        where TType : class
    {
        var count = graph.Count;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        var component = new int[count];
        for (var i = 0; i < count; i++)
        {
            index[i] = -1;
        }

        var stack = new Stack<int>();
        var next = 0;
        var components = 0;
        var work = new Stack<KeyValuePair<int, int>>();
        for (var root = 0; root < count; root++)
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
                    var child = graph.To(graph.Outgoing[node][position - 1]);
                    low[node] = Math.Min(low[node], low[child]);
                }

                var descended = false;
                while (position < graph.Outgoing[node].Count)
                {
                    var child = graph.To(graph.Outgoing[node][position]);
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

/// <summary>One cycle: its nodes in order, starting with its component's first-added node, and the edge that closes it.</summary>
internal sealed class GraphCycle
{
    public GraphCycle(List<int> nodes, int closingEdge)
    {
        Nodes = nodes;
        ClosingEdge = closingEdge;
    }

    /// <summary>The nodes on the cycle in order.</summary>
    public List<int> Nodes { get; }

    /// <summary>The edge that leads back to the first node.</summary>
    public int ClosingEdge { get; }
}
