using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Flux.Shared.Diagnostics;

namespace Flux.Shared.Graphs.Validation;

/// <summary>
/// FLUX008 (reported on the edge) and FLUX010 (reported on the node): a node takes one parameter per input, each of a
/// type its input fits. A node's inputs are the graph's input when it is a start node, then the output of the upstream
/// node of each incoming edge, in edge order; so a start node without incoming edges takes exactly one parameter, and
/// an edge added twice is two inputs.
/// </summary>
/// <remarks>
/// A node with one input that is an edge and one parameter whose type does not fit is FLUX008; every other mismatch, in
/// number or type, is FLUX010. Skipped: nodes whose types are unknown, nodes with an edge from a name that was not added
/// (an input we cannot see), nodes with no input at all (FLUX006 says so). A node with fewer inputs than parameters is
/// not judged when a later call, or fixing a name that was not added, could still give it the inputs it lacks.
/// </remarks>
internal static class InputRule
{
    public static void Check<TType>(GraphCheck<TType> check)
        where TType : class
    {
        var index = check.Index;
        var shape = check.Shape;
        var inputsMayGrow = check.IsPartial || index.AnyEdgeToUnknown || index.AnyUnknownStart;
        for (var n = 0; n < index.Count; n++)
        {
            var node = index.Node(n);
            var parameters = node.ParameterTypes;
            var isStart = index.StartSet.Contains(n);
            var incoming = index.Incoming[n];
            if (parameters is null || index.HasEdgeFromUnknown[n] || (!isStart && incoming.Count == 0))
            {
                continue;
            }

            var inputCount = (isStart ? 1 : 0) + incoming.Count;
            if (inputCount == 1 && !isStart && parameters.Count == 1)
            {
                var edge = shape.Edges[incoming[0]];
                var output = index.Node(index.Index[edge.From]).ResultType;
                if (output is not null && !check.Fits(output, parameters[0]))
                {
                    check.Report(
                        FluxDiagnostics.GraphEdgeTypeMismatch,
                        GraphViolationTarget.Edge,
                        incoming[0],
                        check.Name,
                        edge.From,
                        edge.To,
                        check.Display(output),
                        check.Display(parameters[0]));
                }

                continue;
            }

            if (inputCount < parameters.Count && inputsMayGrow)
            {
                continue;
            }

            var mismatch = inputCount != parameters.Count;
            var inputs = new StringBuilder();
            if (isStart)
            {
                inputs.Append("the graph input");
            }

            for (var i = 0; i < incoming.Count; i++)
            {
                var edge = shape.Edges[incoming[i]];
                var output = index.Node(index.Index[edge.From]).ResultType;
                if (inputs.Length > 0)
                {
                    inputs.Append(", ");
                }

                inputs.Append('\'').Append(edge.From).Append('\'');
                if (output is not null)
                {
                    inputs.Append(": ").Append(check.Display(output));
                    var position = i + (isStart ? 1 : 0);
                    if (!mismatch && !check.Fits(output, parameters[position]))
                    {
                        mismatch = true;
                    }
                }
            }

            if (mismatch)
            {
                check.Report(
                    FluxDiagnostics.GraphJoinMismatch,
                    GraphViolationTarget.Node,
                    index.NodeCall[n],
                    check.Name,
                    node.Name,
                    inputCount.ToString(CultureInfo.InvariantCulture),
                    inputs.ToString(),
                    DescribeParameters(parameters, check.Display));
            }
        }
    }

    private static string DescribeParameters<TType>(IReadOnlyList<TType> parameters, Func<TType, string> display)
    {
        if (parameters.Count == 0)
        {
            return "no parameters";
        }

        var text = new StringBuilder("(");
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(display(parameters[i]));
        }

        return text.Append(')').ToString();
    }
}
