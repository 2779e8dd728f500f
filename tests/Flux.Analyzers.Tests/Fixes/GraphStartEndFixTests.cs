using static Flux.Analyzers.Tests.Graphs.GraphSources;
using VerifyFix = Flux.Analyzers.Tests.FluxCodeFixTest<Flux.Analyzers.FluentGraphAnalyzer, Flux.Analyzers.CodeFixes.AddGraphStartOrEndCodeFixProvider>;

namespace Flux.Analyzers.Tests.Fixes;

/// <summary>
/// FLUX001 / FLUX002's fix: StartWith / EndWith added for the only node without an incoming / outgoing edge, and not
/// offered when there is no such node or several (the test's fixed code is then the code itself).
/// </summary>
public sealed class GraphStartEndFixTests
{
    // ---- FLUX001: add StartWith ----------------------------------------------------------------------------------

    [Test]
    public Task FLUX001_adds_StartWith_before_RunAsync_in_a_one_line_chain() => VerifyFix.VerifyAsync(
        InMethod("""
            return await {|FLUX001:new Graph("g")|}.AddNode("a", T.Str).EndWith("a").RunAsync<string, string>(input);
            """),
        InMethod("""
            return await new Graph("g").AddNode("a", T.Str).EndWith("a").StartWith("a").RunAsync<string, string>(input);
            """));

    [Test]
    public Task FLUX001_adds_StartWith_on_its_own_line_in_a_chain_written_one_call_per_line() => VerifyFix.VerifyAsync(
        InMethod("""
            return await {|FLUX001:new Graph("g")|}
                .AddNode("a", T.Str)
                .AddNode("b", T.Str)
                .AddEdge("a", "b")
                .EndWith("b")
                .RunAsync<string, string>(input);
            """),
        InMethod("""
            return await new Graph("g")
                .AddNode("a", T.Str)
                .AddNode("b", T.Str)
                .AddEdge("a", "b")
                .EndWith("b")
                .StartWith("a")
                .RunAsync<string, string>(input);
            """));

    [Test]
    public Task FLUX001_adds_a_StartWith_statement_before_the_first_use_of_a_graph_built_statement_by_statement() => VerifyFix.VerifyAsync(
        InIndentedMethod("""
            var graph = {|FLUX001:new Graph("g")|}.AddNode("a", T.Str);
            graph.AddNode("b", T.Str);
            graph.AddEdge("a", "b");
            graph.EndWith("b");

            var definition = graph.Build();
            return await definition.RunAsync<string, string>(input);
            """),
        InIndentedMethod("""
            var graph = new Graph("g").AddNode("a", T.Str);
            graph.AddNode("b", T.Str);
            graph.AddEdge("a", "b");
            graph.EndWith("b");
            graph.StartWith("a");

            var definition = graph.Build();
            return await definition.RunAsync<string, string>(input);
            """));

    [Test]
    public Task FLUX001_escapes_the_node_name() => VerifyFix.VerifyAsync(
        InMethod("""
            return {|FLUX001:new Graph("g")|}.AddNode("say \"hi\"", T.Str).EndWith("say \"hi\"").Build();
            """),
        InMethod("""
            return new Graph("g").AddNode("say \"hi\"", T.Str).EndWith("say \"hi\"").StartWith("say \"hi\"").Build();
            """));

    [Test]
    public Task FLUX001_is_not_offered_with_two_candidates() => VerifyNotOffered(InMethod("""
        return await {|FLUX001:new Graph("g")|}.AddNode("a", T.Str).AddNode("b", T.Str).AddNode("join", T.Join)
            .AddEdge("a", "join").AddEdge("b", "join")
            .EndWith("join")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX001_is_not_offered_without_a_candidate() => VerifyNotOffered(InMethod("""
        return await {|FLUX001:new Graph("g")|}.AddNode("a", T.Str).AddNode("b", T.Str)
            .AddEdge("a", "b").{|FLUX005:AddEdge("b", "a")|}
            .EndWith("b")
            .RunAsync<string, string>(input);
        """));

    // ---- FLUX002: add EndWith ------------------------------------------------------------------------------------

    [Test]
    public Task FLUX002_adds_EndWith_before_Build() => VerifyFix.VerifyAsync(
        InMethod("""
            return {|FLUX002:new Graph("g")|}.AddNode("a", T.Str).AddNode("b", T.Str).AddEdge("a", "b").StartWith("a").Build();
            """),
        InMethod("""
            return new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddEdge("a", "b").StartWith("a").EndWith("b").Build();
            """));

    [Test]
    public Task FLUX002_adds_EndWith_before_ToMermaid_in_a_chain_written_one_call_per_line() => VerifyFix.VerifyAsync(
        InMethod("""
            const string Last = "b";
            return {|FLUX002:new Graph("g")|}
                .AddNode("a", T.Str)
                .AddNode(Last, T.Str)
                .AddEdge("a", Last)
                .StartWith("a")
                .ToMermaid();
            """),
        InMethod("""
            const string Last = "b";
            return new Graph("g")
                .AddNode("a", T.Str)
                .AddNode(Last, T.Str)
                .AddEdge("a", Last)
                .StartWith("a")
                .EndWith("b")
                .ToMermaid();
            """));

    [Test]
    public Task FLUX002_adds_an_EndWith_statement_before_the_first_use_of_a_graph_built_statement_by_statement() => VerifyFix.VerifyAsync(
        InIndentedMethod("""
            var graph = {|FLUX002:new Graph("g")|};
            graph.AddNode("a", T.Str);
            graph.StartWith("a");
            return await graph.RunAsync<string, string>(input);
            """),
        InIndentedMethod("""
            var graph = new Graph("g");
            graph.AddNode("a", T.Str);
            graph.StartWith("a");
            graph.EndWith("a");
            return await graph.RunAsync<string, string>(input);
            """));

    [Test]
    public Task FLUX002_is_not_offered_with_two_candidates() => VerifyNotOffered(InMethod("""
        return await {|FLUX002:new Graph("g")|}.AddNode("a", T.Str).AddNode("b", T.Str).AddNode("c", T.Str)
            .AddEdge("a", "b").AddEdge("a", "c")
            .StartWith("a")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX002_is_not_offered_without_a_candidate() => VerifyNotOffered(InMethod("""
        return await {|FLUX002:new Graph("g")|}.{|FLUX010:AddNode("a", T.Str)|}.AddNode("b", T.Str)
            .AddEdge("a", "b").{|FLUX005:AddEdge("b", "a")|}
            .StartWith("a")
            .RunAsync<string, string>(input);
        """));

    // ---- graphs that leave their method -------------------------------------------------------------------------

    [Test]
    public Task FLUX001_adds_StartWith_at_the_end_of_a_returned_chain() => VerifyFix.VerifyAsync(
        Prelude + """
            public static class Flows
            {
                public static Graph Make() => {|FLUX001:new Graph("g")|}.AddNode("a", T.Str).EndWith("a");
            }
            """,
        Prelude + """
            public static class Flows
            {
                public static Graph Make() => new Graph("g").AddNode("a", T.Str).EndWith("a").StartWith("a");
            }
            """);

    [Test]
    public Task FLUX002_adds_EndWith_on_its_own_line_at_the_end_of_a_stored_chain() => VerifyFix.VerifyAsync(
        Prelude + """
            public static class Flows
            {
                public static readonly Graph Shared = {|FLUX002:new Graph("g")|}
                    .AddNode("a", T.Str)
                    .AddNode("b", T.Str)
                    .AddEdge("a", "b")
                    .StartWith("a");
            }
            """,
        Prelude + """
            public static class Flows
            {
                public static readonly Graph Shared = new Graph("g")
                    .AddNode("a", T.Str)
                    .AddNode("b", T.Str)
                    .AddEdge("a", "b")
                    .StartWith("a")
                    .EndWith("b");
            }
            """);

    [Test]
    public Task FLUX001_adds_a_StartWith_statement_before_a_local_is_returned() => VerifyFix.VerifyAsync(
        InIndentedMethod("""
            var graph = {|FLUX001:new Graph("g")|};
            graph.AddNode("a", T.Str);
            graph.EndWith("a");
            return graph;
            """),
        InIndentedMethod("""
            var graph = new Graph("g");
            graph.AddNode("a", T.Str);
            graph.EndWith("a");
            graph.StartWith("a");
            return graph;
            """));

    // ---- both --------------------------------------------------------------------------------------------------

    [Test]
    public Task A_single_node_graph_gets_both_StartWith_and_EndWith() => new VerifyFix(
        InMethod("""
            return {|FLUX001:{|FLUX002:new Graph("g")|}|}.AddNode("a", T.Str).Build();
            """),
        InMethod("""
            return new Graph("g").AddNode("a", T.Str).StartWith("a").EndWith("a").Build();
            """))
    {
        // Fix all fixes one diagnostic id at a time: StartWith, then EndWith.
        NumberOfFixAllIterations = 2,
    }.RunAsync();

    /// <summary>The statements in a method, indented as in real code (the fix writes a statement at its neighbours' indentation).</summary>
    private static string InIndentedMethod(string statements) =>
        InMethod(string.Join("\n", statements.Split('\n').Select(line => line.Length == 0 ? line : "        " + line)));

    /// <summary>The diagnostics are reported as marked and no fix is registered: the fixed code is the code.</summary>
    private static Task VerifyNotOffered(string source) => VerifyFix.VerifyAsync(source, source);
}
