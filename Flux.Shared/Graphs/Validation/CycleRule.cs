using System.Text;
using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>
/// FLUX005: no cycle. One violation per strongly connected component that holds a cycle, naming one cycle through the
/// component's first-added node, reported on the edge that closes it.
/// </summary>
internal static class CycleRule
{
    public static void Check<TType>(GraphCheck<TType> check)
        where TType : class
    {
        var index = check.Index;
        foreach (var cycle in GraphCycles.Find(index))
        {
            var path = new StringBuilder();
            foreach (var node in cycle.Nodes)
            {
                path.Append('\'').Append(index.Names[node]).Append("' -> ");
            }

            path.Append('\'').Append(index.Names[cycle.Nodes[0]]).Append('\'');
            check.Report(FluxDiagnostics.GraphCycle, GraphViolationTarget.Edge, cycle.ClosingEdge, check.Name, path.ToString());
        }
    }
}
