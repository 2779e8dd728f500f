using System.Collections.Generic;
using System.Linq;
using Flux.Generators.DeclarativeGraphs.Model;
using Flux.Shared.Declarations;

namespace Flux.Generators.DeclarativeGraphs;

/// <summary>
/// Decides the body of a valid declarative graph (<see cref="BodyPlan"/>) from its nodes and edges, before any text
/// is written. Nodes are visited in dependency order (declaration order among the ready ones). A node's call is started
/// as soon as its upstream outputs are awaited, and its own output is awaited only when a later node (or the result)
/// needs it, so independent branches run at the same time; a call awaited right after it started is run at once. A
/// node that can be skipped runs when every incoming edge is taken, as the runtime defines it.
/// </summary>
internal sealed class DeclarativeBodyPlanner
{
    private readonly EquatableArray<GraphNodeModel> _nodes;
    private readonly EquatableArray<GraphEdgeModel> _edges;
    private readonly List<int>[] _incoming;
    private readonly List<int>[] _outgoing;
    private readonly bool[] _always;
    private readonly bool[] _awaited;
    private readonly string[] _edgeFlags;
    private readonly RunsCondition[] _runsWhen;
    private readonly HashSet<string> _names;
    private readonly List<BodyStep> _steps = new();

    private DeclarativeBodyPlanner(EquatableArray<GraphNodeModel> nodes, EquatableArray<GraphEdgeModel> edges, string parameterName, IEnumerable<string> reservedLocals)
    {
        _nodes = nodes;
        _edges = edges;
        var count = nodes.Count;
        _incoming = new List<int>[count];
        _outgoing = new List<int>[count];
        for (var n = 0; n < count; n++)
        {
            _incoming[n] = new List<int>();
            _outgoing[n] = new List<int>();
        }

        for (var e = 0; e < edges.Count; e++)
        {
            _incoming[edges[e].To].Add(e);
            _outgoing[edges[e].From].Add(e);
        }

        _awaited = new bool[count];
        _edgeFlags = Enumerable.Repeat(string.Empty, edges.Count).ToArray();
        _runsWhen = Enumerable.Repeat(new RunsCondition(false, EquatableArray<RunsTerm>.Empty), count).ToArray();
        _names = new HashSet<string>(System.StringComparer.Ordinal) { parameterName };
        _names.UnionWith(reservedLocals);
        foreach (var node in nodes)
        {
            _names.Add(node.Local);
            _names.Add(node.Local + "Call");
            _names.Add(node.Local + "Runs");
        }

        _always = new bool[count];
        foreach (var n in Order())
        {
            _always[n] = _incoming[n].All(e => _edges[e].Router == RouterKind.None && _always[_edges[e].From]);
        }
    }

    /// <summary>The plan of the body of a valid graph.</summary>
    /// <param name="nodes">The nodes, in declaration order.</param>
    /// <param name="edges">The edges, in declaration order.</param>
    /// <param name="parameterName">The workflow's parameter, which no local may hide.</param>
    /// <param name="reservedLocals">Other locals the body declares.</param>
    public static BodyPlan Plan(EquatableArray<GraphNodeModel> nodes, EquatableArray<GraphEdgeModel> edges, string parameterName, IEnumerable<string> reservedLocals)
    {
        var planner = new DeclarativeBodyPlanner(nodes, edges, parameterName, reservedLocals);
        foreach (var n in planner.Order())
        {
            foreach (var e in planner._incoming[n])
            {
                planner.Await(edges[e].From);
            }

            planner.Start(n);
        }

        for (var n = 0; n < nodes.Count; n++)
        {
            if (nodes[n].IsEnd)
            {
                planner.Await(n);
            }
        }

        var ends = Enumerable.Range(0, nodes.Count).Where(n => nodes[n].IsEnd).ToArray();
        var alwaysEnd = -1;
        foreach (var n in ends)
        {
            if (planner._always[n])
            {
                alwaysEnd = n;
                break;
            }
        }

        return new BodyPlan(
            new EquatableArray<BodyStep>(planner._steps.ToArray()),
            new EquatableArray<bool>(planner._always),
            new EquatableArray<RunsCondition>(planner._runsWhen),
            new EquatableArray<string>(planner._edgeFlags),
            new EquatableArray<int>(ends),
            alwaysEnd);
    }

    /// <summary>The nodes in dependency order: Kahn's algorithm, taking the ready nodes in declaration order.</summary>
    private List<int> Order()
    {
        var remaining = new int[_nodes.Count];
        for (var n = 0; n < _nodes.Count; n++)
        {
            remaining[n] = _incoming[n].Count;
        }

        var order = new List<int>(_nodes.Count);
        var done = new bool[_nodes.Count];
        while (order.Count < _nodes.Count)
        {
            var next = -1;
            for (var n = 0; n < _nodes.Count && next < 0; n++)
            {
                if (!done[n] && remaining[n] == 0)
                {
                    next = n;
                }
            }

            done[next] = true;
            order.Add(next);
            foreach (var e in _outgoing[next])
            {
                remaining[_edges[e].To]--;
            }
        }

        return order;
    }

    private void Start(int n)
    {
        if (!_always[n])
        {
            _runsWhen[n] = RunsWhen(n);
        }

        _steps.Add(Step(BodyStepKind.Start, n));
    }

    private void Await(int n)
    {
        if (_awaited[n])
        {
            return;
        }

        _awaited[n] = true;
        if (_steps.Count > 0 && _steps[_steps.Count - 1] is { Kind: BodyStepKind.Start } last && last.Node == n)
        {
            // Nothing started since: run the call where it is made.
            _steps[_steps.Count - 1] = Step(BodyStepKind.Run, n);
        }
        else
        {
            _steps.Add(Step(BodyStepKind.Await, n));
        }

        Routes(n);
    }

    /// <summary>After a node ran: one route per enum router on its outgoing edges, setting the flags of the edges it takes.</summary>
    private void Routes(int n)
    {
        var routers = new List<string>();
        foreach (var e in _outgoing[n])
        {
            if (_edges[e].Router == RouterKind.EnumCase && !routers.Contains(_edges[e].Condition!))
            {
                routers.Add(_edges[e].Condition!);
            }
        }

        foreach (var router in routers)
        {
            var routed = _outgoing[n].Where(e => _edges[e].Router == RouterKind.EnumCase && _edges[e].Condition == router).ToList();
            foreach (var e in routed)
            {
                var to = _nodes[_edges[e].To];
                _edgeFlags[e] = _incoming[_edges[e].To].Count == 1
                    ? to.Local + "Runs"
                    : Unique(_nodes[n].Local + "To" + char.ToUpperInvariant(to.Local[0]) + to.Local.Substring(1));
            }

            // Cases in the order the edges name them; cases that take the same edges share a section.
            var sections = new List<(List<string> Cases, List<int> Edges)>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var e in routed)
            {
                foreach (var @case in _edges[e].Cases)
                {
                    if (!seen.Add(@case))
                    {
                        continue;
                    }

                    var taken = routed.Where(other => _edges[other].Cases.Contains(@case)).ToList();
                    var section = sections.FindIndex(s => s.Edges.SequenceEqual(taken));
                    if (section >= 0)
                    {
                        sections[section].Cases.Add(@case);
                    }
                    else
                    {
                        sections.Add((new List<string> { @case }, taken));
                    }
                }
            }

            _steps.Add(new BodyStep(
                BodyStepKind.Route,
                n,
                router,
                new EquatableArray<int>(routed.ToArray()),
                new EquatableArray<RouteSection>(sections.Select(s => new RouteSection(new EquatableArray<string>(s.Cases), new EquatableArray<int>(s.Edges))).ToArray()),
                _edges[routed[0]].ConditionForgivesNull));
        }
    }

    /// <summary>What a skippable node needs: every incoming edge taken.</summary>
    private RunsCondition RunsWhen(int n)
    {
        var terms = new List<RunsTerm>();
        foreach (var e in _incoming[n])
        {
            var edge = _edges[e];
            switch (edge.Router)
            {
                case RouterKind.None:
                    if (!_always[edge.From])
                    {
                        terms.Add(new RunsTerm(RunsTermKind.UpstreamRan, e));
                    }

                    break;
                case RouterKind.Condition:
                    terms.Add(new RunsTerm(RunsTermKind.Condition, e));
                    break;
                default:
                    if (_edgeFlags[e] == _nodes[n].Local + "Runs")
                    {
                        return new RunsCondition(true, EquatableArray<RunsTerm>.Empty);
                    }

                    terms.Add(new RunsTerm(RunsTermKind.Routed, e));
                    break;
            }
        }

        return new RunsCondition(false, new EquatableArray<RunsTerm>(terms.ToArray()));
    }

    private static BodyStep Step(BodyStepKind kind, int node) => new(kind, node, string.Empty, EquatableArray<int>.Empty, EquatableArray<RouteSection>.Empty, false);

    private string Unique(string stem)
    {
        var candidate = stem;
        for (var n = 2; !_names.Add(candidate); n++)
        {
            candidate = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
