using System.Collections.Generic;
using Flux.Shared.Declarations.FluentGraphs;
using Flux.Shared.Graphs;
using Flux.Shared.Graphs.Validation;

namespace Flux.Generators.Workflows.FluentDiagrams;

/// <summary>Draws a <see cref="GraphSketch"/> with the shared Mermaid writer, when the graph breaks no rule.</summary>
internal static class FluentDiagramWriter
{
    /// <summary>The Mermaid text of the graph, or null when it breaks a rule (the runtime would refuse to run it).</summary>
    public static string? Draw(GraphSketch sketch)
    {
        var nodes = new List<GraphNodeShape<string>>();
        var edges = new List<GraphEdgeShape<string>>();
        var starts = new List<string>();
        var ends = new List<string>();
        foreach (var call in sketch.Calls)
        {
            switch (call.Kind)
            {
                case FluentCallKind.AddNode:
                    nodes.Add(new GraphNodeShape<string>(call.Name, null, null));
                    break;
                case FluentCallKind.AddEdge:
                    edges.Add(new GraphEdgeShape<string>(call.Name, call.To!, call.HasCondition, null, call.Description));
                    break;
                case FluentCallKind.StartWith:
                    starts.Add(call.Name);
                    break;
                default:
                    ends.Add(call.Name);
                    break;
            }
        }

        var shape = new GraphShape<string>(sketch.Name, nodes, edges, starts, ends);
        return GraphValidation.Validate(shape, static (_, _) => true, static type => type).Count == 0 ? GraphMermaid.Write(shape) : null;
    }
}
