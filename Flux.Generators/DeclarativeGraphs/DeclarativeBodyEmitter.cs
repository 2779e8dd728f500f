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
/// <remarks>
/// The body runs on a <c>Flux.Generated.DeclaredGraphRun</c>, which gives it the runtime graph's semantics: node calls
/// get the ids <c>Graph.RunAsync</c> gives them, the first failing node cancels the others (and leaving the body waits
/// for them), a throwing condition or router fails as a <c>GraphRunException</c>, and the end-node check throws the
/// runtime's own errors.
/// </remarks>
internal sealed class DeclarativeBodyEmitter
{
    private const string RunType = "global::Flux.Generated.DeclaredGraphRun";

    private readonly SourceWriter _writer;
    private readonly string _run;
    private readonly DeclarativeGraphModel _graph;
    private readonly BodyPlan _plan;
    private readonly EquatableArray<GraphNodeModel> _nodes;
    private readonly EquatableArray<GraphEdgeModel> _edges;
    private Layout _last = Layout.Open;

    private DeclarativeBodyEmitter(SourceWriter writer, DeclarativeGraphModel graph, BodyPlan plan)
    {
        _writer = writer;
        _graph = graph;
        _plan = plan;
        _nodes = graph.Nodes;
        _edges = graph.Edges;
        _run = DeclarativeGraphParser.RunLocal(graph.ParameterName);
    }

    /// <summary>How a statement sits among its neighbours.</summary>
    private enum Layout
    {
        Open,
        Start,
        Await,
        Block,
    }

    public static void Write(SourceWriter writer, DeclarativeGraphModel graph, BodyPlan plan, CancellationToken cancellationToken)
    {
        var emitter = new DeclarativeBodyEmitter(writer, graph, plan);
        var ends = string.Join(", ", plan.Ends.Select(n => GeneratedCode.Literal(graph.Nodes[n].Name)));
        writer.WriteLine("await using var " + emitter._run + " = " + RunType + ".Open(" + GeneratedCode.Literal(graph.RuntimeName) + ", new[] { " + ends + " });");
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

    /// <summary>The node's call, started in its node's slot of the run: <c>graph.Run("node", NodeTask.Call(...))</c>.</summary>
    private string Call(int n) => _run + ".Run(" + GeneratedCode.Literal(_nodes[n].Name) + ", " + _nodes[n].Handle + ".Call(" + Arguments(n) + "))";

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
                    var condition = Condition(edge);
                    terms.Add(Always(edge.From) ? condition : from.Local + "Runs && " + condition);
                    break;
                default:
                    terms.Add(_plan.EdgeFlags[term.Edge]);
                    break;
            }
        }

        _writer.WriteLine("var " + _nodes[n].Local + "Runs = " + string.Join(" && ", terms) + ";");
    }

    /// <summary>
    /// The edge's condition on the upstream output, through the run (which turns an exception into the runtime's
    /// <c>GraphRunException</c>): <c>graph.When("a", "b", "IsValid", IsValid, a)</c>, awaited for an asynchronous one.
    /// </summary>
    private string Condition(GraphEdgeModel edge)
    {
        var arguments = GeneratedCode.Literal(_nodes[edge.From].Name) + ", " + GeneratedCode.Literal(_nodes[edge.To].Name) + ", "
            + GeneratedCode.Literal(edge.ConditionName!) + ", " + edge.Condition + ", " + _nodes[edge.From].Local + (edge.ConditionForgivesNull ? "!" : string.Empty);
        return edge.ConditionIsAsync
            ? "await " + _run + ".WhenAsync(" + arguments + ").ConfigureAwait(false)"
            : _run + ".When(" + arguments + ")";
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

        var router = GeneratedCode.Literal(_edges[route.Edges[0]].ConditionName!);
        _writer.WriteLine("switch (" + _run + ".Route(" + GeneratedCode.Literal(node.Name) + ", " + router + ", " + route.Router + ", " + node.Local + (route.RouterForgivesNull ? "!" : string.Empty) + "))");
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

    /// <summary>Returns the output of the one end node that ran; the run throws <c>Graph.RunAsync</c>'s error when none or several ran.</summary>
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

        _writer.WriteLine(_run + ".CheckEndNodes(" + string.Join(", ", ends.Select(n => Always(n) ? "true" : _nodes[n].Local + "Runs")) + ");");
        if (_plan.AlwaysEnd >= 0)
        {
            _writer.WriteLine(Return(_plan.AlwaysEnd));
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
