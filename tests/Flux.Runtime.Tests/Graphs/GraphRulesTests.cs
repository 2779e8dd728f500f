using Flux.Graphs.Rules;
using NUnit.Framework;

namespace Flux.Runtime.Tests.Graphs;

/// <summary>The pure rules over a shape, as the analyzer will call them: every violation, its target and its order.</summary>
public sealed class GraphRulesTests
{
    private static GraphNodeShape<Type> Node(string name, Type? input = null, Type? output = null) =>
        new(name, input is null ? null : [input], output);

    private static GraphEdgeShape<Type> Edge(string from, string to, Type? condition = null) =>
        new(from, to, condition is not null, condition, null);

    private static IReadOnlyList<GraphViolation> Validate(
        GraphNodeShape<Type>[] nodes, GraphEdgeShape<Type>[] edges, string[] starts, string[] ends) =>
        GraphRules.Validate(new GraphShape<Type>("g", nodes, edges, starts, ends), (from, to) => to.IsAssignableFrom(from), t => t.Name);

    [Test]
    public void A_valid_graph_has_no_violations()
    {
        var violations = Validate([Node("a"), Node("b")], [Edge("a", "b")], ["a"], ["b"]);

        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void Violations_point_at_the_call_they_concern()
    {
        var violations = Validate(
            [Node("a"), Node("b"), Node("a")],
            [Edge("a", "b"), Edge("b", "zz")],
            ["a", "yy"],
            ["b"]);

        Assert.That(
            violations.Select(v => (v.Code, v.Target, v.Index)),
            Is.EqualTo(new[]
            {
                ("FLUX003", GraphViolationTarget.EdgeTo, 1),
                ("FLUX003", GraphViolationTarget.Start, 1),
                ("FLUX004", GraphViolationTarget.Node, 2),
            }));
        Assert.That(violations[0].Arguments, Is.EqualTo(new[] { "g", "edge 'b' -> 'zz'", "zz" }));
    }

    [Test]
    public void Each_cycle_is_reported_once_on_the_edge_that_closes_it()
    {
        var violations = Validate(
            [Node("s"), Node("a"), Node("b"), Node("c"), Node("d"), Node("e")],
            [Edge("s", "a"), Edge("a", "b"), Edge("b", "a"), Edge("s", "c"), Edge("c", "d"), Edge("d", "c"), Edge("d", "e"), Edge("b", "e")],
            ["s"],
            ["e"]);

        Assert.That(violations.Select(v => (v.Code, v.Message, v.Index)), Is.EqualTo(new[]
        {
            ("FLUX005", "Graph 'g' has a cycle ('a' -> 'b' -> 'a'): remove one of the edges on it", 2),
            ("FLUX005", "Graph 'g' has a cycle ('c' -> 'd' -> 'c'): remove one of the edges on it", 5),
        }));
    }

    [Test]
    public void Unknown_types_skip_the_type_rules()
    {
        var violations = Validate(
            [Node("a", typeof(string), null), Node("b", null, typeof(int)), Node("c", typeof(string), typeof(string))],
            [Edge("a", "b", typeof(Uri)), Edge("b", "c", typeof(string))],
            ["a"],
            ["c"]);

        // a's output is unknown: nothing on a -> b (neither FLUX008 nor FLUX009). b -> c: int does not fit string, twice.
        Assert.That(
            violations.Select(v => (v.Code, v.Target, v.Index)),
            Is.EqualTo(new[] { ("FLUX008", GraphViolationTarget.Edge, 1), ("FLUX009", GraphViolationTarget.Condition, 1) }));
    }

    [Test]
    public void Reachability_is_not_judged_without_a_start_or_an_end_that_exists()
    {
        var violations = Validate([Node("a"), Node("b")], [], ["x"], ["y"]);

        Assert.That(violations.Select(v => v.Code), Is.EqualTo(new[] { "FLUX003", "FLUX003" }));
    }

    [Test]
    public void A_node_can_be_both_unreachable_and_a_dead_end()
    {
        var violations = Validate([Node("a"), Node("lost")], [], ["a"], ["a"]);

        Assert.That(violations.Select(v => (v.Code, v.Arguments[1])), Is.EqualTo(new[] { ("FLUX006", "lost"), ("FLUX007", "lost") }));
    }

    [Test]
    public void Every_code_has_a_message_format()
    {
        Assert.That(GraphRules.Codes, Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"FLUX{i:000}")));
        foreach (var code in GraphRules.Codes)
        {
            Assert.That(GraphRules.MessageFormat(code), Does.StartWith("Graph '{0}'"));
        }
    }
}
