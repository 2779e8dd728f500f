using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>FLUX003: every name in AddEdge (from, then to), StartWith and EndWith was added with AddNode, reported in that order.</summary>
/// <remarks>A graph that may still be extended may name a node its caller adds: it is not judged until it says it is complete.</remarks>
internal static class UnknownNodeRule
{
    public static void Check<TType>(GraphCheck<TType> check)
        where TType : class
    {
        if (check.IsPartial)
        {
            return;
        }

        var shape = check.Shape;
        var index = check.Index.Index;
        for (var e = 0; e < shape.Edges.Count; e++)
        {
            var edge = shape.Edges[e];
            var where = "edge '" + edge.From + "' -> '" + edge.To + "'";
            if (!index.ContainsKey(edge.From))
            {
                check.Report(FluxDiagnostics.GraphUnknownNode, GraphViolationTarget.EdgeFrom, e, check.Name, where, edge.From);
            }

            if (!index.ContainsKey(edge.To))
            {
                check.Report(FluxDiagnostics.GraphUnknownNode, GraphViolationTarget.EdgeTo, e, check.Name, where, edge.To);
            }
        }

        for (var s = 0; s < shape.Starts.Count; s++)
        {
            if (!index.ContainsKey(shape.Starts[s]))
            {
                check.Report(FluxDiagnostics.GraphUnknownNode, GraphViolationTarget.Start, s, check.Name, "StartWith", shape.Starts[s]);
            }
        }

        for (var s = 0; s < shape.Ends.Count; s++)
        {
            if (!index.ContainsKey(shape.Ends[s]))
            {
                check.Report(FluxDiagnostics.GraphUnknownNode, GraphViolationTarget.End, s, check.Name, "EndWith", shape.Ends[s]);
            }
        }
    }
}
