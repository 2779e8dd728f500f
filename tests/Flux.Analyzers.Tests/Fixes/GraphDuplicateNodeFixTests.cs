using static Flux.Analyzers.Tests.Graphs.GraphSources;
using VerifyFix = Flux.Analyzers.Tests.FluxCodeFixTest<Flux.Analyzers.FluentGraphAnalyzer, Flux.Analyzers.CodeFixes.RemoveDuplicateNodeCodeFixProvider>;

namespace Flux.Analyzers.Tests.Fixes;

/// <summary>FLUX004's fix: the repeated AddNode goes, from a fluent chain or as a statement.</summary>
public sealed class GraphDuplicateNodeFixTests
{
    [Test]
    public Task Removes_the_second_AddNode_from_a_one_line_chain() => VerifyFix.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("a", T.Str).{|FLUX004:AddNode("a", T.Str)|}.StartWith("a").EndWith("a").RunAsync<string, string>(input);
            """),
        InMethod("""
            return await new Graph("g").AddNode("a", T.Str).StartWith("a").EndWith("a").RunAsync<string, string>(input);
            """));

    [Test]
    public Task Removes_the_line_of_the_second_AddNode_from_a_chain_written_one_call_per_line() => VerifyFix.VerifyAsync(
        InMethod("""
            return await new Graph("g")
                .AddNode("a", T.Str)
                .AddNode("b", T.Str)
                .{|FLUX004:AddNode("a", T.Str)|}
                .AddEdge("a", "b")
                .StartWith("a")
                .EndWith("b")
                .RunAsync<string, string>(input);
            """),
        InMethod("""
            return await new Graph("g")
                .AddNode("a", T.Str)
                .AddNode("b", T.Str)
                .AddEdge("a", "b")
                .StartWith("a")
                .EndWith("b")
                .RunAsync<string, string>(input);
            """));

    [Test]
    public Task Removes_a_duplicate_that_ends_the_declaration_without_moving_the_semicolon() => VerifyFix.VerifyAsync(
        InMethod("""
            var graph = new Graph("g")
                .AddNode("a", T.Str)
                .{|FLUX004:AddNode("a", T.Str)|};
            graph.StartWith("a").EndWith("a");
            return graph.Build();
            """),
        InMethod("""
            var graph = new Graph("g")
                .AddNode("a", T.Str);
            graph.StartWith("a").EndWith("a");
            return graph.Build();
            """));

    [Test]
    public Task Removes_the_statement_of_a_graph_built_statement_by_statement() => VerifyFix.VerifyAsync(
        InMethod("""
            var graph = new Graph("g");
            graph.AddNode("a", T.Str);
            graph.{|FLUX004:AddNode("a", T.Str)|};
            graph.StartWith("a");
            graph.EndWith("a");
            return await graph.RunAsync<string, string>(input);
            """),
        InMethod("""
            var graph = new Graph("g");
            graph.AddNode("a", T.Str);
            graph.StartWith("a");
            graph.EndWith("a");
            return await graph.RunAsync<string, string>(input);
            """));

    // Two duplicates side by side would take two passes of fix-all: their removals touch, and the batch fixer
    // drops the second of two touching changes.
    [Test]
    public Task Fixes_every_duplicate_at_once() => VerifyFix.VerifyAsync(
        InMethod("""
            return new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).{|FLUX004:AddNode("a", T.Str)|}
                .AddEdge("a", "b").{|FLUX004:AddNode("b", T.Count)|}.StartWith("a").EndWith("b").ToMermaid();
            """),
        InMethod("""
            return new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str)
                .AddEdge("a", "b").StartWith("a").EndWith("b").ToMermaid();
            """));
}
