using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Flux.Generators.DeclarativeGraphs.Model;
using Flux.Generators.Symbols;
using Flux.Generators.Writing;
using Flux.Shared.Declarations;

namespace Flux.Generators.DeclarativeGraphs;

/// <summary>
/// Writes the statements of a valid declarative graph's body from its <see cref="BodyPlan"/>: it decides nothing about
/// the graph, only how each step reads. Consecutive one-line starts (or awaits) stay together; everything else is set
/// apart by a blank line.
/// </summary>
internal sealed class DeclarativeBodyEmitter
{
    private const string Token = "cancellationToken";

    private readonly SourceWriter _writer;
    private readonly DeclarativeGraphModel _graph;
    private readonly BodyPlan _plan;
    private readonly EquatableArray<GraphNodeModel> _nodes;
    private readonly EquatableArray<GraphEdgeModel> _edges;
    private Layout _last = Layout.Token;

    private DeclarativeBodyEmitter(SourceWriter writer, DeclarativeGraphModel graph, BodyPlan plan)
    {
        _writer = writer;
        _graph = graph;
        _plan = plan;
        _nodes = graph.Nodes;
        _edges = graph.Edges;
    }

    /// <summary>How a statement sits among its neighbours.</summary>
    private enum Layout
    {
        Token,
        Start,
        Await,
        Block,
    }

    public static void Write(SourceWriter writer, DeclarativeGraphModel graph, BodyPlan plan, CancellationToken cancellationToken)
    {
        var emitter = new DeclarativeBodyEmitter(writer, graph, plan);
        writer.WriteLine("var " + Token + " = " + graph.ParameterName + ".CancellationToken;");
        foreach (var step in plan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (step.Kind)
            {
                case BodyStepKind.Start:
                    emitter.WriteStart(step.Node);
                    break;
                case BodyStepKind.Await:
                    emitter.WriteAwait(step.Node);
                    break;
                case BodyStepKind.Run:
                    emitter.WriteRun(step.Node);
                    break;
                default:
                    emitter.WriteRoute(step);
                    break;
            }
        }

        emitter.WriteResult();
    }

    private bool Always(int n) => _plan.Always[n];

    private string Call(int n) => _nodes[n].Handle + ".Call(" + Arguments(n) + ").RunAsync(" + Token + ")";

    private void WriteStart(int n)
    {
        var node = _nodes[n];
        if (Always(n))
        {
            Begin(Layout.Start);
            _writer.WriteLine("var " + node.Local + "Call = " + Call(n) + ";");
            return;
        }

        Begin(Layout.Block);
        WriteRuns(n);
        _writer.WriteLine("var " + node.Local + "Call = default(" + KnownTypes.ValueTask + "<" + node.ResultType + ">);");
        _writer.WriteLine("if (" + node.Local + "Runs)");
        _writer.OpenBlock();
        _writer.WriteLine(node.Local + "Call = " + Call(n) + ";");
        _writer.CloseBlock();
    }

    private void WriteAwait(int n)
    {
        var node = _nodes[n];
        if (Always(n))
        {
            Begin(Layout.Await);
            _writer.WriteLine("var " + node.Local + " = await " + node.Local + "Call.ConfigureAwait(false);");
            return;
        }

        Begin(Layout.Block);
        _writer.WriteLine(node.ResultType + " " + node.Local + " = default!;");
        _writer.WriteLine("if (" + node.Local + "Runs)");
        _writer.OpenBlock();
        _writer.WriteLine(node.Local + " = await " + node.Local + "Call.ConfigureAwait(false);");
        _writer.CloseBlock();
    }

    private void WriteRun(int n)
    {
        var node = _nodes[n];
        if (Always(n))
        {
            // Reads like a start (it begins the node's work) and ends like an await.
            Begin(Layout.Start);
            _writer.WriteLine("var " + node.Local + " = await " + Call(n) + ".ConfigureAwait(false);");
            _last = Layout.Await;
            return;
        }

        Begin(Layout.Block);
        WriteRuns(n);
        _writer.WriteLine(node.ResultType + " " + node.Local + " = default!;");
        _writer.WriteLine("if (" + node.Local + "Runs)");
        _writer.OpenBlock();
        _writer.WriteLine(node.Local + " = await " + Call(n) + ".ConfigureAwait(false);");
        _writer.CloseBlock();
    }

    /// <summary>A skippable node's <c>Runs</c> local: the conjunction of its incoming edges (unless a route sets it).</summary>
    private void WriteRuns(int n)
    {
        var runs = _plan.RunsWhen[n];
        if (runs.SetByRoute)
        {
            return;
        }

        var terms = new List<string>();
        foreach (var term in runs.Terms)
        {
            var edge = _edges[term.Edge];
            var from = _nodes[edge.From];
            switch (term.Kind)
            {
                case RunsTermKind.UpstreamRan:
                    terms.Add(from.Local + "Runs");
                    break;
                case RunsTermKind.Condition:
                    var condition = edge.Condition + "(" + from.Local + (edge.ConditionForgivesNull ? "!" : string.Empty) + ")";
                    terms.Add(Always(edge.From) ? condition : from.Local + "Runs && " + condition);
                    break;
                default:
                    terms.Add(_plan.EdgeFlags[term.Edge]);
                    break;
            }
        }

        _writer.WriteLine("var " + _nodes[n].Local + "Runs = " + string.Join(" && ", terms) + ";");
    }

    /// <summary>After a node ran: a <c>switch</c> on an enum router that sets the flags of the edges it takes.</summary>
    private void WriteRoute(BodyStep route)
    {
        var node = _nodes[route.Node];
        Begin(Layout.Block);
        foreach (var e in route.Edges)
        {
            _writer.WriteLine("var " + _plan.EdgeFlags[e] + " = false;");
        }

        var guarded = !Always(route.Node);
        if (guarded)
        {
            _writer.WriteLine("if (" + node.Local + "Runs)");
            _writer.OpenBlock();
        }

        _writer.WriteLine("switch (" + route.Router + "(" + node.Local + (route.RouterForgivesNull ? "!" : string.Empty) + "))");
        _writer.OpenBlock();
        for (var s = 0; s < route.Sections.Count; s++)
        {
            if (s > 0)
            {
                _writer.WriteLine();
            }

            foreach (var @case in route.Sections[s].Cases)
            {
                _writer.WriteLine("case " + @case + ":");
            }

            _writer.Indent();
            foreach (var e in route.Sections[s].Edges)
            {
                _writer.WriteLine(_plan.EdgeFlags[e] + " = true;");
            }

            _writer.WriteLine("break;");
            _writer.Unindent();
        }

        _writer.CloseBlock();
        if (guarded)
        {
            _writer.CloseBlock();
        }
    }

    /// <summary>The node's inputs: the workflow's input for a start node, then the upstream outputs in edge order.</summary>
    private string Arguments(int n)
    {
        var node = _nodes[n];
        var arguments = new List<string>();
        if (node.IsStart)
        {
            arguments.Add(_graph.ParameterName + ".Input" + (node.InputForgivesNull ? "!" : string.Empty));
        }

        for (var e = 0; e < _edges.Count; e++)
        {
            if (_edges[e].To == n)
            {
                arguments.Add(_nodes[_edges[e].From].Local + (_edges[e].ArgumentForgivesNull ? "!" : string.Empty));
            }
        }

        return string.Join(", ", arguments);
    }

    /// <summary>Returns the output of the one end node that ran; a run that reaches none or several fails as <c>Graph.RunAsync</c> does.</summary>
    private void WriteResult()
    {
        var ends = _plan.Ends;
        string Return(int n) => "return " + _nodes[n].Local + (_nodes[n].ResultForgivesNull ? "!" : string.Empty) + ";";

        _writer.WriteLine();
        if (ends.Count == 1 && Always(ends[0]))
        {
            _writer.WriteLine(Return(ends[0]));
            return;
        }

        var names = string.Join(", ", ends.Select(n => "'" + _nodes[n].Name + "'"));
        var name = _graph.RuntimeName;
        var always = _plan.AlwaysEnd;
        _writer.WriteLine("// A run has one result: the output of the one end node that ran.");
        _writer.WriteLine("var endNodesRan = " + string.Join(" + ", ends.Select(n => Always(n) ? "1" : "(" + _nodes[n].Local + "Runs ? 1 : 0)")) + ";");
        if (always < 0)
        {
            _writer.WriteLine("if (endNodesRan == 0)");
            _writer.OpenBlock();
            _writer.WriteLine("throw new global::Flux.GraphRunException(");
            _writer.Indent();
            _writer.WriteLine(GeneratedCode.Literal(name) + ",");
            _writer.WriteLine(GeneratedCode.Literal(
                "Graph '" + name + "' reached no end node: " + names + " " + (ends.Count == 1 ? "was" : "were")
                + " skipped because a condition on the way was false. Make sure every run reaches an end node, e.g. add an edge with the opposite condition to another end node.") + ");");
            _writer.Unindent();
            _writer.CloseBlock();
        }

        if (ends.Count > 1)
        {
            if (always < 0)
            {
                _writer.WriteLine();
            }

            _writer.WriteLine("if (endNodesRan > 1)");
            _writer.OpenBlock();
            _writer.WriteLine("throw new global::Flux.GraphRunException(");
            _writer.Indent();
            _writer.WriteLine(GeneratedCode.Literal(name) + ",");
            _writer.WriteLine("$" + GeneratedCode.Literal(
                "Graph '" + name + "' reached {endNodesRan} of its end nodes (" + names
                + "), but a run has one result: make the conditions in front of these end nodes exclusive, or join them into one end node.")
                .Replace("{endNodesRan}", "\u0001").Replace("{", "{{").Replace("}", "}}").Replace("\u0001", "{endNodesRan}") + ");");
            _writer.Unindent();
            _writer.CloseBlock();
        }

        if (always >= 0)
        {
            _writer.WriteLine();
            _writer.WriteLine(Return(always));
            return;
        }

        foreach (var n in ends.Take(ends.Count - 1))
        {
            _writer.WriteLine();
            _writer.WriteLine("if (" + _nodes[n].Local + "Runs)");
            _writer.OpenBlock();
            _writer.WriteLine(Return(n));
            _writer.CloseBlock();
        }

        _writer.WriteLine();
        _writer.WriteLine(Return(ends[ends.Count - 1]));
    }

    /// <summary>A blank line before the statement unless it continues a run of one-line statements of its kind.</summary>
    private void Begin(Layout layout)
    {
        if (layout != _last || layout == Layout.Block)
        {
            _writer.WriteLine();
        }

        _last = layout;
    }
}
