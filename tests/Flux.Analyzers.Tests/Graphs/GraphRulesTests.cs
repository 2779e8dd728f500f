using Flux.Shared.Graphs;
using Flux.Shared.Graphs.Validation;

namespace Flux.Analyzers.Tests.Graphs;

/// <summary>The pure rules over a shape (Flux.Shared), as the runtime and the analyzers call them: every violation, its target and its order.</summary>
public sealed class GraphRulesTests
{
    private static GraphNodeShape<Type> Node(string name, Type? input = null, Type? output = null) =>
        new(name, input is null ? null : [input], output);

    private static GraphEdgeShape<Type> Edge(string from, string to, Type? condition = null) =>
        new(from, to, condition is not null, condition, null);

    private static GraphNodeShape<Type> Join(string name, params Type[] inputs) => new(name, inputs, typeof(string));

    private static IReadOnlyList<GraphViolation> Validate(
        GraphNodeShape<Type>[] nodes, GraphEdgeShape<Type>[] edges, string[] starts, string[] ends, bool mayBeExtended = false) =>
        GraphValidation.Validate(new GraphShape<Type>("g", nodes, edges, starts, ends), (from, to) => to.IsAssignableFrom(from), t => t.Name, mayBeExtended);

    private static IEnumerable<string> Codes(IReadOnlyList<GraphViolation> violations) => violations.Select(v => v.Code + " " + v.Arguments.Last());

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
    public void A_typo_in_an_edge_target_is_one_error()
    {
        // The example: 'say_helo' for 'say_hello'. get_name seems a dead end and say_hello unreachable, but
        // both follow from the typo alone.
        var violations = Validate([Node("get_name"), Node("say_hello")], [Edge("get_name", "say_helo")], ["get_name"], ["say_hello"]);

        Assert.That(Codes(violations), Is.EqualTo(new[] { "FLUX003 say_helo" }));
    }

    [Test]
    public void A_typo_in_an_edge_source_is_one_error()
    {
        var violations = Validate(
            [Node("a"), Node("b"), Node("c")],
            [Edge("a", "b"), Edge("bb", "c")],
            ["a"],
            ["b", "c"]);

        Assert.That(Codes(violations), Is.EqualTo(new[] { "FLUX003 bb" }));
    }

    [Test]
    public void A_typo_in_StartWith_or_EndWith_is_one_error()
    {
        Assert.That(Codes(Validate([Node("a"), Node("b")], [Edge("a", "b")], ["aa"], ["b"])), Is.EqualTo(new[] { "FLUX003 aa" }));
        Assert.That(Codes(Validate([Node("a"), Node("b")], [Edge("a", "b")], ["a"], ["bb"])), Is.EqualTo(new[] { "FLUX003 bb" }));
    }

    [Test]
    public void A_typo_does_not_hide_what_is_wrong_anyway()
    {
        // 'lost' has no edge at all: no typo can explain it. But the edge to 'x' could be meant for any node, so only
        // the dead end (which no incoming typo explains) is judged for it.
        var violations = Validate([Node("a"), Node("b"), Node("lost")], [Edge("a", "b"), Edge("b", "x")], ["a"], ["b"]);

        Assert.That(Codes(violations), Is.EqualTo(new[] { "FLUX003 x", "FLUX007 lost" }));
    }

    [Test]
    public void A_typo_withholds_inputs_from_no_join()
    {
        // 'jion' was meant for 'join', which then seems to have one input for its two parameters.
        var violations = Validate(
            [Node("a"), Node("b"), Node("c"), Join("join", typeof(string), typeof(string))],
            [Edge("a", "b"), Edge("a", "c"), Edge("b", "join"), Edge("c", "jion")],
            ["a"],
            ["join"]);

        Assert.That(Codes(violations), Is.EqualTo(new[] { "FLUX003 jion" }));
    }

    [Test]
    public void A_graph_that_may_be_extended_is_judged_by_what_no_later_call_can_repair()
    {
        // No start, no end, an unknown name and a join that lacks an input: a caller may still add them.
        var partial = Validate(
            [Node("a", typeof(string), typeof(string)), Join("join", typeof(string), typeof(string))],
            [Edge("a", "join"), Edge("join", "later")],
            [],
            [],
            mayBeExtended: true);
        Assert.That(partial, Is.Empty);

        // A duplicate, a cycle, a mistyped edge or condition, a join with more inputs than parameters: nothing repairs them.
        var broken = Validate(
            [Node("a", typeof(string), typeof(string)), Node("a"), Node("n", typeof(string), typeof(int)), Node("s", typeof(string), typeof(string)),
             Join("two", typeof(string)), Node("x", typeof(string), typeof(string)), Node("y", typeof(string), typeof(string))],
            [Edge("n", "s"), Edge("a", "two"), Edge("x", "two"), Edge("x", "y", typeof(int)), Edge("y", "x")],
            [],
            [],
            mayBeExtended: true);
        Assert.That(broken.Select(v => v.Code), Is.EqualTo(new[] { "FLUX004", "FLUX005", "FLUX008", "FLUX009", "FLUX010" }));
    }

    [Test]
    public void A_graph_that_says_it_is_complete_is_judged_by_every_rule()
    {
        var withStart = Validate([Node("a"), Node("b")], [Edge("a", "c")], ["a"], [], mayBeExtended: true);
        Assert.That(withStart.Select(v => v.Code), Is.EqualTo(new[] { "FLUX002", "FLUX003" }));

        var withEnd = Validate([Node("a"), Node("b")], [], [], ["b"], mayBeExtended: true);
        Assert.That(withEnd.Select(v => v.Code), Is.EqualTo(new[] { "FLUX001", "FLUX007" }));
    }

    [Test]
    public void Every_rule_has_its_entry_in_the_diagnostic_table()
    {
        Assert.That(GraphValidation.Diagnostics.Select(d => d.Id), Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"FLUX{i:000}")));
        foreach (var diagnostic in GraphValidation.Diagnostics)
        {
            Assert.That(diagnostic.MessageFormat, Does.StartWith("Graph '{0}'"));
        }
    }
}
