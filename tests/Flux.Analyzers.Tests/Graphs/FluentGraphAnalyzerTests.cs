using Flux.Shared.Diagnostics;
using Verify = Flux.Analyzers.Tests.FluxAnalyzerTest<Flux.Analyzers.FluentGraphAnalyzer>;
using static Flux.Analyzers.Tests.Graphs.GraphSources;

namespace Flux.Analyzers.Tests.Graphs;

/// <summary>One firing and one silent case per rule FLUX001-FLUX010, plus the forms the analyzer reads and those it leaves alone.</summary>
public sealed class FluentGraphAnalyzerTests
{
    // ---- FLUX001 / FLUX002 -------------------------------------------------------------------------------------

    [Test]
    public Task FLUX001_fires_on_a_graph_without_start() => Verify.VerifyAsync(InMethod("""
        return await {|FLUX001:new Graph("g")|}.AddNode("a", T.Str).EndWith("a").RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX001_is_silent_with_a_start() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).StartWith("a").EndWith("a").RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX002_fires_on_a_graph_without_end() => Verify.VerifyAsync(
        InMethod("""
            return await {|#0:new Graph("hello_world")|}.AddNode("a", T.Str).StartWith("a").RunAsync<string, string>(input);
            """),
        Verify.Diagnostic("FLUX002").WithLocation(0).WithArguments("hello_world"));

    [Test]
    public Task FLUX002_is_silent_with_an_end() => Verify.VerifyAsync(InMethod("""
        return new Graph("g").AddNode("a", T.Str).StartWith("a").EndWith("a").Build();
        """));

    // ---- FLUX003 / FLUX004 -------------------------------------------------------------------------------------

    [Test]
    public Task FLUX003_fires_on_the_unknown_name() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str)
                .AddEdge("a", {|#0:"c"|}).AddEdge("a", "b")
                .StartWith({|#1:"x"|}).EndWith("b").EndWith({|#2:"y"|})
                .RunAsync<string, string>(input);
            """),
        Verify.Diagnostic("FLUX003").WithLocation(0).WithArguments("g", "edge 'a' -> 'c'", "c"),
        Verify.Diagnostic("FLUX003").WithLocation(1).WithArguments("g", "StartWith", "x"),
        Verify.Diagnostic("FLUX003").WithLocation(2).WithArguments("g", "EndWith", "y"));

    [Test]
    public Task FLUX003_is_silent_for_nameof_and_constants() => Verify.VerifyAsync(InMethod("""
        const string A = "a";
        var b = 1;
        return await new Graph("g").AddNode(A, T.Str).AddNode(nameof(b), T.Str)
            .AddEdge("a", nameof(b)).StartWith(A).EndWith("b")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX004_fires_on_the_second_AddNode() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).{|FLUX004:AddNode("a", T.Str)|}.StartWith("a").EndWith("a")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX004_is_silent_for_distinct_names() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddEdge("a", "b").StartWith("a").EndWith("b")
            .RunAsync<string, string>(input);
        """));

    // ---- FLUX005 / FLUX006 / FLUX007 ---------------------------------------------------------------------------

    [Test]
    public Task FLUX005_fires_on_the_edge_that_closes_the_cycle() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("s", T.Str).AddNode("a", T.Join).AddNode("b", T.Str)
                .AddEdge("s", "a").AddEdge("a", "b").{|#0:AddEdge("b", "a")|}
                .StartWith("s").EndWith("b")
                .RunAsync<string, string>(input);
            """),
        Verify.Diagnostic("FLUX005").WithLocation(0).WithArguments("g", "'a' -> 'b' -> 'a'"));

    [Test]
    public Task FLUX005_is_silent_for_a_diamond() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddNode("c", T.Str).AddNode("d", T.Join)
            .AddEdge("a", "b").AddEdge("a", "c").AddEdge("b", "d").AddEdge("c", "d")
            .StartWith("a").EndWith("d")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX006_fires_on_the_unreachable_node() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).{|FLUX006:AddNode("island", T.Str)|}.AddNode("b", T.Join)
            .AddEdge("a", "b").AddEdge("island", "b")
            .StartWith("a").EndWith("b")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX006_is_silent_when_every_node_is_reached() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddEdge("a", "b").StartWith("a").EndWith("b")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX007_fires_on_the_dead_end() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).{|FLUX007:AddNode("dead", T.Str)|}
            .AddEdge("a", "b").AddEdge("a", "dead")
            .StartWith("a").EndWith("b")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX007_is_silent_when_the_branch_is_an_end_node_too() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddNode("other", T.Str)
            .AddEdge("a", "b", when: (string s) => s.Length > 0).AddEdge("a", "other", when: (string s) => s.Length == 0)
            .StartWith("a").EndWith("b").EndWith("other")
            .RunAsync<string, string>(input);
        """));

    // ---- FLUX008 / FLUX009 / FLUX010 ---------------------------------------------------------------------------

    [Test]
    public Task FLUX008_fires_on_the_edge_with_the_wrong_type() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("count", T.Count).AddNode("b", T.Str)
                .{|#0:AddEdge("count", "b")|}
                .StartWith("count").EndWith("b")
                .RunAsync<string, string>(input);
            """),
        Verify.Diagnostic("FLUX008").WithLocation(0).WithArguments("g", "count", "b", "int", "string"));

    [Test]
    public Task FLUX008_is_silent_when_the_types_fit_and_when_a_type_is_unknown() => Verify.VerifyAsync(InMethod("""
        await new Graph("g").AddNode("count", T.Count).AddNode("show", T.Show).AddEdge("count", "show")
            .StartWith("count").EndWith("show")
            .RunAsync<string, string>(input);
        return await new Graph("g2").AddNode("count", T.Count).AddNode("any", T.Untyped).AddEdge("count", "any")
            .StartWith("count").EndWith("any")
            .RunAsync<string, object>(input);
        """));

    [Test]
    public Task FLUX008_names_types_as_the_runtime_does() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("a", new H<string, List<int>?>()).AddNode("b", new H<string?, int?>())
                .{|#0:AddEdge("a", "b")|}
                .StartWith("a").EndWith("b")
                .RunAsync<string, object>(input);
            """),
        Verify.Diagnostic("FLUX008").WithLocation(0).WithArguments("g", "a", "b", "List<int>", "string"));

    [Test]
    public Task FLUX009_fires_on_the_condition() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str)
                .AddEdge("a", "b", when: {|#0:(int n) => n > 0|})
                .StartWith("a").EndWith("b")
                .RunAsync<string, string>(input);
            """),
        Verify.Diagnostic("FLUX009").WithLocation(0).WithArguments("g", "a", "b", "int", "string"));

    [Test]
    public Task FLUX009_is_silent_for_fitting_sync_and_async_conditions() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddNode("c", T.Str)
            .AddEdge("a", "b", when: (string s) => s.Length > 0)
            .AddEdge("a", "c", when: async (object o) => { await Task.Yield(); return o is null; })
            .StartWith("a").EndWith("b").EndWith("c")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX010_fires_on_a_join_that_takes_one_parameter() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddNode("c", T.Str).{|#0:AddNode("join", T.Str)|}
                .AddEdge("a", "b").AddEdge("a", "c").AddEdge("b", "join").AddEdge("c", "join")
                .StartWith("a").EndWith("join")
                .RunAsync<string, string>(input);
            """),
        Verify.Diagnostic("FLUX010").WithLocation(0).WithArguments("g", "join", "2", "'b': string, 'c': string", "(string)"));

    [Test]
    public Task FLUX010_is_silent_for_a_join_that_takes_both() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").AddNode("a", T.Str).AddNode("b", T.Str).AddNode("c", T.Str).AddNode("join", T.Join)
            .AddEdge("a", "b").AddEdge("a", "c").AddEdge("b", "join").AddEdge("c", "join")
            .StartWith("a").EndWith("join")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task FLUX010_fires_on_a_start_node_without_parameters() => Verify.VerifyAsync(InMethod("""
        return await new Graph("g").{|FLUX010:AddNode("c", T.Const)|}.StartWith("c").EndWith("c")
            .RunAsync<string, string>(input);
        """));

    // ---- the forms the analyzer reads, and those it leaves alone -----------------------------------------------

    [Test]
    public Task A_local_built_statement_by_statement_is_read() => Verify.VerifyAsync(InMethod("""
        var graph = new Graph("g").AddNode("a", T.Str);
        graph.AddNode("b", T.Str);
        graph.AddEdge("a", "b");
        graph.AddEdge("a", {|FLUX003:"nope"|});
        graph.StartWith("a").EndWith("b");
        var definition = graph.Build();
        return await definition.RunAsync<string, string>(input);
        """));

    [Test]
    public Task A_non_constant_name_keeps_the_analyzer_silent() => Verify.VerifyAsync(InMethod("""
        var name = input + "b";
        return await new Graph("g").AddNode("a", T.Str).AddNode(name, T.Str).AddEdge("a", "zz")
            .RunAsync<string, string>(input);
        """));

    [Test]
    public Task A_graph_that_escapes_before_it_is_complete_keeps_the_analyzer_silent() => Verify.VerifyAsync(InMethod("""
        var graph = new Graph("g").AddNode("a", T.Str);
        Complete(graph);
        return await graph.RunAsync<string, string>(input);
        }

        private static void Complete(Graph graph)
        {
            graph.StartWith("a").EndWith("a");
        """));

    [Test]
    public Task A_graph_built_conditionally_keeps_the_analyzer_silent() => Verify.VerifyAsync(InMethod("""
        var graph = new Graph("g").AddNode("a", T.Str);
        if (input.Length > 0)
        {
            graph.StartWith("a");
        }

        graph.EndWith("a");
        return await graph.RunAsync<string, string>(input);
        """));

    [Test]
    public Task A_graph_that_is_never_built_or_run_keeps_the_analyzer_silent() => Verify.VerifyAsync(InMethod("""
        var graph = new Graph("g").AddNode("a", T.Str);
        await Task.Yield();
        return graph;
        """));

    // ---- graphs that leave their method ------------------------------------------------------------------------

    [Test]
    public Task The_issue_example_reports_its_typo_once() => Verify.VerifyAsync(Prelude + """
        public static class Greeting
        {
            public static Graph Build() => new Graph("greeting")
                .AddNode("get_name", T.Str)
                .AddNode("say_hello", T.Str)
                .AddEdge("get_name", {|#0:"say_helo"|})
                .StartWith("get_name")
                .EndWith("say_hello");
        }
        """,
        Verify.Diagnostic("FLUX003").WithLocation(0).WithArguments("greeting", "edge 'get_name' -> 'say_helo'", "say_helo"));

    [Test]
    public Task A_graph_passed_on_is_judged_where_it_is_written() => Verify.VerifyAsync(Prelude + """
        public static class Registry
        {
            public static void Register(Graph graph) { }

            public static void Setup() =>
                Register({|FLUX001:new Graph("g")|}.AddNode("a", T.Str).EndWith("a"));
        }
        """);

    [Test]
    public Task A_graph_stored_by_an_assignment_is_judged() => Verify.VerifyAsync(Prelude + """
        public static class Holder
        {
            public static Graph? Shared;

            static Holder() => Shared = new Graph("g").AddNode("a", T.Str).{|FLUX004:AddNode("a", T.Str)|};
        }
        """);

    [Test]
    public Task A_graph_returned_by_a_lambda_is_judged() => Verify.VerifyAsync(Prelude + """
        public static class Factories
        {
            public static readonly Func<Graph> Make = () => new Graph("g").AddNode("a", T.Str).StartWith("a").EndWith({|FLUX003:"b"|});
        }
        """);

    [Test]
    public Task A_partial_graph_extended_by_its_caller_is_silent() => Verify.VerifyAsync(Prelude + """
        public static class Parts
        {
            public static Graph Head() => new Graph("g").AddNode("a", T.Str).AddEdge("a", "b");

            public static async Task<string> Run(string input) =>
                await Head().AddNode("b", T.Str).StartWith("a").EndWith("b").RunAsync<string, string>(input);
        }
        """);

    [Test]
    public Task A_local_let_go_and_then_run_is_silent() => Verify.VerifyAsync(InMethod("""
        var graph = new Graph("g").AddNode("a", T.Str);
        Finish(graph);
        return await graph.RunAsync<string, string>(input);
        }

        private static void Finish(Graph graph) => graph.StartWith("a").EndWith("a");

        private static void Unused()
        {
        """));

    [Test]
    public Task A_local_built_in_a_loop_is_silent() => Verify.VerifyAsync(InMethod("""
        var graph = new Graph("g").AddNode("a", T.Str).StartWith("a");
        foreach (var name in new[] { "b", "c" })
        {
            graph.AddNode(name, T.Str).AddEdge("a", name);
        }

        graph.EndWith("b").EndWith("c");
        return graph;
        """));

    // ---- RunAsync<TInput, TOutput> -----------------------------------------------------------------------------

    [Test]
    public Task The_run_input_type_must_fit_the_start_node() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("a", T.Str).StartWith("a").EndWith("a").RunAsync<{|#0:int|}, string>(1);
            """),
        Verify.Diagnostic(FluxDiagnostics.GraphRunInputMismatch).WithLocation(0).WithArguments("g", "a", "string", "int"));

    [Test]
    public Task The_run_output_type_must_fit_every_end_node() => Verify.VerifyAsync(
        InMethod("""
            return await new Graph("g").AddNode("count", T.Count).StartWith("count").EndWith("count").Build().RunAsync<string, {|#0:string|}>(input);
            """),
        Verify.Diagnostic(FluxDiagnostics.GraphRunOutputMismatch).WithLocation(0).WithArguments("g", "count", "int", "string"));

    [Test]
    public Task The_run_types_of_a_local_are_checked_where_it_is_run() => Verify.VerifyAsync(InMethod("""
        var graph = new Graph("g");
        graph.AddNode("count", T.Count).StartWith("count").EndWith("count");
        return await graph.RunAsync<{|FLUX008:object|}, {|FLUX008:string|}>(input);
        """));

    [Test]
    public Task Run_types_that_fit_by_reference_boxing_or_nullable_are_silent() => Verify.VerifyAsync(InMethod("""
        await new Graph("g").AddNode("a", T.Str).StartWith("a").EndWith("a").RunAsync<string, object>(input);
        return await new Graph("h").AddNode("count", T.Count).StartWith("count").EndWith("count").RunAsync<string, int?>(input);
        """));
}
