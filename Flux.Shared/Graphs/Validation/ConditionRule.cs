using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>FLUX009: an edge's condition is called with its upstream node's output, so its parameter type must fit it.</summary>
internal static class ConditionRule
{
    public static void Check<TType>(GraphCheck<TType> check)
        where TType : class
    {
        var shape = check.Shape;
        for (var e = 0; e < shape.Edges.Count; e++)
        {
            var edge = shape.Edges[e];
            if (edge.ConditionType is null || !check.Index.Index.TryGetValue(edge.From, out var from))
            {
                continue;
            }

            var output = check.Index.Node(from).ResultType;
            if (output is not null && !check.Fits(output, edge.ConditionType))
            {
                check.Report(
                    FluxDiagnostics.GraphConditionTypeMismatch,
                    GraphViolationTarget.Condition,
                    e,
                    check.Name,
                    edge.From,
                    edge.To,
                    check.Display(edge.ConditionType),
                    check.Display(output));
            }
        }
    }
}
