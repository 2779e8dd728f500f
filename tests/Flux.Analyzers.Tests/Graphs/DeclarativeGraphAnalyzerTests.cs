using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static Flux.Analyzers.Tests.Graphs.DeclarativeGraphSources;

namespace Flux.Analyzers.Tests.Graphs;

/// <summary>One firing and one silent case per rule FLUX001-FLUX011 on declarative graphs, at the attribute or argument at fault.</summary>
public sealed class DeclarativeGraphAnalyzerTests
{
    private const string Valid = """
        [Node("a", nameof(Str))]
        [Node("b", nameof(Str))]
        [Edge("a", "b")]
        [StartWith("a")]
        [EndWith("b")]
        """;

    /// <summary>A result with the rule's id, the given message format's arguments, at markup location 0.</summary>
    private static DiagnosticResult At(string id, params object[] arguments) =>
        new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(0).WithArguments(arguments);

    [Test]
    public Task A_valid_graph_is_silent() => VerifyAsync(Graph(Valid));

    // ---- FLUX001 / FLUX002 -------------------------------------------------------------------------------------

    [Test]
    public Task FLUX001_fires_without_StartWith() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [EndWith("a")]
            """).Replace("partial Task<string> G(", "partial Task<string> {|#0:G|}("),
        Diagnostic("FLUX001").WithLocation(0).WithArguments("G"));

    [Test]
    public Task FLUX001_is_silent_with_StartWith() => VerifyAsync(Graph("""
        [Node("a", nameof(Str))]
        [StartWith("a")]
        [EndWith("a")]
        """));

    [Test]
    public Task FLUX002_fires_without_EndWith() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [StartWith("a")]
            """).Replace("partial Task<string> G(", "partial Task<string> {|#0:G|}("),
        Diagnostic("FLUX002").WithLocation(0).WithArguments("G"));

    [Test]
    public Task FLUX002_is_silent_with_EndWith() => VerifyAsync(Graph(Valid));

    // ---- FLUX003 / FLUX004 -------------------------------------------------------------------------------------

    [Test]
    public Task FLUX003_fires_on_unknown_node_names() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [Edge("a", {|#0:"c"|})]
            [StartWith({|#1:"x"|})]
            [EndWith("a")]
            """),
        Diagnostic("FLUX003").WithLocation(0).WithArguments("G", "edge 'a' -> 'c'", "c"),
        Diagnostic("FLUX003").WithLocation(1).WithArguments("G", "StartWith", "x"));

    [Test]
    public Task FLUX003_fires_on_a_node_that_names_a_method_without_Task() => VerifyAsync(
        Graph("""
            [Node("a", {|#0:nameof(NotATask)|})]
            [StartWith("a")]
            [EndWith("a")]
            """),
        At("FLUX003", "G", "a", "NotATask", "Flows", "add [Task] to it, or name a [Task] method (use nameof)"));

    [Test]
    public Task FLUX003_fires_on_a_node_that_names_no_method() => VerifyAsync(
        Graph("""
            [Node({|#0:"Missing"|})]
            [StartWith("Missing")]
            [EndWith("Missing")]
            """),
        At("FLUX003", "G", "Missing", "Missing", "Flows", "name a [Task] method (use nameof), or set DeclaredIn = typeof(...) to the class that declares it"));

    [Test]
    public Task FLUX003_is_silent_for_nameof_nodes_and_tasks_of_another_class() => VerifyAsync(Graph("""
        [Node(nameof(Str))]
        [Node("other", nameof(Other.Echo), DeclaredIn = typeof(Other))]
        [Edge(nameof(Str), "other")]
        [StartWith(nameof(Str))]
        [EndWith("other")]
        """) + """

        public static partial class Other
        {
            [Task] public static string Echo(string s) => s;
        }
        """);

    [Test]
    public Task FLUX004_fires_on_the_second_Node() => VerifyAsync(Graph("""
        [Node("a", nameof(Str))]
        [{|FLUX004:Node("a", nameof(Str))|}]
        [StartWith("a")]
        [EndWith("a")]
        """));

    [Test]
    public Task FLUX004_is_silent_for_distinct_names() => VerifyAsync(Graph(Valid));

    // ---- FLUX005 / FLUX006 / FLUX007 ---------------------------------------------------------------------------

    [Test]
    public Task FLUX005_fires_on_the_edge_that_closes_the_cycle() => VerifyAsync(
        Graph("""
            [Node("s", nameof(Str))]
            [Node("a", nameof(Join))]
            [Node("b", nameof(Str))]
            [Edge("s", "a")]
            [Edge("a", "b")]
            [{|#0:Edge("b", "a")|}]
            [StartWith("s")]
            [EndWith("b")]
            """),
        Diagnostic("FLUX005").WithLocation(0).WithArguments("G", "'a' -> 'b' -> 'a'"));

    [Test]
    public Task FLUX005_is_silent_without_a_cycle() => VerifyAsync(Graph(Valid));

    [Test]
    public Task FLUX006_fires_on_an_unreachable_node() => VerifyAsync(Graph("""
        [Node("a", nameof(Str))]
        [{|FLUX006:Node("b", nameof(Str))|}]
        [StartWith("a")]
        [EndWith("a")]
        [EndWith("b")]
        """));

    [Test]
    public Task FLUX006_is_silent_when_every_node_is_reached() => VerifyAsync(Graph(Valid));

    [Test]
    public Task FLUX007_fires_on_a_dead_end() => VerifyAsync(Graph("""
        [Node("a", nameof(Str))]
        [Node("b", nameof(Str))]
        [{|FLUX007:Node("c", nameof(Str))|}]
        [Edge("a", "b")]
        [Edge("a", "c")]
        [StartWith("a")]
        [EndWith("b")]
        """));

    [Test]
    public Task FLUX007_is_silent_when_every_node_reaches_an_end() => VerifyAsync(Graph(Valid));

    // ---- FLUX008 / FLUX009 / FLUX010 ---------------------------------------------------------------------------

    [Test]
    public Task FLUX008_fires_on_an_edge_whose_types_do_not_fit() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [Node("b", nameof(Show))]
            [Node("c", nameof(Str))]
            [{|#0:Edge("a", "b")|}]
            [Edge("b", "c")]
            [StartWith("a")]
            [EndWith("c")]
            """),
        Diagnostic("FLUX008").WithLocation(0).WithArguments("G", "a", "b", "string", "int"));

    [Test]
    public Task FLUX008_fires_on_a_start_node_that_does_not_take_the_input() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Show))]
            [StartWith({|#0:"a"|})]
            [EndWith("a")]
            """),
        At("FLUX008", "G", "a", "int", "string"));

    [Test]
    public Task FLUX008_fires_on_an_end_node_that_does_not_produce_the_output() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Count))]
            [StartWith("a")]
            [EndWith({|#0:"a"|})]
            """),
        At("FLUX008", "G", "a", "int", "string"));

    [Test]
    public Task FLUX008_is_silent_when_types_fit() => VerifyAsync(Graph("""
        [Node("a", nameof(Count))]
        [Node("b", nameof(Show))]
        [Edge("a", "b")]
        [StartWith("a")]
        [EndWith("b")]
        """));

    [Test]
    public Task FLUX009_fires_on_a_condition_that_does_not_take_the_upstream_output() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [Node("b", nameof(Str))]
            [Edge("a", "b", {|#0:When = nameof(IsBig)|})]
            [StartWith("a")]
            [EndWith("b")]
            """),
        Diagnostic("FLUX009").WithLocation(0).WithArguments("G", "a", "b", "int", "string"));

    [Test]
    public Task FLUX009_fires_on_a_missing_or_ill_typed_condition() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [Node("b", nameof(Str))]
            [Node("c", nameof(Str))]
            [Edge("a", "b", {|#0:When = "Missing"|})]
            [Edge("a", "c", {|#1:When = nameof(NotACondition)|})]
            [StartWith("a")]
            [EndWith("b")]
            [EndWith("c")]
            """),
        At("FLUX009", "G", "a", "b", "names 'Missing', which is not a method of 'Flows': name (with nameof) a static method of 'Flows' that takes the output of 'a' and returns bool or an enum"),
        new DiagnosticResult("FLUX009", DiagnosticSeverity.Error).WithLocation(1).WithArguments(
            "G", "a", "c", "names 'NotACondition', which does not take one parameter and return bool or an enum as a static method: make it static, take the output of 'a' and return bool or an enum"));

    [Test]
    public Task FLUX009_fires_on_a_case_that_does_not_fit_the_router() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [Node("b", nameof(Str))]
            [Edge("a", "b", {|#0:When = nameof(IsLong)|}, Case = Verdict.Valid)]
            [StartWith("a")]
            [EndWith("b")]
            """),
        At("FLUX009", "G", "a", "b", "has a Case, but its condition 'IsLong' returns bool: remove Case, or make 'IsLong' return an enum"));

    [Test]
    public Task FLUX009_is_silent_when_the_condition_takes_the_output() => VerifyAsync(Graph("""
        [Node("a", nameof(Str))]
        [Node("b", nameof(Str))]
        [Node("c", nameof(Str))]
        [Edge("a", "b", When = nameof(IsLong))]
        [Edge("a", "c")]
        [StartWith("a")]
        [EndWith("b")]
        [EndWith("c")]
        """));

    [Test]
    public Task FLUX010_fires_on_a_join_that_does_not_take_its_inputs() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [Node("b", nameof(Str))]
            [{|#0:Node("c", nameof(Str))|}]
            [Edge("a", "c")]
            [Edge("b", "c")]
            [StartWith("a")]
            [StartWith("b")]
            [EndWith("c")]
            """),
        Diagnostic("FLUX010").WithLocation(0).WithArguments("G", "c", "2", "'a': string, 'b': string", "(string)"));

    [Test]
    public Task FLUX010_is_silent_when_the_join_takes_one_parameter_per_upstream_node() => VerifyAsync(Graph("""
        [Node("a", nameof(Str))]
        [Node("b", nameof(Str))]
        [Node("c", nameof(Join))]
        [Edge("a", "c")]
        [Edge("b", "c")]
        [StartWith("a")]
        [StartWith("b")]
        [EndWith("c")]
        """));

    // ---- FLUX011 -----------------------------------------------------------------------------------------------

    [Test]
    public Task FLUX011_fires_for_each_case_without_an_edge() => VerifyAsync(
        Graph("""
            [Node("a", nameof(Str))]
            [Node("ok", nameof(Str))]
            [Edge("a", "ok", {|#0:When = nameof(Classify)|}, Case = Verdict.Valid)]
            [StartWith("a")]
            [EndWith("ok")]
            """),
        Diagnostic("FLUX011").WithLocation(0).WithArguments("G", "Classify", "Verdict", "Invalid", "a"),
        Diagnostic("FLUX011").WithLocation(0).WithArguments("G", "Classify", "Verdict", "Unknown", "a"));

    [Test]
    public Task FLUX011_is_silent_when_every_case_has_an_edge() => VerifyAsync(Graph("""
        [Node("a", nameof(Str))]
        [Node("ok", nameof(Str))]
        [Node("ko", nameof(Str))]
        [Edge("a", "ok", When = nameof(Classify), Case = Verdict.Valid)]
        [Edge("a", "ko", When = nameof(Classify), Case = new[] { Verdict.Invalid, Verdict.Unknown })]
        [StartWith("a")]
        [EndWith("ok")]
        [EndWith("ko")]
        """));

    [Test]
    public async Task The_message_of_FLUX011_names_the_fix()
    {
        var descriptor = new DeclarativeGraphAnalyzer().SupportedDiagnostics.Single(d => d.Id == "FLUX011");
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(), "x", "Classify", "Verdict", "Unknown", "validate");
        Assert.That(message, Is.EqualTo("Graph 'x': router 'Classify' returns Verdict, but case 'Unknown' has no edge from 'validate': add [Edge(\"validate\", \"...\", When = nameof(Classify), Case = Verdict.Unknown)]"));
        await Task.CompletedTask;
    }

    [Test]
    public Task An_ordinary_workflow_with_a_body_is_left_to_the_other_rules() => VerifyAsync(
        """
        using System.Threading.Tasks;
        using Flux;

        public static partial class Flows
        {
            [Workflow]
            public static Task<string> G(ExecutionContext<string> ctx) => Task.FromResult(ctx.Input);
        }
        """,
        withImplementation: false);
}
