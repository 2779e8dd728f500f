using NUnit.Framework;
using static Flux.Runtime.Tests.Graphs.GraphTestTasks;

namespace Flux.Runtime.Tests.Graphs;

/// <summary>Every rule at run time: Build and RunAsync throw its code and message before any node runs.</summary>
public sealed class GraphValidationTests
{
    private readonly List<GraphTestTask<string, string>> _steps = [];

    private GraphTestTask<string, string> S(string name)
    {
        var step = Step(name);
        _steps.Add(step);
        return step;
    }

    private async Task<GraphValidationException> AssertInvalid(Graph graph, string code, string message)
    {
        var built = Assert.Throws<GraphValidationException>(() => graph.Build());
        Assert.That(built!.Code, Is.EqualTo(code));
        Assert.That(built.GraphName, Is.EqualTo(graph.Name));
        Assert.That(built.Message, Is.EqualTo(code + ": " + message));

        var run = await Assert.ThrowsAsync<GraphValidationException>(() => graph.RunAsync<string, string>("x"));
        Assert.That(run!.Message, Is.EqualTo(built.Message));
        Assert.That(_steps.Sum(s => s.Runs), Is.Zero, "no node may run in an invalid graph");
        return built;
    }

    [Test]
    public Task FLUX001_no_start_node() =>
        AssertInvalid(
            new Graph("g").AddNode("a", S("a")).EndWith("a"),
            "FLUX001",
            "Graph 'g' has no start node: call StartWith(...) on the node that receives the workflow's input");

    [Test]
    public Task FLUX002_no_end_node() =>
        AssertInvalid(
            new Graph("hello_world").AddNode("a", S("a")).StartWith("a"),
            "FLUX002",
            "Graph 'hello_world' has no end node: call EndWith(...) on a node that produces the workflow's result");

    [TestCase("edge_from", "Graph 'g': edge 'x' -> 'a' names node 'x', which was not added: add it with AddNode(\"x\", ...) or correct the name")]
    [TestCase("edge_to", "Graph 'g': edge 'a' -> 'x' names node 'x', which was not added: add it with AddNode(\"x\", ...) or correct the name")]
    [TestCase("start", "Graph 'g': StartWith names node 'x', which was not added: add it with AddNode(\"x\", ...) or correct the name")]
    [TestCase("end", "Graph 'g': EndWith names node 'x', which was not added: add it with AddNode(\"x\", ...) or correct the name")]
    public Task FLUX003_unknown_node(string where, string message)
    {
        var graph = new Graph("g").AddNode("a", S("a")).StartWith("a").EndWith("a");
        _ = where switch
        {
            "edge_from" => graph.AddEdge("x", "a"),
            "edge_to" => graph.AddEdge("a", "x"),
            "start" => graph.StartWith("x"),
            _ => graph.EndWith("x"),
        };
        return AssertInvalid(graph, "FLUX003", message);
    }

    [Test]
    public Task FLUX004_duplicate_node() =>
        AssertInvalid(
            new Graph("g").AddNode("a", S("a")).AddNode("a", S("a2")).StartWith("a").EndWith("a"),
            "FLUX004",
            "Graph 'g' adds node 'a' more than once: give each node a unique name");

    [Test]
    public Task FLUX005_cycle_names_its_nodes_in_order()
    {
        var graph = new Graph("g")
            .AddNode("s", S("s")).AddNode("a", S("a")).AddNode("b", S("b")).AddNode("c", S("c")).AddNode("e", S("e"))
            .AddEdge("s", "a").AddEdge("a", "b").AddEdge("b", "c").AddEdge("c", "a").AddEdge("c", "e")
            .StartWith("s").EndWith("e");
        return AssertInvalid(graph, "FLUX005", "Graph 'g' has a cycle ('a' -> 'b' -> 'c' -> 'a'): remove one of the edges on it");
    }

    [Test]
    public Task FLUX005_self_loop()
    {
        var graph = new Graph("g").AddNode("a", S("a")).AddEdge("a", "a").StartWith("a").EndWith("a");
        return AssertInvalid(graph, "FLUX005", "Graph 'g' has a cycle ('a' -> 'a'): remove one of the edges on it");
    }

    [Test]
    public Task FLUX006_unreachable_node() =>
        AssertInvalid(
            new Graph("g").AddNode("a", S("a")).AddNode("b", S("b")).AddNode("island", S("island"))
                .AddEdge("a", "b").AddEdge("island", "b")
                .StartWith("a").EndWith("b"),
            "FLUX006",
            "Graph 'g': node 'island' is not reachable from a start node: add an edge into it or remove it");

    [Test]
    public Task FLUX007_dead_end() =>
        AssertInvalid(
            new Graph("g").AddNode("a", S("a")).AddNode("b", S("b")).AddNode("dead", S("dead"))
                .AddEdge("a", "b").AddEdge("a", "dead")
                .StartWith("a").EndWith("b"),
            "FLUX007",
            "Graph 'g': node 'dead' cannot reach an end node: add an edge from it toward an end node, or make it an end node with EndWith(...)");

    [Test]
    public Task FLUX008_edge_type_mismatch()
    {
        var count = Of<string, int>("count", s => s.Length);
        var graph = new Graph("g").AddNode("count", count).AddNode("b", S("b"))
            .AddEdge("count", "b").StartWith("count").EndWith("b");
        return AssertInvalid(
            graph,
            "FLUX008",
            "Graph 'g': edge 'count' -> 'b' passes 'int' but 'b' takes 'string': change one of the tasks or add a node that converts between them");
    }

    [Test]
    public Task FLUX009_condition_type_mismatch()
    {
        var graph = new Graph("g").AddNode("a", S("a")).AddNode("b", S("b"))
            .AddEdge("a", "b", when: (int n) => n > 0).StartWith("a").EndWith("b");
        return AssertInvalid(
            graph,
            "FLUX009",
            "Graph 'g': the condition on edge 'a' -> 'b' takes 'int' but 'a' produces 'string': make the condition take 'string'");
    }

    [Test]
    public Task FLUX010_join_arity()
    {
        var graph = new Graph("g").AddNode("a", S("a")).AddNode("b", S("b")).AddNode("c", S("c")).AddNode("join", S("join"))
            .AddEdge("a", "b").AddEdge("a", "c").AddEdge("b", "join").AddEdge("c", "join")
            .StartWith("a").EndWith("join");
        return AssertInvalid(
            graph,
            "FLUX010",
            "Graph 'g': node 'join' has 2 upstream nodes ('b': string, 'c': string) but takes (string): make 'join' take one parameter per upstream node, in edge order");
    }

    [Test]
    public Task FLUX010_join_types_in_edge_order()
    {
        var count = Of<string, int>("count", s => s.Length);
        var join = Of<int, string, string>("join", (n, s) => s + n);
        // The edges into join are added string-first, but join takes (int, string).
        var graph = new Graph("g").AddNode("a", S("a")).AddNode("count", count).AddNode("join", join)
            .AddEdge("a", "join").AddEdge("count", "join")
            .StartWith("a").StartWith("count").EndWith("join");
        return AssertInvalid(
            graph,
            "FLUX010",
            "Graph 'g': node 'join' has 2 upstream nodes ('a': string, 'count': int) but takes (int, string): make 'join' take one parameter per upstream node, in edge order");
    }

    [Test]
    public Task FLUX010_start_node_without_parameters()
    {
        var constant = Of<string>("constant", () => "c");
        var graph = new Graph("g").AddNode("constant", constant).StartWith("constant").EndWith("constant");
        return AssertInvalid(
            graph,
            "FLUX010",
            "Graph 'g': node 'constant' has 1 upstream nodes (the graph input) but takes no parameters: make 'constant' take one parameter per upstream node, in edge order");
    }

    [Test]
    public Task FLUX010_start_node_with_an_incoming_edge_and_one_parameter()
    {
        var graph = new Graph("g").AddNode("a", S("a")).AddNode("b", S("b"))
            .AddEdge("a", "b").StartWith("a").StartWith("b").EndWith("b");
        return AssertInvalid(
            graph,
            "FLUX010",
            "Graph 'g': node 'b' has 2 upstream nodes (the graph input, 'a': string) but takes (string): make 'b' take one parameter per upstream node, in edge order");
    }

    [Test]
    public Task FLUX010_a_single_upstream_with_two_parameters()
    {
        var pair = Of<string, string, string>("pair", (x, y) => x + y);
        var graph = new Graph("g").AddNode("a", S("a")).AddNode("pair", pair)
            .AddEdge("a", "pair").StartWith("a").EndWith("pair");
        return AssertInvalid(
            graph,
            "FLUX010",
            "Graph 'g': node 'pair' has 1 upstream nodes ('a': string) but takes (string, string): make 'pair' take one parameter per upstream node, in edge order");
    }

    [Test]
    public void Every_problem_is_listed_in_code_order()
    {
        var graph = new Graph("g").AddNode("a", S("a")).AddNode("a", S("a")).AddEdge("a", "x");

        var thrown = Assert.Throws<GraphValidationException>(() => graph.Build());

        Assert.That(thrown!.Code, Is.EqualTo("FLUX001"));
        Assert.That(thrown.Problems.Select(p => p[..7]), Is.EqualTo(new[] { "FLUX001", "FLUX002", "FLUX003", "FLUX004" }));
    }

    [Test]
    public void The_builder_rejects_null_and_blank_arguments_naming_the_parameter()
    {
        var task = S("a");
        var graph = new Graph("g");
        Assert.Multiple(() =>
        {
            Assert.That(() => new Graph(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => new Graph(" "), Throws.ArgumentException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => graph.AddNode(null!, task), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("name"));
            Assert.That(() => graph.AddNode("a", null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("task"));
            Assert.That(() => graph.AddEdge(null!, "b"), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("from"));
            Assert.That(() => graph.AddEdge("a", null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("to"));
            Assert.That(() => graph.AddEdge("a", "b", when: (Func<string, bool>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("when"));
            Assert.That(() => graph.AddEdge("a", "b", when: (Func<string, Task<bool>>)null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("when"));
            Assert.That(() => graph.StartWith(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"));
            Assert.That(() => graph.EndWith(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("node"));
        });
    }
}
