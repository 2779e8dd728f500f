using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>FLUX004: node names are unique; every AddNode after the first with the same name is reported.</summary>
internal static class DuplicateNodeRule
{
    public static void Check<TType>(GraphCheck<TType> check)
        where TType : class
    {
        var nodes = check.Shape.Nodes;
        for (var n = 0; n < nodes.Count; n++)
        {
            if (check.Index.NodeCall[check.Index.Index[nodes[n].Name]] != n)
            {
                check.Report(FluxDiagnostics.GraphDuplicateNode, GraphViolationTarget.Node, n, check.Name, nodes[n].Name);
            }
        }
    }
}
