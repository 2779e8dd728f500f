using NUnit.Framework;
using static Flux.Runtime.Tests.Graphs.GraphTestTasks;

namespace Flux.Runtime.Tests.Graphs;

public sealed class GraphMermaidTests
{
    [Test]
    public void The_seed_graph_as_a_flowchart()
    {
        var mermaid = new Graph("hello_world")
            .AddNode("get_name", Step("get_name"))
            .AddNode("say_hello", Step("say_hello"))
            .AddEdge("get_name", "say_hello")
            .StartWith("get_name")
            .EndWith("say_hello")
            .Build()
            .ToMermaid();

        Assert.That(mermaid, Is.EqualTo(
            """
            flowchart TD
                graph_start(("start"))
                n0["get_name"]
                n1["say_hello"]
                graph_end(("end"))
                graph_start --> n0
                n0 --> n1
                n1 --> graph_end

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Conditional_edges_are_labelled_with_their_source_text()
    {
        var graph = new Graph("conditional_flow")
            .AddNode("validate", Of<string, ValidationResult>("validate", s => new ValidationResult(s.Length > 0, s)))
            .AddNode("process", Of<ValidationResult, string>("process", r => r.Data))
            .AddNode("error", Of<ValidationResult, string>("error", r => "error"))
            .AddEdge("validate", "process", when: (ValidationResult r) => r.Valid)
            .AddEdge("validate", "error", when: async (ValidationResult r) =>
            {
                await Task.Yield();
                return !r.Valid;
            })
            .StartWith("validate")
            .EndWith("process")
            .EndWith("error");

        Assert.That(graph.ToMermaid(), Is.EqualTo(
            """
            flowchart TD
                graph_start(("start"))
                n0["validate"]
                n1["process"]
                n2["error"]
                graph_end(("end"))
                graph_start --> n0
                n0 -->|"(ValidationResult r) =#gt; r.Valid"| n1
                n0 -->|"async (ValidationResult r) =#gt; { await Task.Yield(); return !r.Valid; }"| n2
                n1 --> graph_end
                n2 --> graph_end

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Labels_escape_quotes_and_a_description_can_be_given()
    {
        var mermaid = new Graph("escapes")
            .AddNode("say \"hi\"", Step("a"))
            .AddNode("b", Step("b"))
            .AddEdge("say \"hi\"", "b", when: (string s) => s.Length > 1, description: "long #1")
            .StartWith("say \"hi\"")
            .EndWith("b")
            .ToMermaid();

        Assert.That(mermaid, Does.Contain("    n0[\"say #quot;hi#quot;\"]\n"));
        Assert.That(mermaid, Does.Contain("    n0 -->|\"long #35;1\"| n1\n"));
    }

    [Test]
    public void The_same_graph_always_gives_the_same_text()
    {
        Graph Make() => new Graph("g")
            .AddNode("a", Step("a")).AddNode("b", Step("b")).AddNode("c", Step("c"))
            .AddNode("d", Of<string, string, string>("d", (x, y) => x + y))
            .AddEdge("a", "b").AddEdge("a", "c").AddEdge("c", "d").AddEdge("b", "d")
            .StartWith("a").EndWith("d");

        Assert.That(Make().ToMermaid(), Is.EqualTo(Make().ToMermaid()));
    }
}
