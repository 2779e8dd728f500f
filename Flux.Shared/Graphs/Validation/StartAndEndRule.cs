using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>FLUX001, FLUX002: a graph has a start node (where its input goes) and an end node (where its result comes from).</summary>
/// <remarks>A graph that may still be extended and says nothing about its start and end is not judged: its caller may finish it.</remarks>
internal static class StartAndEndRule
{
    public static void Check<TType>(GraphCheck<TType> check)
        where TType : class
    {
        if (check.IsPartial)
        {
            return;
        }

        if (check.Shape.Starts.Count == 0)
        {
            check.Report(FluxDiagnostics.GraphHasNoStart, GraphViolationTarget.Graph, 0, check.Name);
        }

        if (check.Shape.Ends.Count == 0)
        {
            check.Report(FluxDiagnostics.GraphHasNoEnd, GraphViolationTarget.Graph, 0, check.Name);
        }
    }
}
