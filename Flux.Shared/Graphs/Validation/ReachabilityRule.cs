using System.Collections.Generic;
using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>
/// FLUX006: every node is reachable from a start node; FLUX007: every node can reach an end node. Each is judged only
/// when there is a start (an end) node to measure from.
/// </summary>
/// <remarks>
/// A name that was not added (FLUX003) is a typo for some node, and which one is not known: so an edge from such a name
/// may lead into its target, and an edge to such a name may lead anywhere. A node that fixing the typo could make
/// reachable (able to reach an end) is not reported beside the typo: one typo, one error.
/// </remarks>
internal static class ReachabilityRule
{
    public static void Check<TType>(GraphCheck<TType> check)
        where TType : class
    {
        if (check.IsPartial)
        {
            return;
        }

        var index = check.Index;
        if (index.StartSet.Count > 0 && !index.AnyUnknownStart && !index.AnyEdgeBetweenUnknowns)
        {
            // Roots: the start nodes, and the targets of edges from unknown names (the unknown may be a reached node).
            var roots = new List<int>(index.StartSet);
            for (var n = 0; n < index.Count; n++)
            {
                if (index.HasEdgeFromUnknown[n])
                {
                    roots.Add(n);
                }
            }

            var reached = index.Reach(roots, forward: true);
            if (!AnyOf(reached, index.HasEdgeToUnknown))
            {
                for (var n = 0; n < index.Count; n++)
                {
                    if (!reached[n])
                    {
                        check.Report(FluxDiagnostics.GraphUnreachableNode, GraphViolationTarget.Node, index.NodeCall[n], check.Name, index.Names[n]);
                    }
                }
            }
        }

        if (index.EndSet.Count > 0 && !index.AnyUnknownEnd && !index.AnyEdgeBetweenUnknowns)
        {
            // Roots: the end nodes, and the sources of edges to unknown names (the unknown may be an end node).
            var roots = new List<int>(index.EndSet);
            for (var n = 0; n < index.Count; n++)
            {
                if (index.HasEdgeToUnknown[n])
                {
                    roots.Add(n);
                }
            }

            var reaching = index.Reach(roots, forward: false);
            if (!AnyOf(reaching, index.HasEdgeFromUnknown))
            {
                for (var n = 0; n < index.Count; n++)
                {
                    if (!reaching[n])
                    {
                        check.Report(FluxDiagnostics.GraphDeadEnd, GraphViolationTarget.Node, index.NodeCall[n], check.Name, index.Names[n]);
                    }
                }
            }
        }
    }

    /// <summary>Whether some node is in both sets: then an unknown name next to it could stand for any node, and every node may be reached.</summary>
    private static bool AnyOf(bool[] nodes, bool[] flags)
    {
        for (var n = 0; n < nodes.Length; n++)
        {
            if (nodes[n] && flags[n])
            {
                return true;
            }
        }

        return false;
    }
}
