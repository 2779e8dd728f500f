using System.Collections.Generic;
using System.Text;

namespace Flux.Shared.Graphs;

// Compiled into Flux.Runtime and the compiler parts, so that the diagram of a graph is the same text whether it is
// drawn at build time or at run time. netstandard2.0-clean, internal, no Flux.Runtime types.

/// <summary>Writes a graph as a Mermaid <c>flowchart TD</c>: deterministic text, lines ending in <c>\n</c>.</summary>
/// <remarks>
/// Nodes get the ids <c>n0</c>, <c>n1</c>... in the order they were added, labelled with their names; a start node
/// hangs off a <c>graph_start</c> circle and an end node leads to a <c>graph_end</c> circle; an edge with a
/// condition is labelled with the condition's description (its source text), or <c>when</c> if it has none.
/// Edges that name nodes which were not added are left out.
/// </remarks>
internal static class GraphMermaid
{
    public static string Write<TType>(GraphShape<TType> shape)
        where TType : class
    {
        var ids = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        text.Append("    graph_start((\"start\"))\n");
        foreach (var node in shape.Nodes)
        {
            if (ids.ContainsKey(node.Name))
            {
                continue;
            }

            var id = "n" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids.Add(node.Name, id);
            text.Append("    ").Append(id).Append("[\"").Append(Escape(node.Name)).Append("\"]\n");
        }

        text.Append("    graph_end((\"end\"))\n");

        var started = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var start in shape.Starts)
        {
            if (ids.TryGetValue(start, out var id) && started.Add(start))
            {
                text.Append("    graph_start --> ").Append(id).Append('\n');
            }
        }

        foreach (var edge in shape.Edges)
        {
            if (!ids.TryGetValue(edge.From, out var from) || !ids.TryGetValue(edge.To, out var to))
            {
                continue;
            }

            text.Append("    ").Append(from);
            if (edge.HasCondition)
            {
                text.Append(" -->|\"").Append(Escape(Collapse(edge.ConditionDescription ?? "when"))).Append("\"| ");
            }
            else
            {
                text.Append(" --> ");
            }

            text.Append(to).Append('\n');
        }

        var ended = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var end in shape.Ends)
        {
            if (ids.TryGetValue(end, out var id) && ended.Add(end))
            {
                text.Append("    ").Append(id).Append(" --> graph_end\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A lambda written over several lines becomes one line: runs of white space become one space.</summary>
    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Mermaid entity codes for the characters that would end or alter a quoted label.</summary>
    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': result.Append("#quot;"); break;
                case '<': result.Append("#lt;"); break;
                case '>': result.Append("#gt;"); break;
                case '#': result.Append("#35;"); break;
                default: result.Append(c); break;
            }
        }

        return result.ToString();
    }
}
